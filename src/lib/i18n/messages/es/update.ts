/** Spanish for messages/update.ts (English there is the reference: same keys, same parameters). */
import type { update as english } from '../update';

export const update: typeof english = {
  ready: 'Hay una nueva versión de Shiftpass lista.',
  apply: 'Actualizar ahora',
};
