import { defineMessages } from '../define';

export const changePin = defineMessages(
  {
    title: 'Choose your own PIN',
    currentPin: 'Current PIN',
    newPin: 'New PIN',
    confirmPin: 'Confirm new PIN',
    mismatch: 'The two new PINs are not the same.',
    save: 'Save PIN',
  },
  {
    es: {
      title: 'Elija su propio PIN',
      currentPin: 'PIN actual',
      newPin: 'PIN nuevo',
      confirmPin: 'Confirme el PIN nuevo',
      mismatch: 'Los dos PIN nuevos no coinciden.',
      save: 'Guardar PIN',
    },
  },
);
