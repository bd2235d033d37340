/**
 * Console recovery codes: the way in when the authenticator app is lost. Ten codes per enrolment,
 * each 10 Crockford base32 characters (50 random bits) shown as `ABCDE-FGHJK`, single-use. They share
 * the badge short codes' alphabet and forgiving input rules (case, spaces, dashes; O read as 0, I and
 * L as 1), so a code copied from paper is read the way a person meant it.
 */
import {
  formatShortCode,
  normaliseShortCode,
  shortCodeFromBytes,
  SHORT_CODE_MAX_INPUT_LENGTH,
  SHORT_CODE_RANDOM_BYTES,
} from './short-code.js';

export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_RANDOM_BYTES = SHORT_CODE_RANDOM_BYTES;
export const RECOVERY_CODE_MAX_INPUT_LENGTH = SHORT_CODE_MAX_INPUT_LENGTH;

/** A canonical code (upper case, no dash) from 10 random bytes. */
export const recoveryCodeFromBytes = (bytes: Uint8Array): string => shortCodeFromBytes(bytes);

/** How a code is shown and downloaded: `ABCDE-FGHJK`. */
export const formatRecoveryCode = (canonical: string): string => formatShortCode(canonical);

/** What a person typed, as the canonical code, or undefined when it cannot be one. */
export const normaliseRecoveryCode = (typed: string): string | undefined => normaliseShortCode(typed);
