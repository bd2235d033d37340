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
    repeated_pattern: 'Not one digit or a short pattern repeated (like 121212)',
    sequential_digits: (run: number) => `No ${run} digits in a row going up or down (like 12345)`,
    date: 'Not a date (like 27051984)',
    common_pin: 'Not a common PIN or a keypad shape',
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
      repeated_pattern: 'Sin repetir un dígito ni un patrón corto (como 121212)',
      sequential_digits: (run: number) =>
        `Sin ${run} dígitos seguidos en orden ascendente o descendente (como 12345)`,
      date: 'Que no sea una fecha (como 27051984)',
      common_pin: 'Que no sea un PIN común ni una forma del teclado',
      same_as_current: 'Distinto de su PIN actual',
      allMet: 'Su PIN nuevo cumple todas las reglas.',
      notMetYet: (rules: string) => `Aún sin cumplir: ${rules}.`,
    },
  },
);
