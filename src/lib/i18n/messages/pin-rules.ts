/** Why a new PIN is refused, keyed by the server's PIN_POLICY_VIOLATION `rule`. */
import { english } from '../define';

export const pinRules = english({
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
});
