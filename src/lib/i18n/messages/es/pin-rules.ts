/** Spanish for messages/pin-rules.ts (English there is the reference: same keys, same parameters). */
import type { pinRules as english } from '../pin-rules';

export const pinRules: typeof english = {
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
};
