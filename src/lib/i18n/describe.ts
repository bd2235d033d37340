/** Turns a kiosk notice into words in the current language. */
import type { Notice } from '$lib/kiosk/notice';
import { timeLeftOf } from '$lib/kiosk/time-left';
import { MAX_PIN_LENGTH, MAX_SEQUENTIAL_RUN } from '$server/contracts/pin-limits';
import type { PinRule } from '$server/contracts/pin-rules';
import type { AccessReasonCode } from '$server/contracts/conditional-access';
import type { Messages } from './english';

const PIN_RULES: readonly string[] = [
  'digits_only',
  'length',
  'repeated_pattern',
  'sequential_digits',
  'date',
  'counting',
  'keypad_shape',
  'mirrored',
  'shuffled_run',
  'common_pin',
  'same_as_current',
] satisfies PinRule[];

/** Why a PIN is refused, in words; `minLength` is the policy's PIN length. */
export function pinRuleText(m: Messages, rule: PinRule, minLength: number): string {
  if (rule === 'length') return m.pinRules.length(minLength, MAX_PIN_LENGTH);
  if (rule === 'sequential_digits') return m.pinRules.sequential_digits(MAX_SEQUENTIAL_RUN);
  return m.pinRules[rule];
}

/** A rule as a short checklist item ("8 to 20 digits"), for the live hints on the change-PIN screen. */
export function pinHintText(m: Messages, rule: PinRule, minLength: number): string {
  if (rule === 'length') return m.pinHints.length(minLength, MAX_PIN_LENGTH);
  if (rule === 'sequential_digits') return m.pinHints.sequential_digits(MAX_SEQUENTIAL_RUN);
  return m.pinHints[rule];
}

/** "Session time left: 2 h 5 min", "…: 45 min", "…: less than a minute". */
export function timeLeftText(m: Messages, seconds: number): string {
  const left = timeLeftOf(seconds);
  if (left.kind === 'under-a-minute') return m.home.timeLeft(m.home.underAMinute);
  return m.home.timeLeft(
    left.hours > 0 ? m.home.hoursMinutes(left.hours, left.minutes) : m.home.minutes(left.minutes),
  );
}

/**
 * An access policy's refusal in one short sentence, by the server's reason code; an unknown or absent
 * code (NOT_ALLOWED, an older server) gets the general line. The long reason stays in the sign-in log.
 */
export function accessRefusalText(m: Messages, reasonCode: unknown): string {
  const words: Record<string, string> = {
    NOT_A_STORE_KIOSK: m.signInErrors.accessNotAStoreKiosk,
    KIOSK_NOT_TRUSTED: m.signInErrors.accessKioskNotTrusted,
    NOT_ON_STORE_NETWORK: m.signInErrors.accessNotOnStoreNetwork,
    NETWORK_NOT_ALLOWED: m.signInErrors.accessNetworkNotAllowed,
    OUTSIDE_HOURS: m.signInErrors.accessOutsideHours,
  } satisfies Partial<Record<AccessReasonCode, string>>;
  return (typeof reasonCode === 'string' && words[reasonCode]) || m.signInErrors.ACCESS_BLOCKED_BY_POLICY;
}

export function describe(m: Messages, notice: Notice, pinLength: number): string {
  switch (notice.kind) {
    case 'foreign-badge':
      return m.signInErrors.foreignBadge;
    case 'short-code-invalid':
      return m.typeCode.invalid;
    case 'short-code-not-recognized':
      return m.typeCode.notRecognized;
    case 'pin-incorrect':
      return notice.remainingAttempts === null
        ? m.signInErrors.PIN_INCORRECT
        : m.signInErrors.pinIncorrectTries(notice.remainingAttempts);
    case 'signed-out':
      return m.signOut[notice.reason];
    case 'app-sign-in':
      if (notice.problem === 'blocked' && notice.app) return m.appSignIn.blockedApp(notice.app);
      if (notice.problem === 'second-factor' && notice.app) return m.appSignIn.secondFactorApp(notice.app);
      return notice.problem === 'console-session'
        ? m.appSignIn.consoleSession
        : notice.problem === 'second-factor'
          ? m.appSignIn.secondFactor
          : m.appSignIn[notice.problem];
    case 'pin-reset':
      return m.forgotPin[notice.problem];
    case 'error': {
      const { code, rule } = notice.error;
      if (code === 'PIN_POLICY_VIOLATION' && typeof rule === 'string' && PIN_RULES.includes(rule)) {
        return pinRuleText(m, rule as PinRule, pinLength);
      }
      if (code === 'ACCESS_BLOCKED_BY_POLICY') return accessRefusalText(m, notice.error.reasonCode);
      const known = (m.signInErrors as Record<string, unknown>)[code];
      return typeof known === 'string' ? known : m.signInErrors.unexpected;
    }
  }
}

/** The words for the manager's exit-kiosk screens: as the kiosk's, but a badge that may not exit says so. */
export function describeExit(m: Messages, notice: Notice, pinLength: number): string {
  if (notice.kind === 'error' && notice.error.code === 'FORBIDDEN') return m.kioskMode.FORBIDDEN;
  return describe(m, notice, pinLength);
}
