/** Why a new PIN is refused, keyed by the server's PIN_POLICY_VIOLATION `rule`. */
import { defineMessages } from '../define';

export const pinRules = defineMessages(
  {
    digits_only: 'The PIN must contain digits 0–9 only.',
    length: (minLength: number, maxLength: number) =>
      `The PIN must be ${minLength} to ${maxLength} digits long.`,
    repeated_pattern: 'The PIN must not repeat one digit or a short pattern (like 121212).',
    sequential_digits: (run: number) =>
      `The PIN must not contain ${run} or more digits in a row going up or down (like 12345).`,
    date: 'The PIN must not be a date (like 27051984 or 19840527).',
    common_pin: 'The PIN is too easy to guess (a keypad shape, a doubled group or a common PIN).',
    same_as_current: 'The new PIN must differ from the current PIN.',
  },
  {
    es: {
      digits_only: 'El PIN solo puede contener dígitos del 0 al 9.',
      length: (minLength: number, maxLength: number) =>
        `El PIN debe tener entre ${minLength} y ${maxLength} dígitos.`,
      repeated_pattern: 'El PIN no puede repetir un dígito ni un patrón corto (como 121212).',
      sequential_digits: (run: number) =>
        `El PIN no puede contener ${run} o más dígitos seguidos en orden ascendente o descendente (como 12345).`,
      date: 'El PIN no puede ser una fecha (como 27051984 o 19840527).',
      common_pin:
        'El PIN es demasiado fácil de adivinar (una forma del teclado, un grupo repetido o un PIN común).',
      same_as_current: 'El PIN nuevo debe ser distinto del PIN actual.',
    },
  },
);
