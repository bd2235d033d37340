/** Spanish for the Copy button (src/lib/admin/copy-text.ts is the reference). */
import type { copyText as english } from '../../copy-text';

export const copyText: typeof english = {
  copy: 'Copiar',
  copied: (what: string) => `${what}: copiado.`,
  copyFailed: 'No se pudo copiar: selecciona el texto y cópialo a mano.',
};
