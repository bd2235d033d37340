import { describe, expect, test } from 'vitest';
import {
  codeWindowAt,
  lifetimeOf,
  MAX_START_AHEAD_DAYS,
  planCodeWindow,
  planExpiryChange,
} from '../../server/domain/qr-code-window.js';

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
  const temporary = { defaultMs: 3 * HOUR, ...lifetimeOf('temporary') };
  const standard = { defaultMs: 365 * DAY, ...lifetimeOf('standard') };

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

  test('a window longer than the kind allows is refused as too long', () => {
    expect(planCodeWindow(now, { expire: at(now, 12 * HOUR + 1) }, temporary)).toEqual({
      ok: false,
      field: 'expireDateTime',
      rule: 'livesTooLong',
    });
    expect(planCodeWindow(now, { expire: at(now, 395 * DAY) }, standard).ok).toBe(true);
    expect(planCodeWindow(now, { expire: at(now, 395 * DAY + 1) }, standard)).toMatchObject({
      rule: 'livesTooLong',
    });
  });

  test('a temporary code lives at least 1 hour, as in Entra', () => {
    expect(planCodeWindow(now, { expire: at(now, 5 * 60 * 1000) }, temporary)).toEqual({
      ok: false,
      field: 'expireDateTime',
      rule: 'livesTooShort',
    });
    expect(planCodeWindow(now, { expire: at(now, HOUR - 1) }, temporary)).toMatchObject({
      rule: 'livesTooShort',
    });
    expect(planCodeWindow(now, { expire: at(now, HOUR) }, temporary).ok).toBe(true);
  });

  test('a standard code lives at least 1 day from its start, even when it starts later', () => {
    expect(planCodeWindow(now, { expire: at(now, 5 * 60 * 1000) }, standard)).toMatchObject({
      ok: false,
      rule: 'livesTooShort',
    });
    expect(planCodeWindow(now, { expire: at(now, DAY - 1) }, standard)).toMatchObject({
      rule: 'livesTooShort',
    });
    expect(planCodeWindow(now, { expire: at(now, DAY) }, standard).ok).toBe(true);
    const later = at(now, 10 * DAY);
    expect(planCodeWindow(now, { start: later, expire: at(later, 23 * HOUR) }, standard)).toMatchObject({
      rule: 'livesTooShort',
    });
  });

  test('a code that started a while ago is measured from its start, not from now', () => {
    const started = at(now, -2 * HOUR);
    // 1 h from now is 3 h from its start: long enough for a temporary code.
    expect(planCodeWindow(now, { start: started, expire: at(now, HOUR) }, temporary).ok).toBe(true);
  });
});

describe('planExpiryChange', () => {
  const now = new Date('2026-06-01T08:00:00.000Z');
  const DAY = 24 * 3600 * 1000;
  const started = { startDateTime: at(now, -100 * DAY) };
  const standard = lifetimeOf('standard');

  test('keeps the start and takes the new expiry', () => {
    const expire = at(now, 30 * DAY);
    expect(planExpiryChange(now, started, expire, standard)).toEqual({
      ok: true,
      start: started.startDateTime,
      expire,
    });
  });

  test('refuses an expiry in the past or now', () => {
    expect(planExpiryChange(now, started, at(now, -1), standard)).toMatchObject({
      ok: false,
      field: 'expireDateTime',
      rule: 'expiryNotAfterStart',
    });
    expect(planExpiryChange(now, started, now, standard)).toMatchObject({ rule: 'expiryNotAfterStart' });
  });

  test('refuses less than 1 day after the start of a code that has not started', () => {
    const scheduled = { startDateTime: at(now, 5 * DAY) };
    expect(planExpiryChange(now, scheduled, at(now, 5 * DAY + DAY - 1), standard)).toMatchObject({
      rule: 'livesTooShort',
    });
    expect(planExpiryChange(now, scheduled, at(now, 6 * DAY), standard).ok).toBe(true);
  });

  test('refuses more than 395 days after the start', () => {
    expect(planExpiryChange(now, started, at(started.startDateTime, 395 * DAY), standard).ok).toBe(true);
    expect(planExpiryChange(now, started, at(started.startDateTime, 395 * DAY + 1), standard)).toMatchObject({
      rule: 'livesTooLong',
    });
  });
});
