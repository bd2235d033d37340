import { describe, expect, test } from 'vitest';
import { messagesFor } from '../../src/lib/i18n/catalogue';
import { timeLeftText } from '../../src/lib/i18n/describe';
import { secondsUntil, timeLeftOf } from '../../src/lib/kiosk/time-left';

describe('timeLeftOf', () => {
  test.each([
    [12 * 3600, { kind: 'minutes', hours: 12, minutes: 0 }],
    [12 * 3600 - 1, { kind: 'minutes', hours: 11, minutes: 59 }],
    [3600 + 5 * 60 + 59, { kind: 'minutes', hours: 1, minutes: 5 }],
    [3599, { kind: 'minutes', hours: 0, minutes: 59 }],
    [60, { kind: 'minutes', hours: 0, minutes: 1 }],
  ])('%i s → %o (whole minutes, rounded down)', (seconds, expected) => {
    expect(timeLeftOf(seconds)).toEqual(expected);
  });

  test.each([59, 1, 0, -5, Number.NaN])('%d s → less than a minute', (seconds) => {
    expect(timeLeftOf(seconds)).toEqual({ kind: 'under-a-minute' });
  });
});

describe('secondsUntil', () => {
  test('rounds a part second up, so 0 means the end has come', () => {
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(10_000, 9_001)).toBe(1);
    expect(secondsUntil(10_000, 10_000)).toBe(0);
    expect(secondsUntil(10_000, 12_000)).toBe(0);
  });
});

describe('timeLeftText', () => {
  const en = messagesFor('en');
  const es = messagesFor('es');

  test('in English', () => {
    expect(timeLeftText(en, 11 * 3600 + 59 * 60 + 30)).toBe('Session time left: 11 h 59 min');
    expect(timeLeftText(en, 45 * 60)).toBe('Session time left: 45 min');
    expect(timeLeftText(en, 30)).toBe('Session time left: less than a minute');
  });

  test('in Spanish', () => {
    expect(timeLeftText(es, 2 * 3600 + 5 * 60)).toBe('Tiempo de sesión restante: 2 h 5 min');
    expect(timeLeftText(es, 30)).toBe('Tiempo de sesión restante: menos de un minuto');
  });
});
