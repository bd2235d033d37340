/**
 * Weekly wall-clock windows evaluated in IANA zones, across daylight-saving changes.
 * Transitions used (2026): Europe/Lisbon springs 01:00 WET → 02:00 WEST on Sun 29 March at 01:00 UTC
 * and falls 02:00 WEST → 01:00 WET on Sun 25 October at 01:00 UTC; America/New_York springs
 * 02:00 EST → 03:00 EDT on Sun 8 March at 07:00 UTC and falls 02:00 EDT → 01:00 EST on Sun 1 November
 * at 06:00 UTC.
 */
import { describe, expect, test } from 'vitest';
import {
  describeTimeWindow,
  isWithinTimeWindow,
  localTimeAt,
  timeWindowProblems,
  type TimeWindow,
} from '../../server/domain/time-window.js';

const LISBON = 'Europe/Lisbon';
const NEW_YORK = 'America/New_York';
const utc = (text: string) => new Date(`${text}Z`);
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function local(instant: string, zone: string): string {
  const time = localTimeAt(utc(instant), zone);
  return time ? `${time.weekday} ${hhmm(time.minutes)}` : 'null';
}

describe('localTimeAt reads the wall clock, DST included', () => {
  test.each([
    // Lisbon, spring forward: 00:59 is followed by 02:00.
    ['2026-03-29T00:59:59', LISBON, 'sun 00:59'],
    ['2026-03-29T01:00:00', LISBON, 'sun 02:00'],
    // Lisbon, fall back: 01:00–01:59 happens twice.
    ['2026-10-25T00:00:00', LISBON, 'sun 01:00'],
    ['2026-10-25T00:59:00', LISBON, 'sun 01:59'],
    ['2026-10-25T01:00:00', LISBON, 'sun 01:00'],
    ['2026-10-25T02:00:00', LISBON, 'sun 02:00'],
    // New York, spring forward: 01:59 is followed by 03:00.
    ['2026-03-08T06:59:00', NEW_YORK, 'sun 01:59'],
    ['2026-03-08T07:00:00', NEW_YORK, 'sun 03:00'],
    // New York, fall back: 01:00 EDT then 01:00 EST.
    ['2026-11-01T05:00:00', NEW_YORK, 'sun 01:00'],
    ['2026-11-01T06:00:00', NEW_YORK, 'sun 01:00'],
    ['2026-11-01T07:00:00', NEW_YORK, 'sun 02:00'],
    // Midnight is 00:00 of the new day, never "24:00".
    ['2026-01-06T00:00:00', LISBON, 'tue 00:00'],
    ['2026-01-06T05:00:00', NEW_YORK, 'tue 00:00'],
  ])('%s UTC in %s is %s', (instant, zone, expected) => {
    expect(local(instant, zone)).toBe(expected);
  });

  test('an unknown zone gives null', () => {
    expect(localTimeAt(utc('2026-01-05T10:00:00'), 'Mars/Olympus_Mons')).toBeNull();
  });
});

const shopHours: TimeWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '22:00' };
const nightShift: TimeWindow = { days: ['fri'], start: '22:00', end: '06:00' };
const sunday = (start: string, end: string): TimeWindow => ({ days: ['sun'], start, end });

interface Row {
  name: string;
  window: TimeWindow;
  instant: string;
  zone: string | null;
  expected: boolean | null;
}

