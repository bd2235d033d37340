/** Spanish for messages/change-pin.ts (English there is the reference: same keys, same parameters). */
import type { changePin as english } from '../change-pin';

export const changePin: typeof english = {
  title: 'Elija su propio PIN',
  againTitle: 'Vuelva a escribir su PIN nuevo',
  step: (step: number, of: number) => `Paso ${step} de ${of}`,
  newPin: 'PIN nuevo',
  confirmPin: 'Confirme el PIN nuevo',
  emptyNew: 'Primero escriba un PIN nuevo.',
  emptyAgain: 'Vuelva a escribir su PIN nuevo para confirmarlo.',
  mismatch: 'Los dos PIN no coinciden. Vuelva a elegir su PIN nuevo.',
  next: 'Siguiente',
  back: 'Atrás',
  save: 'Guardar PIN',
  cancel: 'Cancelar y cerrar sesión',
};
