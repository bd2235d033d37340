import { describe, expect, test } from 'vitest';
import { codeWindowAt } from '../../server/domain/qr-code-window.js';

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
