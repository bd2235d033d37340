/** The on-screen number pad of the PIN and change-PIN screens. */
import { defineMessages } from '../define';

export const pinPad = defineMessages(
  {
    label: 'Number pad',
    deleteLast: 'Delete last digit',
    clear: 'Clear',
    /** Said (politely) after a pad key: which field, and how many digits it holds, never which. */
    digitsIn: (field: string, count: number) =>
      count === 1 ? `${field}: 1 digit` : `${field}: ${count} digits`,
  },
  {
    es: {
      label: 'Teclado numérico',
      deleteLast: 'Borrar el último dígito',
      clear: 'Borrar todo',
      digitsIn: (field: string, count: number) =>
        count === 1 ? `${field}: 1 dígito` : `${field}: ${count} dígitos`,
    },
  },
);
