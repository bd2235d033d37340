/** The on-screen number pad of the PIN and change-PIN screens. */
import { english } from '../define';

export const pinPad = english({
  label: 'Number pad',
  deleteLast: 'Delete last digit',
  clear: 'Clear',
  /** Said (politely) after a pad key: which field, and how many digits it holds, never which. */
  digitsIn: (field: string, count: number) =>
    count === 1 ? `${field}: 1 digit` : `${field}: ${count} digits`,
});
