/** Lockout maths and policy scope, without a database. */
import { describe, expect, test } from 'vitest';
import { lockDelaySeconds, lockStateAt } from '../../server/domain/lockout.js';
import type { LockoutPolicy } from '../../server/domain/lockout-policy.js';
import {
  ALL_USERS,
  DEFAULT_QR_PIN_POLICY,
  isUserInPolicyScope,
  type QrPinPolicy,
} from '../../server/domain/qr-pin-policy.js';

const lockout: LockoutPolicy = DEFAULT_QR_PIN_POLICY.lockout;
const now = new Date('2026-06-01T08:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('lockDelaySeconds', () => {
  test('the defaults: 60 s, then doubling', () => {
    expect([0, 1, 2, 3, 4].map((n) => lockDelaySeconds(lockout, n))).toEqual([60, 120, 240, 480, 960]);
  });

  test('capped at maxDelaySeconds (one day by default)', () => {
    // 60 × 2^10 = 61 440 s is still below a day; 60 × 2^11 = 122 880 s is not.
    expect(lockDelaySeconds(lockout, 10)).toBe(61_440);
    expect(lockDelaySeconds(lockout, 11)).toBe(86_400);
    expect(lockDelaySeconds(lockout, 1000)).toBe(86_400);
  });

  test('a custom base, growth and cap', () => {
    const policy = { ...lockout, baseDelaySeconds: 30, growthFactor: 3, maxDelaySeconds: 500 };
    expect([0, 1, 2, 3, 4].map((n) => lockDelaySeconds(policy, n))).toEqual([30, 90, 270, 500, 500]);
  });

  test('growth 1 keeps every lock the same length', () => {
    const policy = { ...lockout, growthFactor: 1 };
    expect([0, 1, 5, 50].map((n) => lockDelaySeconds(policy, n))).toEqual([60, 60, 60, 60]);
  });

  test('a fractional growth gives whole seconds', () => {
    const policy = { ...lockout, baseDelaySeconds: 10, growthFactor: 1.5 };
    const delays = [0, 1, 2, 3].map((n) => lockDelaySeconds(policy, n));
    expect(delays).toEqual([10, 15, 23, 34]);
    for (const delay of delays) expect(Number.isInteger(delay)).toBe(true);
  });
});

describe('lockStateAt', () => {
  test('unlocked with no lock and few failures', () => {
    expect(lockStateAt({ lockedUntil: null, consecutiveFailures: 0 }, lockout, now)).toEqual({
      locked: false,
    });
    expect(lockStateAt({ lockedUntil: null, consecutiveFailures: 99 }, lockout, now)).toEqual({
      locked: false,
    });
  });

  test('locked until the instant, with the seconds left rounded up', () => {
    const until = at(60_000);
    expect(lockStateAt({ lockedUntil: until, consecutiveFailures: 10 }, lockout, now)).toEqual({
      locked: true,
      until,
      retryAfterSeconds: 60,
    });
    expect(lockStateAt({ lockedUntil: until, consecutiveFailures: 10 }, lockout, at(59_001))).toMatchObject({
      locked: true,
      retryAfterSeconds: 1,
    });
    expect(lockStateAt({ lockedUntil: until, consecutiveFailures: 10 }, lockout, at(59_999))).toMatchObject({
      locked: true,
      retryAfterSeconds: 1,
    });
    expect(lockStateAt({ lockedUntil: until, consecutiveFailures: 10 }, lockout, at(1))).toMatchObject({
      locked: true,
      retryAfterSeconds: 60,
    });
  });

  test('unlocked at exactly the lock’s end, and after', () => {
    const until = at(60_000);
    expect(lockStateAt({ lockedUntil: until, consecutiveFailures: 10 }, lockout, until)).toEqual({
      locked: false,
    });
    expect(lockStateAt({ lockedUntil: until, consecutiveFailures: 10 }, lockout, at(3600_000))).toEqual({
      locked: false,
    });
  });

  test('at the hard limit: locked with no end, whatever lockedUntil says', () => {
    const hard = { locked: true, until: null, retryAfterSeconds: null };
    expect(lockStateAt({ lockedUntil: null, consecutiveFailures: 100 }, lockout, now)).toEqual(hard);
    expect(lockStateAt({ lockedUntil: at(-1000), consecutiveFailures: 100 }, lockout, now)).toEqual(hard);
    expect(lockStateAt({ lockedUntil: at(60_000), consecutiveFailures: 150 }, lockout, now)).toEqual(hard);
    expect(
      lockStateAt({ lockedUntil: null, consecutiveFailures: 100 }, lockout, at(365 * 24 * 3600_000)),
    ).toEqual(hard);
  });

  test('the hard limit follows the policy', () => {
    const policy = { ...lockout, hardLimit: 20 };
    expect(lockStateAt({ lockedUntil: null, consecutiveFailures: 19 }, policy, now)).toEqual({
      locked: false,
    });
    expect(lockStateAt({ lockedUntil: null, consecutiveFailures: 20 }, policy, now)).toMatchObject({
      locked: true,
      until: null,
    });
  });
});

