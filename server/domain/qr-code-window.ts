/** Whether a QR code is usable at an instant: usable from startDateTime (inclusive) until expireDateTime (exclusive). */
export type CodeWindow = 'active' | 'not_yet_active' | 'expired';

export function codeWindowAt(code: { startDateTime: Date; expireDateTime: Date }, now: Date): CodeWindow {
  if (now.getTime() < code.startDateTime.getTime()) return 'not_yet_active';
  if (now.getTime() >= code.expireDateTime.getTime()) return 'expired';
  return 'active';
}

/** How far ahead a code may be scheduled to start: a year, about a standard code's longest life. */
export const MAX_START_AHEAD_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export type PlannedWindow =
  | { ok: true; start: Date; expire: Date }
  | { ok: false; field: 'startDateTime' | 'expireDateTime'; message: string };

/**
 * The window of a new code from what was asked: it starts at `start` (now when not given) and ends at
 * `expire` (start + `defaultMs` when not given). Refused when it would end before it starts or in the
 * past, live longer than `maxMs`, or start more than MAX_START_AHEAD_DAYS from now (a code scheduled
 * for year 9999 would sit in the database as a badge nobody can see coming).
 */
export function planCodeWindow(
  now: Date,
  asked: { start?: Date; expire?: Date },
  lifetime: { defaultMs: number; maxMs: number; maxWords: string },
): PlannedWindow {
  const start = asked.start ?? now;
  const expire = asked.expire ?? new Date(start.getTime() + lifetime.defaultMs);
  if (start.getTime() - now.getTime() > MAX_START_AHEAD_DAYS * DAY_MS) {
    return {
      ok: false,
      field: 'startDateTime',
      message: `A code may be scheduled to start at most ${MAX_START_AHEAD_DAYS} days from now.`,
    };
  }
  if (expire.getTime() <= start.getTime() || expire.getTime() <= now.getTime()) {
    return {
      ok: false,
      field: 'expireDateTime',
      message: 'expireDateTime must be in the future and after startDateTime.',
    };
  }
  if (expire.getTime() - start.getTime() > lifetime.maxMs) {
    return { ok: false, field: 'expireDateTime', message: lifetime.maxWords };
  }
  return { ok: true, start, expire };
}
