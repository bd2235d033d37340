/** Why a new PIN is refused, keyed by the server's PIN_POLICY_VIOLATION `rule`. */
import { defineMessages } from '../define';

export const pinRules = defineMessages(
  {
    digits_only: 'The PIN must contain digits 0–9 only.',
    length: (minLength: number, maxLength: number) =>
      `The PIN must be ${minLength} to ${maxLength} digits long.`,
    repeated_pattern:
      'The PIN must not be mostly one digit or a group repeated (like 11111118, 12121212 or 19471947).',
    sequential_digits: (run: number) =>
      `The PIN must not contain ${run} or more digits in a row going up or down (like 12345).`,
    date: 'The PIN must not be a date, or years and dates side by side (like 27051984 or 19841990).',
    counting:
      'Numbers that count up or down in steps or in pairs, like 13579135 or 10203040, are too easy to guess.',
    keypad_shape: 'Shapes on the keypad, like 14789632 or rows such as 78945612, are too easy to guess.',
    mirrored: 'A group followed by its reverse, like 12344321, is too easy to guess.',
    shuffled_run:
      'The digits 1 to 8 (or another run of digits) in a mixed order, like 15426378, are too easy to guess.',
    common_pin: 'Well-known numbers, like 31415926 (pi) or 11235813, are too easy to guess.',
    same_as_current: 'The new PIN must differ from the current PIN.',
  },
  {
    es: {
      digits_only: 'El PIN solo puede contener dígitos del 0 al 9.',
      length: (minLength: number, maxLength: number) =>
        `El PIN debe tener entre ${minLength} y ${maxLength} dígitos.`,
      repeated_pattern:
        'El PIN no puede ser casi todo un mismo dígito ni un grupo repetido (como 11111118, 12121212 o 19471947).',
      sequential_digits: (run: number) =>
        `El PIN no puede contener ${run} o más dígitos seguidos en orden ascendente o descendente (como 12345).`,
      date: 'El PIN no puede ser una fecha, ni años y fechas uno tras otro (como 27051984 o 19841990).',
      counting:
        'Los números que cuentan hacia arriba o hacia abajo de a saltos o de a pares, como 13579135 o 10203040, son demasiado fáciles de adivinar.',
      keypad_shape:
        'Las formas en el teclado, como 14789632 o filas como 78945612, son demasiado fáciles de adivinar.',
      mirrored: 'Un grupo seguido de sí mismo al revés, como 12344321, es demasiado fácil de adivinar.',
      shuffled_run:
        'Los dígitos del 1 al 8 (u otra serie de dígitos seguidos) en desorden, como 15426378, son demasiado fáciles de adivinar.',
      common_pin: 'Los números conocidos, como 31415926 (pi) o 11235813, son demasiado fáciles de adivinar.',
      same_as_current: 'El PIN nuevo debe ser distinto del PIN actual.',
    },
  },
);