describe('isUserInPolicyScope', () => {
  const policy = (overrides: Partial<QrPinPolicy>): QrPinPolicy => ({
    ...DEFAULT_QR_PIN_POLICY,
    state: 'enabled',
    ...overrides,
  });

  test('the shipped default is disabled, so nobody is in scope', () => {
    expect(DEFAULT_QR_PIN_POLICY.state).toBe('disabled');
    expect(isUserInPolicyScope(DEFAULT_QR_PIN_POLICY, [])).toBe(false);
    expect(isUserInPolicyScope(DEFAULT_QR_PIN_POLICY, ['store-1'])).toBe(false);
  });

  test('disabled wins over an all_users include', () => {
    const p = policy({ state: 'disabled', includeTargets: [{ id: ALL_USERS }] });
    expect(isUserInPolicyScope(p, ['store-1'])).toBe(false);
  });

  test('all_users includes everyone, with or without groups', () => {
    const p = policy({ includeTargets: [{ id: ALL_USERS }] });
    expect(isUserInPolicyScope(p, [])).toBe(true);
    expect(isUserInPolicyScope(p, ['store-1', 'store-2'])).toBe(true);
  });

  test('a group include covers its members only', () => {
    const p = policy({ includeTargets: [{ id: 'store-1' }] });
    expect(isUserInPolicyScope(p, ['store-1'])).toBe(true);
    expect(isUserInPolicyScope(p, ['store-2', 'store-1'])).toBe(true);
    expect(isUserInPolicyScope(p, ['store-2'])).toBe(false);
    expect(isUserInPolicyScope(p, [])).toBe(false);
  });

  test('no include targets: nobody', () => {
    expect(isUserInPolicyScope(policy({ includeTargets: [] }), ['store-1'])).toBe(false);
  });

  test('exclude wins over include', () => {
    const p = policy({ includeTargets: [{ id: 'store-1' }], excludeTargets: [{ id: 'temps' }] });
    expect(isUserInPolicyScope(p, ['store-1', 'temps'])).toBe(false);
    expect(isUserInPolicyScope(p, ['store-1'])).toBe(true);
    const all = policy({ includeTargets: [{ id: ALL_USERS }], excludeTargets: [{ id: 'temps' }] });
    expect(isUserInPolicyScope(all, ['temps'])).toBe(false);
    expect(isUserInPolicyScope(all, ['store-1'])).toBe(true);
    expect(isUserInPolicyScope(all, [])).toBe(true);
  });

  test('excluding all_users excludes everyone, even explicitly included groups', () => {
    const p = policy({
      includeTargets: [{ id: ALL_USERS }, { id: 'store-1' }],
      excludeTargets: [{ id: ALL_USERS }],
    });
    expect(isUserInPolicyScope(p, ['store-1'])).toBe(false);
    expect(isUserInPolicyScope(p, [])).toBe(false);
  });
});
