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
    repeated_pattern: 'Not mostly one digit or a group repeated (like 12121212)',
    sequential_digits: (run: number) => `No ${run} digits in a row going up or down (like 12345)`,
    date: 'Not a date or years side by side (like 19841990)',
    counting: 'Not counting in steps or pairs (like 13579135)',
    keypad_shape: 'Not a shape on the keypad (like 14789632)',
    mirrored: 'Not a group and its reverse (like 12344321)',
    shuffled_run: 'Not 1 to 8 in a mixed order (like 15426378)',
    common_pin: 'Not a well-known number (like 31415926)',
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
      repeated_pattern: 'Que no sea casi todo un dígito ni un grupo repetido (como 12121212)',
      sequential_digits: (run: number) =>
        `Sin ${run} dígitos seguidos en orden ascendente o descendente (como 12345)`,
      date: 'Que no sea una fecha ni años seguidos (como 19841990)',
      counting: 'Que no cuente de a saltos o de a pares (como 13579135)',
      keypad_shape: 'Que no sea una forma en el teclado (como 14789632)',
      mirrored: 'Que no sea un grupo y su reverso (como 12344321)',
      shuffled_run: 'Que no sea del 1 al 8 en desorden (como 15426378)',
      common_pin: 'Que no sea un número conocido (como 31415926)',
      same_as_current: 'Distinto de su PIN actual',
      allMet: 'Su PIN nuevo cumple todas las reglas.',
      notMetYet: (rules: string) => `Aún sin cumplir: ${rules}.`,
    },
  },
);
