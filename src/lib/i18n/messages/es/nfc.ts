/** Spanish for messages/nfc.ts (English there is the reference: same keys, same parameters). */
import type { nfc as english } from '../nfc';

export const nfc: typeof english = {
  use: 'Usar credenciales NFC',
  listening: 'O acerque su credencial NFC a la parte de atrás del teléfono.',
  'not-a-badge': 'Esta etiqueta no es una credencial de Shiftpass.',
  unreadable: 'No se pudo leer la etiqueta. Manténgala quieta contra la parte de atrás del teléfono.',
  refused:
    'NFC está bloqueado para este sitio. Pida a su responsable que permita NFC en Chrome (Configuración › Configuración de sitios › NFC) y pulse «Usar credenciales NFC». Mientras tanto, escanee el código QR de su credencial.',
  'turned-off':
    'NFC está desactivado en este teléfono. Actívelo en los ajustes del teléfono y pulse «Usar credenciales NFC».',
  failed: 'Ahora no se pueden leer credenciales NFC. Escanee el código QR de su credencial.',
};
