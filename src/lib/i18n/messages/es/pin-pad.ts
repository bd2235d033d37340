/** Spanish for messages/pin-pad.ts (English there is the reference: same keys, same parameters). */
import type { pinPad as english } from '../pin-pad';

export const pinPad: typeof english = {
  label: 'Teclado numérico',
  deleteLast: 'Borrar el último dígito',
  clear: 'Borrar todo',
  digitsIn: (field: string, count: number) =>
    count === 1 ? `${field}: 1 dígito` : `${field}: ${count} dígitos`,
};
