/**
 * PIN rules, applied on every set and change (docs/security.md, "PIN rules": Entra parity, and better):
 * digits only, policy length up to 20, no long ascending/descending runs, nothing repeated, and none of
 * the ways people build memorable numbers (dates and years, counting, keypad shapes, mirrors, shuffled
 * runs, well-known numbers). The shape rules judge a PIN once it is at least MIN_PIN_LENGTH long: a
 * shorter one is refused for its length anyway, and the live hints should not flag every short prefix.
 */
import { isCounting, isMirrored, isShuffledRun, isWellKnownNumber, looksLikeDate } from './pin-blocklist.js';
import { isKeypadShape } from './pin-keypad.js';
import { MAX_PIN_LENGTH, MAX_SEQUENTIAL_RUN, MIN_PIN_LENGTH } from './pin-limits.js';

export { MAX_PIN_LENGTH, MAX_SEQUENTIAL_RUN, MIN_PIN_LENGTH };

export type PinRule =
  | 'digits_only'
  | 'length'
  | 'sequential_digits'
  | 'repeated_pattern'
  | 'date'
  | 'counting'
  | 'keypad_shape'
  | 'mirrored'
  | 'shuffled_run'
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

const isFullLength = (pin: string) => pin.length >= MIN_PIN_LENGTH;

/**
 * True when the PIN is its first digits over and over, even cut short: a 1–3 digit unit at any length
 * (11111111, 12121212, 12312312), a unit up to half the PIN once it is full length (19471947).
 */
function isRepeatedUnit(pin: string): boolean {
  const longestUnit = isFullLength(pin) ? Math.floor(pin.length / 2) : 3;
  for (let unit = 1; unit <= longestUnit; unit++) {
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

/** The second half is the first half started at another digit: 12343412, 19844198. */
function isRotatedHalf(pin: string): boolean {
  if (pin.length % 2 !== 0) return false;
  const half = pin.slice(0, pin.length / 2);
  return (half + half).includes(pin.slice(pin.length / 2));
}

/** One digit fills three quarters of the PIN or more: 11111118, 66613666. */
function isMostlyOneDigit(pin: string): boolean {
  const counts = new Map<string, number>();
  for (const digit of pin) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  return Math.max(...counts.values()) * 4 >= pin.length * 3;
}

const isRepeated = (pin: string) =>
  isRepeatedUnit(pin) || (isFullLength(pin) && (isRotatedHalf(pin) || isMostlyOneDigit(pin)));

const MESSAGES: Record<PinRule, (rules: { minLength: number }) => string> = {
  digits_only: () => 'The PIN must contain digits 0–9 only.',
  length: (rules) => `The PIN must be ${rules.minLength} to ${MAX_PIN_LENGTH} digits long.`,
  repeated_pattern: () =>
    'The PIN must not be mostly one digit or a group repeated (like 11111118, 12121212 or 19471947).',
  sequential_digits: () =>
    `The PIN must not contain ${MAX_SEQUENTIAL_RUN} or more digits in a row going up or down (like 12345).`,
  date: () => 'The PIN must not be a date, or years and dates side by side (like 27051984 or 19841990).',
  counting: () =>
    'Numbers that count up or down in steps or in pairs, like 13579135 or 10203040, are too easy to guess.',
  keypad_shape: () => 'Shapes on the keypad, like 14789632 or rows such as 78945612, are too easy to guess.',
  mirrored: () => 'A group followed by its reverse, like 12344321, is too easy to guess.',
  shuffled_run: () =>
    'The digits 1 to 8 (or another run of digits) in a mixed order, like 15426378, are too easy to guess.',
  common_pin: () => 'Well-known numbers, like 31415926 (pi) or 11235813, are too easy to guess.',
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
  ['repeated_pattern', (pin) => !isRepeated(pin)],
  ['sequential_digits', (pin) => longestSequentialRun(pin) < MAX_SEQUENTIAL_RUN],
  ['date', (pin) => !isFullLength(pin) || !looksLikeDate(pin)],
  ['counting', (pin) => !isFullLength(pin) || !isCounting(pin)],
  ['keypad_shape', (pin) => !isFullLength(pin) || !isKeypadShape(pin)],
  ['mirrored', (pin) => !isFullLength(pin) || !isMirrored(pin)],
  ['shuffled_run', (pin) => !isFullLength(pin) || !isShuffledRun(pin)],
  ['common_pin', (pin) => !isFullLength(pin) || !isWellKnownNumber(pin)],
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
