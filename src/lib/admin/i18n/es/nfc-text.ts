/** Spanish for "Write to NFC tag" (src/lib/admin/nfc-text.ts is the reference). */
import type { nfcText as english } from '../../nfc-text';

export const nfcText: typeof english = {
  write: 'Grabar en etiqueta NFC',
  note: 'Una etiqueta inicia la sesión de esta persona igual que la credencial impresa: entrégasela solo a ella.',
  hold: 'Acerca la etiqueta a la parte de atrás del teléfono.',
  cancel: 'Cancelar',
  written: (name: string) => `Grabada. Esta etiqueta ahora inicia la sesión de ${name}.`,
  problems: {
    refused:
      'NFC está bloqueado para este sitio. Permite NFC en Chrome (Configuración › Configuración de sitios › NFC) y vuelve a intentarlo.',
    'turned-off':
      'NFC está desactivado en este teléfono. Actívalo en los ajustes del teléfono y vuelve a intentarlo.',
    'no-nfc':
      'Este teléfono o esta etiqueta no puede guardar una credencial. Usa una etiqueta NTAG213, NTAG215 o NTAG216.',
    moved:
      'No se pudo grabar la etiqueta: se alejó o está bloqueada. Mantén quieta una etiqueta nueva o sin bloquear contra la parte de atrás del teléfono y vuelve a intentarlo.',
    failed: 'No se pudo grabar la etiqueta. Vuelve a intentarlo o usa otra etiqueta.',
  },
};
