/** Spanish for messages/common.ts (English there is the reference: same keys, same parameters). */
import type { common as english } from '../common';

export const common: typeof english = {
  appName: 'Shiftpass',
  loading: 'Cargando…',
  language: 'Idioma',
};
