/**
 * A session's time left, as the home screen shows it: whole hours and minutes, rounded down (the
 * worker is never promised a minute they do not have), and "less than a minute" for the last one.
 */
export type TimeLeft = { kind: 'under-a-minute' } | { kind: 'minutes'; hours: number; minutes: number };

export function timeLeftOf(seconds: number): TimeLeft {
  if (!(seconds >= 60)) return { kind: 'under-a-minute' };
  const totalMinutes = Math.floor(seconds / 60);
  return { kind: 'minutes', hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** Whole seconds left until `endsAt` (a performance.now() time), never below 0. */
export const secondsUntil = (endsAt: number, now: number): number =>
  Math.max(0, Math.ceil((endsAt - now) / 1000));
