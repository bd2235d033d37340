import { defineMessages } from '../define';

export const changePin = defineMessages(
  {
    title: 'Choose your own PIN',
    hint: (minLength: number, maxLength: number) =>
      `Use ${minLength} to ${maxLength} digits. Avoid one digit repeated, short patterns like 121212, and runs like 12345.`,
    currentPin: 'Current PIN',
    newPin: 'New PIN',
    confirmPin: 'Confirm new PIN',
    mismatch: 'The two new PINs are not the same.',
    save: 'Save PIN',
  },
  {
    es: {
      title: 'Elija su propio PIN',
      hint: (minLength: number, maxLength: number) =>
        `Use de ${minLength} a ${maxLength} dígitos. Evite repetir un dígito, patrones cortos como 121212 y series como 12345.`,
      currentPin: 'PIN actual',
      newPin: 'PIN nuevo',
      confirmPin: 'Confirme el PIN nuevo',
      mismatch: 'Los dos PIN nuevos no coinciden.',
      save: 'Guardar PIN',
    },
  },
);
