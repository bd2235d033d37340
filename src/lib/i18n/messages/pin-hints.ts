/**
 * The PIN rules as a checklist while a worker types a new PIN, keyed by the server's rule names
 * (server/domain/pin-rules.ts). Short phrases: each is shown with "met" or "not met".
 */
import { english } from '../define';

export const pinHints = english({
  title: 'Rules for your new PIN',
  /** Above the rules the new PIN does not meet yet (the rest are behind "All PIN rules"). */
  stillNeeded: 'Rules not met yet:',
  allRules: 'All PIN rules',
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
});
