import { describe, expect, test } from 'vitest';
import { sessionStateAt, type SessionTimeouts } from '../../server/domain/session-timing.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const created = new Date('2026-06-01T08:00:00.000Z');
const at = (ms: number) => new Date(created.getTime() + ms);
const fresh = { createdAt: created, lastSeenAt: created, expiresAt: at(12 * HOUR), revokedAt: null };

describe('sessionStateAt', () => {
  // The default kiosk session policy (15 minutes idle, 12 hours absolute; tests/api/policy.test.ts reads them).
  const timeouts: SessionTimeouts = { idleSeconds: 15 * 60, absoluteSeconds: 12 * 60 * 60 };

  test('is active right after creation', () => {
    expect(sessionStateAt(fresh, timeouts, created)).toBe('active');
  });

  test('is active 1 ms before the idle timeout and idle-expired at exactly 15 minutes', () => {
    expect(sessionStateAt(fresh, timeouts, at(15 * MINUTE - 1))).toBe('active');
    expect(sessionStateAt(fresh, timeouts, at(15 * MINUTE))).toBe('idle_expired');
  });

  test('counts idleness from the last activity, not from creation', () => {
    const seen = { ...fresh, lastSeenAt: at(10 * HOUR) };
    expect(sessionStateAt(seen, timeouts, at(10 * HOUR + 14 * MINUTE))).toBe('active');
    expect(sessionStateAt(seen, timeouts, at(10 * HOUR + 15 * MINUTE))).toBe('idle_expired');
  });

  test('is expired at exactly the absolute expiry, however recent the activity', () => {
    const busy = { ...fresh, lastSeenAt: at(12 * HOUR - 1) };
    expect(sessionStateAt(busy, timeouts, at(12 * HOUR - 1))).toBe('active');
    expect(sessionStateAt(busy, timeouts, at(12 * HOUR))).toBe('expired');
  });

  test('a revoked session stays revoked even while otherwise active', () => {
    expect(sessionStateAt({ ...fresh, revokedAt: at(MINUTE) }, timeouts, at(2 * MINUTE))).toBe('revoked');
  });

  test('honours other timeouts it is given', () => {
    const short = { idleSeconds: 60, absoluteSeconds: 3600 };
    expect(sessionStateAt(fresh, short, at(MINUTE - 1))).toBe('active');
    expect(sessionStateAt(fresh, short, at(MINUTE))).toBe('idle_expired');
  });
});

describe('sessionStateAt with a shortened policy', () => {
  test('a session opened under a 12 h policy ends at 1 h once the policy says 1 h', () => {
    const oneHour = { idleSeconds: 15 * 60, absoluteSeconds: 60 * 60 };
    const busy = { ...fresh, lastSeenAt: at(HOUR - MINUTE) };
    expect(sessionStateAt(busy, oneHour, at(HOUR - 1))).toBe('active');
    expect(sessionStateAt(busy, oneHour, at(HOUR))).toBe('expired');
  });
});
