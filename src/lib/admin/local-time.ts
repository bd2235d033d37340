/**
 * The console's `datetime-local` fields: their values are wall-clock times in the viewer's time zone.
 * Used by the badge issue dialog and the log filters.
 */

/** A `datetime-local` value as the instant it names in the viewer's time zone, or null when it is not a real moment. */
export function localMoment(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const moment = new Date(year, month - 1, day, hour, minute, second);
  // 2026-02-30 rolls over to March: not a date anyone meant.
  if (moment.getFullYear() !== year || moment.getMonth() !== month - 1 || moment.getDate() !== day)
    return null;
  return moment;
}

/** An instant as a `datetime-local` value in the viewer's time zone (to fill a field). */
export function localValue(moment: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}T${two(moment.getHours())}:${two(moment.getMinutes())}`;
}
