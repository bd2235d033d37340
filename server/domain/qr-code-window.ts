/** Whether a QR code is usable at an instant: usable from startDateTime (inclusive) until expireDateTime (exclusive). */
export type CodeWindow = 'active' | 'not_yet_active' | 'expired';

export function codeWindowAt(code: { startDateTime: Date; expireDateTime: Date }, now: Date): CodeWindow {
  if (now.getTime() < code.startDateTime.getTime()) return 'not_yet_active';
  if (now.getTime() >= code.expireDateTime.getTime()) return 'expired';
  return 'active';
}

/** How far ahead a code may be scheduled to start: a year, about a standard code's longest life. */
export const MAX_START_AHEAD_DAYS = 365;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type CodeKindName = 'standard' | 'temporary';

/**
 * How long a code may live, from its start to its expiry, as Microsoft Entra allows (Graph's qrCode
 * resource): a standard code 1 to 395 days, a temporary one 1 to 12 hours. The policy's lifetimes
 * (qr-pin-policy.ts) are the defaults within these bounds.
 */
export const QR_CODE_LIFETIME_BOUNDS = {
  standard: { min: 1, max: 395, unit: 'days', unitMs: DAY_MS },
  temporary: { min: 1, max: 12, unit: 'hours', unitMs: HOUR_MS },
} as const;

/** Why a window was refused, for the caller to word: the field and the rule. */
export type WindowRefusal =
  | { field: 'startDateTime'; rule: 'startsTooLate' }
  | { field: 'expireDateTime'; rule: 'expiryNotAfterStart' | 'livesTooShort' | 'livesTooLong' };

export type PlannedWindow = ({ ok: true } & { start: Date; expire: Date }) | ({ ok: false } & WindowRefusal);

/** The lifetime rules of one kind of code: its bounds in milliseconds. */
export const lifetimeOf = (kind: CodeKindName) => {
  const bounds = QR_CODE_LIFETIME_BOUNDS[kind];
  return { minMs: bounds.min * bounds.unitMs, maxMs: bounds.max * bounds.unitMs };
};

/** Whether a code from `start` to `expire` lives within its kind's bounds (null: it does). */
function lifetimeRefusal(
  start: Date,
  expire: Date,
  now: Date,
  lifetime: { minMs: number; maxMs: number },
): WindowRefusal | null {
  if (expire.getTime() <= start.getTime() || expire.getTime() <= now.getTime()) {
    return { field: 'expireDateTime', rule: 'expiryNotAfterStart' };
  }
  const lives = expire.getTime() - start.getTime();
  if (lives < lifetime.minMs) return { field: 'expireDateTime', rule: 'livesTooShort' };
  if (lives > lifetime.maxMs) return { field: 'expireDateTime', rule: 'livesTooLong' };
  return null;
}

/**
 * The window of a new code from what was asked: it starts at `start` (now when not given) and ends at
 * `expire` (start + `defaultMs` when not given). Refused when it would end before it starts or in the
 * past, live shorter than `minMs` or longer than `maxMs`, or start more than MAX_START_AHEAD_DAYS from
 * now (a code scheduled for year 9999 would sit in the database as a badge nobody can see coming).
 */
export function planCodeWindow(
  now: Date,
  asked: { start?: Date; expire?: Date },
  lifetime: { defaultMs: number; minMs: number; maxMs: number },
): PlannedWindow {
  const start = asked.start ?? now;
  const expire = asked.expire ?? new Date(start.getTime() + lifetime.defaultMs);
  if (start.getTime() - now.getTime() > MAX_START_AHEAD_DAYS * DAY_MS) {
    return { ok: false, field: 'startDateTime', rule: 'startsTooLate' };
  }
  const refusal = lifetimeRefusal(start, expire, now, lifetime);
  return refusal ? { ok: false, ...refusal } : { ok: true, start, expire };
}

/**
 * A new expiry for an existing standard code (Graph: PATCH …/standardQRCode with expireDateTime): the
 * start stays; the new expiry must be in the future and keep the code's life within its bounds,
 * counted from its start.
 */
export function planExpiryChange(
  now: Date,
  code: { startDateTime: Date },
  expire: Date,
  lifetime: { minMs: number; maxMs: number },
): PlannedWindow {
  const refusal = lifetimeRefusal(code.startDateTime, expire, now, lifetime);
  return refusal ? { ok: false, ...refusal } : { ok: true, start: code.startDateTime, expire };
}