const rows: Row[] = [
  // Edges: start inclusive, end exclusive (Lisbon in January is UTC+0; Mon 5 Jan 2026).
  {
    name: 'Mon 05:59:59 is before opening',
    window: shopHours,
    instant: '2026-01-05T05:59:59',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Mon 06:00:00 is open (start inclusive)',
    window: shopHours,
    instant: '2026-01-05T06:00:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Mon 21:59:59 is open',
    window: shopHours,
    instant: '2026-01-05T21:59:59',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Mon 22:00:00 is closed (end exclusive)',
    window: shopHours,
    instant: '2026-01-05T22:00:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Sat 10:00 is not a listed day',
    window: shopHours,
    instant: '2026-01-10T10:00:00',
    zone: LISBON,
    expected: false,
  },
  // The same instant on different sides of the world.
  {
    name: '10:00 UTC Mon is 05:00 in New York: closed',
    window: shopHours,
    instant: '2026-01-05T10:00:00',
    zone: NEW_YORK,
    expected: false,
  },
  {
    name: '11:00 UTC Mon is 06:00 in New York: open',
    window: shopHours,
    instant: '2026-01-05T11:00:00',
    zone: NEW_YORK,
    expected: true,
  },
  {
    name: '02:00 UTC Tue is 21:00 Mon in New York: open',
    window: shopHours,
    instant: '2026-01-06T02:00:00',
    zone: NEW_YORK,
    expected: true,
  },
  // Crossing midnight belongs to the start day.
  {
    name: 'Fri 23:00 is in the Friday night shift',
    window: nightShift,
    instant: '2026-01-09T23:00:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Sat 05:59 is still the Friday night shift',
    window: nightShift,
    instant: '2026-01-10T05:59:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Sat 06:00 ends it',
    window: nightShift,
    instant: '2026-01-10T06:00:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Fri 05:00 belongs to Thursday night (not listed)',
    window: nightShift,
    instant: '2026-01-09T05:00:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Sat 22:30 is not Friday',
    window: nightShift,
    instant: '2026-01-10T22:30:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: '00:00–00:00 is the whole listed day (00:00)',
    window: sunday('00:00', '00:00'),
    instant: '2026-01-11T00:00:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: '00:00–00:00 is the whole listed day (23:59)',
    window: sunday('00:00', '00:00'),
    instant: '2026-01-11T23:59:59',
    zone: LISBON,
    expected: true,
  },
  {
    name: '00:00–00:00 ends at the next midnight',
    window: sunday('00:00', '00:00'),
    instant: '2026-01-12T00:00:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'an end of 24:00 holds 23:59',
    window: sunday('18:00', '24:00'),
    instant: '2026-01-11T23:59:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'an end of 24:00 excludes the next midnight',
    window: sunday('18:00', '24:00'),
    instant: '2026-01-12T00:00:00',
    zone: LISBON,
    expected: false,
  },

  // Lisbon spring forward (Sun 29 March: 01:00–01:59 does not exist).
  {
    name: 'Lisbon spring: a window starting in the gap is closed just before the jump',
    window: sunday('01:30', '03:00'),
    instant: '2026-03-29T00:59:59',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Lisbon spring: a window starting in the gap opens at the jump (02:00 local)',
    window: sunday('01:30', '03:00'),
    instant: '2026-03-29T01:00:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Lisbon spring: a window ending in the gap is open just before the jump',
    window: sunday('00:00', '01:30'),
    instant: '2026-03-29T00:59:59',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Lisbon spring: a window ending in the gap closes at the jump',
    window: sunday('00:00', '01:30'),
    instant: '2026-03-29T01:00:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Lisbon spring: 06:00 opening is 05:00 UTC after the change',
    window: sunday('06:00', '22:00'),
    instant: '2026-03-29T05:00:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Lisbon spring: 04:59 UTC is 05:59 local, still closed',
    window: sunday('06:00', '22:00'),
    instant: '2026-03-29T04:59:59',
    zone: LISBON,
    expected: false,
  },

  // Lisbon fall back (Sun 25 October: 01:00–01:59 happens twice).
  {
    name: 'Lisbon fall: first 01:29 is inside 00:00–01:30',
    window: sunday('00:00', '01:30'),
    instant: '2026-10-25T00:29:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Lisbon fall: first 01:30 is outside',
    window: sunday('00:00', '01:30'),
    instant: '2026-10-25T00:30:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Lisbon fall: second 01:00 is inside again',
    window: sunday('00:00', '01:30'),
    instant: '2026-10-25T01:00:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Lisbon fall: second 01:30 is outside',
    window: sunday('00:00', '01:30'),
    instant: '2026-10-25T01:30:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Lisbon fall: 01:00–02:00 holds the first 01:00',
    window: sunday('01:00', '02:00'),
    instant: '2026-10-25T00:00:00',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Lisbon fall: 01:00–02:00 holds the second 01:59 (two real hours)',
    window: sunday('01:00', '02:00'),
    instant: '2026-10-25T01:59:59',
    zone: LISBON,
    expected: true,
  },
  {
    name: 'Lisbon fall: 01:00–02:00 ends at 02:00 WET',
    window: sunday('01:00', '02:00'),
    instant: '2026-10-25T02:00:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'Lisbon fall: 22:00 closing is 22:00 UTC after the change',
    window: sunday('06:00', '22:00'),
    instant: '2026-10-25T21:59:59',
    zone: LISBON,
    expected: true,
  },

  // New York spring forward (Sun 8 March: 02:00–02:59 does not exist).
  {
    name: 'New York spring: 06:00 opening is 10:00 UTC after the change',
    window: sunday('06:00', '22:00'),
    instant: '2026-03-08T10:00:00',
    zone: NEW_YORK,
    expected: true,
  },
  {
    name: 'New York spring: 09:59 UTC is 05:59 local, closed',
    window: sunday('06:00', '22:00'),
    instant: '2026-03-08T09:59:59',
    zone: NEW_YORK,
    expected: false,
  },
  {
    name: 'New York spring: a 02:30 start opens at the jump (03:00 local)',
    window: sunday('02:30', '04:00'),
    instant: '2026-03-08T07:00:00',
    zone: NEW_YORK,
    expected: true,
  },
  {
    name: 'New York spring: a 02:30 start is closed at 01:59',
    window: sunday('02:30', '04:00'),
    instant: '2026-03-08T06:59:00',
    zone: NEW_YORK,
    expected: false,
  },
  {
    name: 'New York spring: a night shift ending 02:30 closes at the jump',
    window: { days: ['sat'], start: '22:00', end: '02:30' },
    instant: '2026-03-08T07:00:00',
    zone: NEW_YORK,
    expected: false,
  },
  {
    name: 'New York spring: that night shift is open at 01:59',
    window: { days: ['sat'], start: '22:00', end: '02:30' },
    instant: '2026-03-08T06:59:00',
    zone: NEW_YORK,
    expected: true,
  },

  // New York fall back (Sun 1 November: 01:00–01:59 happens twice).
  {
    name: 'New York fall: 01:00 EDT is inside 01:00–01:30',
    window: sunday('01:00', '01:30'),
    instant: '2026-11-01T05:00:00',
    zone: NEW_YORK,
    expected: true,
  },
  {
    name: 'New York fall: 01:30 EDT is outside',
    window: sunday('01:00', '01:30'),
    instant: '2026-11-01T05:30:00',
    zone: NEW_YORK,
    expected: false,
  },
  {
    name: 'New York fall: 01:00 EST is inside again',
    window: sunday('01:00', '01:30'),
    instant: '2026-11-01T06:00:00',
    zone: NEW_YORK,
    expected: true,
  },
  {
    name: 'New York fall: 01:30 EST is outside',
    window: sunday('01:00', '01:30'),
    instant: '2026-11-01T06:30:00',
    zone: NEW_YORK,
    expected: false,
  },
  {
    name: 'New York fall: a Saturday night shift to 01:30 also spans both 01:00s',
    window: { days: ['sat'], start: '22:00', end: '01:30' },
    instant: '2026-11-01T06:15:00',
    zone: NEW_YORK,
    expected: true,
  },

  // Unknowable.
  { name: 'no zone: unknown', window: shopHours, instant: '2026-01-05T10:00:00', zone: null, expected: null },
  {
    name: 'unknown zone: unknown',
    window: shopHours,
    instant: '2026-01-05T10:00:00',
    zone: 'Nowhere/Else',
    expected: null,
  },
  {
    name: 'malformed start: unknown',
    window: { days: ['mon'], start: '6:00', end: '22:00' },
    instant: '2026-01-05T10:00:00',
    zone: LISBON,
    expected: null,
  },
  {
    name: 'the window’s own zone beats the sign-in’s',
    window: { ...shopHours, timeZone: NEW_YORK },
    instant: '2026-01-05T10:00:00',
    zone: LISBON,
    expected: false,
  },
  {
    name: 'the window’s own zone is enough without one for the sign-in',
    window: { ...shopHours, timeZone: NEW_YORK },
    instant: '2026-01-05T11:00:00',
    zone: null,
    expected: true,
  },
];

