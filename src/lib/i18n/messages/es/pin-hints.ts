/** Spanish for messages/pin-hints.ts (English there is the reference: same keys, same parameters). */
import type { pinHints as english } from '../pin-hints';

export const pinHints: typeof english = {
  title: 'Reglas para su PIN nuevo',
  stillNeeded: 'Reglas aún sin cumplir:',
  allRules: 'Todas las reglas del PIN',
  met: 'Cumplida:',
  notMet: 'Sin cumplir:',
  length: (minLength: number, maxLength: number) => `De ${minLength} a ${maxLength} dígitos`,
  digits_only: 'Solo dígitos del 0 al 9',
  repeated_pattern: 'Sin repeticiones (como 12121212)',
  sequential_digits: (run: number) =>
    `Sin ${run} dígitos seguidos en orden ascendente o descendente (como 12345)`,
  date: 'Ni fecha ni años (como 19841990)',
  counting: 'Sin contar de a saltos (como 13579135)',
  keypad_shape: 'Sin formas del teclado (como 14789632)',
  mirrored: 'Sin reflejos (como 12344321)',
  shuffled_run: 'Sin 1 al 8 mezclados (como 15426378)',
  common_pin: 'Sin números famosos (como 31415926)',
  same_as_current: 'Distinto de su PIN actual',
  allMet: 'Su PIN nuevo cumple todas las reglas.',
  notMetYet: (rules: string) => `Aún sin cumplir: ${rules}.`,
};
