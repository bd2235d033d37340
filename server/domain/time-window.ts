/**
 * Weekly time windows in local wall-clock time, e.g. "Mon–Fri 06:00–22:00 in Europe/Lisbon".
 *
 * A window is a set of days plus a start and an end time ("HH:MM"). It is evaluated for an instant
 * by reading that instant's wall clock in an IANA time zone with Intl (the runtime's time-zone
 * database, no library), so it follows daylight-saving changes:
 * - the start is inclusive and the end exclusive: 06:00–22:00 holds 06:00:00 and 21:59:59, not
 *   22:00:00;
 * - an end before the start crosses midnight and belongs to the day it starts on: Fri 22:00–06:00
 *   holds Friday 23:00 and Saturday 05:59, not Friday 05:00 (unless Thursday is listed too);
 * - start equal to end is a full 24 hours from the start ("00:00–00:00" = the whole listed day);
 *   "24:00" is accepted as an end only (= midnight at the end of the day);
 * - a local time that does not exist (the spring-forward gap, e.g. 01:00–01:59 in Lisbon on
 *   2026-03-29) never happens: a window starting inside the gap opens at the first instant after it
 *   (02:00 local), a window ending inside the gap closes at the jump;
 * - a local time that happens twice (the fall-back hour, e.g. 01:00–01:59 in Lisbon on 2026-10-25)
 *   counts BOTH times: a window ending at 01:30 is open again for the second 01:00–01:30, and a
 *   window 01:00–02:00 that day lasts two real hours.
 * This is what a store manager means by "the shop opens at 06:00": whatever the clocks on the wall
 * say, not a fixed number of hours after UTC midnight.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeWindow {
  days: readonly Weekday[];
  /** "HH:MM", 00:00–23:59, inclusive. */
  start: string;
  /** "HH:MM", 00:00–24:00, exclusive; before (or equal to) start = crosses midnight. */
  end: string;
  /** IANA zone of the window; absent = the zone of the sign-in (the store's). */
  timeZone?: string;
}

export interface LocalTime {
  weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const HH_MM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
const MINUTES_PER_DAY = 24 * 60;
const SHORT_WEEKDAYS: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** Minutes since midnight of "HH:MM", or null; "24:00" only when `allowEndOfDay`. */
export function minutesOf(text: string, allowEndOfDay = false): number | null {
  if (allowEndOfDay && text === '24:00') return MINUTES_PER_DAY;
  const match = HH_MM.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock weekday and minute of an instant in a zone, or null for an unknown zone. */
export function localTimeAt(instant: Date, timeZone: string): LocalTime | null {
  const formatter = formatterFor(timeZone);
  if (!formatter || Number.isNaN(instant.getTime())) return null;
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  const weekday = SHORT_WEEKDAYS[part('weekday') ?? ''];
  const hour = Number(part('hour'));
  const minute = Number(part('minute'));
  if (!weekday || !Number.isInteger(hour) || !Number.isInteger(minute)) return null;
  // Some ICU versions print midnight as "24" even with h23; it is the start of the same day.
  return { weekday, minutes: (hour % 24) * 60 + minute };
}

/** What is wrong with a window, in words; empty when it is usable. */
export function timeWindowProblems(window: TimeWindow): string[] {
  const problems: string[] = [];
  if (window.days.length === 0) problems.push('pick at least one day');
  if (window.days.some((day) => !WEEKDAYS.includes(day))) problems.push('unknown day');
  if (minutesOf(window.start) === null) problems.push('start must be a time from 00:00 to 23:59');
  if (minutesOf(window.end, true) === null) problems.push('end must be a time from 00:00 to 24:00');
  return problems;
}

function previousDay(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7] ?? 'sun';
}

/** Whether the local time falls in the window (see the module doc); null for a bad window. */
export function isLocalTimeInWindow(window: TimeWindow, local: LocalTime): boolean | null {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end, true);
  if (start === null || end === null) return null;
  const listed = (day: Weekday) => window.days.includes(day);
  if (start < end) return listed(local.weekday) && local.minutes >= start && local.minutes < end;
  // Crosses midnight (or a full day when start === end): the tail belongs to the previous day.
  return (
    (listed(local.weekday) && local.minutes >= start) ||
    (listed(previousDay(local.weekday)) && local.minutes < end)
  );
}

/**
 * Whether the instant falls in the window, in the window's own zone or else `fallbackTimeZone`.
 * null when that cannot be known: no zone, an unknown zone, or a malformed window.
 */
export function isWithinTimeWindow(
  window: TimeWindow,
  instant: Date,
  fallbackTimeZone?: string | null,
): boolean | null {
  const zone = window.timeZone ?? fallbackTimeZone;
  if (!zone) return null;
  const local = localTimeAt(instant, zone);
  return local ? isLocalTimeInWindow(window, local) : null;
}

const DAY_LABELS: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** Readable text: "Mon–Fri 06:00–22:00", "Mon, Wed 22:00–06:00 (Europe/Lisbon)". */
export function describeTimeWindow(window: TimeWindow): string {
  const indexes = [...new Set(window.days)].map((day) => WEEKDAYS.indexOf(day)).sort((a, b) => a - b);
  const runs: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= indexes.length; i++) {
    if (i < indexes.length && indexes[i] === (indexes[i - 1] ?? 0) + 1) continue;
    const first = WEEKDAYS[indexes[runStart] ?? 0] ?? 'mon';
    const last = WEEKDAYS[indexes[i - 1] ?? 0] ?? 'mon';
    const length = i - runStart;
    if (length >= 3) runs.push(`${DAY_LABELS[first]}–${DAY_LABELS[last]}`);
    else for (let j = runStart; j < i; j++) runs.push(DAY_LABELS[WEEKDAYS[indexes[j] ?? 0] ?? 'mon']);
    runStart = i;
  }
  const days = indexes.length === 7 ? 'every day' : runs.join(', ');
  const zone = window.timeZone ? ` (${window.timeZone})` : '';
  return `${days} ${window.start}–${window.end}${zone}`;
}
