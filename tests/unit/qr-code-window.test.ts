import { describe, expect, test } from 'vitest';
import { codeWindowAt, MAX_START_AHEAD_DAYS, planCodeWindow } from '../../server/domain/qr-code-window.js';

const start = new Date('2026-06-01T08:00:00.000Z');
const expire = new Date('2026-06-02T08:00:00.000Z');
const code = { startDateTime: start, expireDateTime: expire };
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('codeWindowAt', () => {
  test('is not yet active one millisecond before the start', () => {
    expect(codeWindowAt(code, at(start, -1))).toBe('not_yet_active');
  });

  test('is active at exactly the start instant', () => {
    expect(codeWindowAt(code, start)).toBe('active');
  });

  test('is active one millisecond before the expiry', () => {
    expect(codeWindowAt(code, at(expire, -1))).toBe('active');
  });

  test('is expired at exactly the expiry instant', () => {
    expect(codeWindowAt(code, expire)).toBe('expired');
  });

  test('stays expired afterwards', () => {
    expect(codeWindowAt(code, at(expire, 365 * 24 * 3600 * 1000))).toBe('expired');
  });

  test('does not depend on the time zone the instants were written in', () => {
    const local = { startDateTime: new Date('2026-06-01T10:00:00+02:00'), expireDateTime: expire };
    expect(codeWindowAt(local, start)).toBe('active');
  });
});

describe('planCodeWindow', () => {
  const now = new Date('2026-06-01T08:00:00.000Z');
  const HOUR = 3600 * 1000;
  const DAY = 24 * HOUR;
  const temporary = { defaultMs: 3 * HOUR, maxMs: 12 * HOUR, maxWords: 'at most 12 hours' };

  test('starts now and lasts the default when nothing is asked', () => {
    expect(planCodeWindow(now, {}, temporary)).toEqual({ ok: true, start: now, expire: at(now, 3 * HOUR) });
  });

  test('a temporary code scheduled for year 9999 is refused on its start', () => {
    const start = new Date('9999-12-31T08:00:00.000Z');
    expect(planCodeWindow(now, { start, expire: at(start, HOUR) }, temporary)).toMatchObject({
      ok: false,
      field: 'startDateTime',
    });
  });

  test(`may start exactly ${MAX_START_AHEAD_DAYS} days ahead, not a millisecond more`, () => {
    const last = at(now, MAX_START_AHEAD_DAYS * DAY);
    expect(planCodeWindow(now, { start: last }, temporary).ok).toBe(true);
    expect(planCodeWindow(now, { start: at(last, 1) }, temporary)).toMatchObject({
      ok: false,
      field: 'startDateTime',
    });
  });

  test('an end before the start, or in the past, is refused on expireDateTime', () => {
    expect(planCodeWindow(now, { start: at(now, HOUR), expire: now }, temporary)).toMatchObject({
      ok: false,
      field: 'expireDateTime',
    });
    expect(
      planCodeWindow(now, { start: at(now, -2 * HOUR), expire: at(now, -HOUR) }, temporary),
    ).toMatchObject({ ok: false, field: 'expireDateTime' });
  });

  test('a window longer than the kind allows is refused with its words', () => {
    expect(planCodeWindow(now, { expire: at(now, 12 * HOUR + 1) }, temporary)).toEqual({
      ok: false,
      field: 'expireDateTime',
      message: 'at most 12 hours',
    });
  });
});
