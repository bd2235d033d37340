/**
 * PIN rules, applied on every set and change (PRODUCT.md, Entra parity, and better):
 * digits only, policy length up to 20, no long ascending/descending runs,
 * no PIN made of one repeated 1–3 digit unit, no date, no keypad shape or common PIN.
 */
import { isCommonPin, looksLikeDate } from './pin-blocklist.js';

export const MIN_PIN_LENGTH = 8;
export const MAX_PIN_LENGTH = 20;
/** A run of this many consecutive digits (0123… or 9876…) is refused anywhere in the PIN. */
export const MAX_SEQUENTIAL_RUN = 5;

export type PinRule =
  | 'digits_only'
  | 'length'
  | 'sequential_digits'
  | 'repeated_pattern'
  | 'date'
  | 'common_pin'
  | 'same_as_current';

export type PinCheck = { ok: true } | { ok: false; rule: PinRule; message: string };

const fail = (rule: PinRule, message: string): PinCheck => ({ ok: false, rule, message });

function longestSequentialRun(pin: string): number {
  let longest = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < pin.length; i++) {
    const step = pin.charCodeAt(i) - pin.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    longest = Math.max(longest, up, down);
  }
  return longest;
}

/** True when the PIN is its first 1–3 digits over and over (11111111, 12121212, 12312312). */
function isRepeatedUnit(pin: string): boolean {
  for (let unit = 1; unit <= 3; unit++) {
    if (pin.length < 2 * unit) continue;
    if (
      pin
        .slice(0, unit)
        .repeat(Math.ceil(pin.length / unit))
        .slice(0, pin.length) === pin
    )
      return true;
  }
  return false;
}

export function checkPin(pin: string, rules: { minLength: number }): PinCheck {
  // ASCII digits only: Arabic-Indic and other Unicode digits are refused, not normalised.
  if (!/^[0-9]+$/.test(pin)) return fail('digits_only', 'The PIN must contain digits 0–9 only.');
  if (pin.length < rules.minLength || pin.length > MAX_PIN_LENGTH) {
    return fail('length', `The PIN must be ${rules.minLength} to ${MAX_PIN_LENGTH} digits long.`);
  }
  if (isRepeatedUnit(pin)) {
    return fail('repeated_pattern', 'The PIN must not repeat one digit or a short pattern (like 121212).');
  }
  if (longestSequentialRun(pin) >= MAX_SEQUENTIAL_RUN) {
    return fail(
      'sequential_digits',
      `The PIN must not contain ${MAX_SEQUENTIAL_RUN} or more digits in a row going up or down (like 12345).`,
    );
  }
  if (looksLikeDate(pin)) return fail('date', 'The PIN must not be a date (like 27051984 or 19840527).');
  if (isCommonPin(pin)) {
    return fail(
      'common_pin',
      'The PIN is too easy to guess (a keypad shape, a doubled group or a common PIN).',
    );
  }
  return { ok: true };
}

export function checkNewPin(newPin: string, currentPin: string, rules: { minLength: number }): PinCheck {
  const check = checkPin(newPin, rules);
  if (!check.ok) return check;
  if (newPin === currentPin) return fail('same_as_current', 'The new PIN must differ from the current PIN.');
  return check;
}

/** Generates a PIN that passes the rules, from a source of random digits. */
export function generatePin(length: number, randomDigit: () => number): string {
  for (;;) {
    let pin = '';
    for (let i = 0; i < length; i++) pin += String(randomDigit());
    if (checkPin(pin, { minLength: length }).ok) return pin;
  }
}