describe('isWithinTimeWindow', () => {
  test.each(rows)('$name', ({ window, instant, zone, expected }) => {
    expect(isWithinTimeWindow(window, utc(instant), zone)).toBe(expected);
  });
});

describe('timeWindowProblems', () => {
  test.each<[TimeWindow, string[]]>([
    [shopHours, []],
    [{ days: ['sun'], start: '18:00', end: '24:00' }, []],
    [{ days: [], start: '06:00', end: '22:00' }, ['pick at least one day']],
    [{ days: ['mon'], start: '24:00', end: '22:00' }, ['start must be a time from 00:00 to 23:59']],
    [{ days: ['mon'], start: '06:00', end: '25:00' }, ['end must be a time from 00:00 to 24:00']],
    [
      { days: ['mon'], start: '6:00', end: '22:60' },
      ['start must be a time from 00:00 to 23:59', 'end must be a time from 00:00 to 24:00'],
    ],
  ])('%j → %j', (window, problems) => {
    expect(timeWindowProblems(window)).toEqual(problems);
  });
});

describe('describeTimeWindow', () => {
  test.each<[TimeWindow, string]>([
    [shopHours, 'Mon–Fri 06:00–22:00'],
    [nightShift, 'Fri 22:00–06:00'],
    [
      { days: ['sat', 'mon', 'sun', 'tue', 'wed', 'thu', 'fri'], start: '00:00', end: '24:00' },
      'every day 00:00–24:00',
    ],
    [
      { days: ['mon', 'wed', 'thu', 'fri', 'sun'], start: '06:00', end: '14:00', timeZone: LISBON },
      'Mon, Wed–Fri, Sun 06:00–14:00 (Europe/Lisbon)',
    ],
    [{ days: ['sat', 'sun'], start: '08:00', end: '12:00' }, 'Sat, Sun 08:00–12:00'],
  ])('%j reads "%s"', (window, text) => {
    expect(describeTimeWindow(window)).toBe(text);
  });
});
