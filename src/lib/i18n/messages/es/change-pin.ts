/** Spanish for messages/change-pin.ts (English there is the reference: same keys, same parameters). */
import type { changePin as english } from '../change-pin';

export const changePin: typeof english = {
  title: 'Elija su propio PIN',
  currentPin: 'PIN actual',
  newPin: 'PIN nuevo',
  confirmPin: 'Confirme el PIN nuevo',
  mismatch: 'Los dos PIN nuevos no coinciden.',
  save: 'Guardar PIN',
};
