/**
 * PIN rules, applied on every set and change (docs/security.md, "PIN rules": Entra parity, and better):
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

const MESSAGES: Record<PinRule, (rules: { minLength: number }) => string> = {
  digits_only: () => 'The PIN must contain digits 0–9 only.',
  length: (rules) => `The PIN must be ${rules.minLength} to ${MAX_PIN_LENGTH} digits long.`,
  repeated_pattern: () => 'The PIN must not repeat one digit or a short pattern (like 121212).',
  sequential_digits: () =>
    `The PIN must not contain ${MAX_SEQUENTIAL_RUN} or more digits in a row going up or down (like 12345).`,
  date: () => 'The PIN must not be a date (like 27051984 or 19840527).',
  common_pin: () => 'The PIN is too easy to guess (a keypad shape, a doubled group or a common PIN).',
  same_as_current: () => 'The new PIN must differ from the current PIN.',
};

/**
 * The structural rules in the order checkPin applies them; each says whether a PIN passes it.
 * checkPin reports the first that fails; pinRuleVerdicts reports them all.
 */
const PIN_RULE_TESTS: readonly (readonly [
  PinRule,
  (pin: string, rules: { minLength: number }) => boolean,
])[] = [
  // ASCII digits only: Arabic-Indic and other Unicode digits are refused, not normalised.
  ['digits_only', (pin) => /^[0-9]+$/.test(pin)],
  ['length', (pin, rules) => pin.length >= rules.minLength && pin.length <= MAX_PIN_LENGTH],
  ['repeated_pattern', (pin) => !isRepeatedUnit(pin)],
  ['sequential_digits', (pin) => longestSequentialRun(pin) < MAX_SEQUENTIAL_RUN],
  ['date', (pin) => !looksLikeDate(pin)],
  ['common_pin', (pin) => !isCommonPin(pin)],
];

/** Every rule, in the order a refusal reports them (checkNewPin's "same as current" last). */
export const PIN_RULES: readonly PinRule[] = [...PIN_RULE_TESTS.map(([rule]) => rule), 'same_as_current'];

export function checkPin(pin: string, rules: { minLength: number }): PinCheck {
  for (const [rule, passes] of PIN_RULE_TESTS) {
    if (!passes(pin, rules)) return fail(rule, MESSAGES[rule](rules));
  }
  return { ok: true };
}

export function checkNewPin(newPin: string, currentPin: string, rules: { minLength: number }): PinCheck {
  const check = checkPin(newPin, rules);
  if (!check.ok) return check;
  if (newPin === currentPin) return fail('same_as_current', MESSAGES.same_as_current(rules));
  return check;
}

/** Whether a PIN meets each rule, for a worker choosing one: `true` is met. */
export type PinRuleVerdicts = Record<PinRule, boolean>;

/**
 * Every rule's verdict on a PIN typed so far, for live hints while a new PIN is chosen (checkPin
 * stops at the first failure). An empty PIN meets no rule: there is nothing to judge yet. Without a
 * `currentPin` the "differs from current" rule is judged met. The first unmet rule in PIN_RULES
 * order is always the one checkNewPin (or checkPin) reports.
 */
export function pinRuleVerdicts(
  pin: string,
  rules: { minLength: number },
  currentPin?: string,
): PinRuleVerdicts {
  const empty = pin.length === 0;
  const verdicts = Object.fromEntries(
    PIN_RULE_TESTS.map(([rule, passes]) => [rule, !empty && passes(pin, rules)]),
  ) as Omit<PinRuleVerdicts, 'same_as_current'>;
  return { ...verdicts, same_as_current: !empty && (currentPin === undefined || pin !== currentPin) };
}

/** Generates a PIN that passes the rules, from a source of random digits. */
export function generatePin(length: number, randomDigit: () => number): string {
  for (;;) {
    let pin = '';
    for (let i = 0; i < length; i++) pin += String(randomDigit());
    if (checkPin(pin, { minLength: length }).ok) return pin;
  }
}
