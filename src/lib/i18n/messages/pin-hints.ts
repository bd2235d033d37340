/**
 * The PIN rules as a checklist while a worker types a new PIN, keyed by the server's rule names
 * (server/domain/pin-rules.ts). Short phrases: each is shown with "met" or "not met".
 */
import { defineMessages } from '../define';

export const pinHints = defineMessages(
  {
    title: 'Rules for your new PIN',
    met: 'Met:',
    notMet: 'Not met:',
    length: (minLength: number, maxLength: number) => `${minLength} to ${maxLength} digits`,
    digits_only: 'Digits 0–9 only',
    repeated_pattern: 'No repeats (like 12121212)',
    sequential_digits: (run: number) => `No ${run} digits in a row going up or down (like 12345)`,
    date: 'Not a date or years (like 19841990)',
    counting: 'Not counting in steps (like 13579135)',
    keypad_shape: 'Not a keypad shape (like 14789632)',
    mirrored: 'Not a mirror image (like 12344321)',
    shuffled_run: 'Not 1 to 8 shuffled (like 15426378)',
    common_pin: 'Not a famous number (like 31415926)',
    same_as_current: 'Different from your current PIN',
    allMet: 'Your new PIN meets every rule.',
    notMetYet: (rules: string) => `Not met yet: ${rules}.`,
  },
  {
    es: {
      title: 'Reglas para su PIN nuevo',
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
    },
  },
);
