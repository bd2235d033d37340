/** The lockout settings documents, without a database: the console's own policy, rules, limits. */
import { describe, expect, test } from 'vitest';
import { consoleSignInPolicyOf } from '../../server/domain/console-sign-in-policy.js';
import {
  accountLockoutOf,
  DEFAULT_LOCKOUT,
  DEFAULT_PIN_LOCKOUT,
  lockoutRuleBroken,
} from '../../server/domain/lockout-policy.js';
import { MAX_PIN_LENGTH, MIN_PIN_LENGTH } from '../../server/domain/pin-rules.js';
import { POLICY_LIMITS } from '../../server/domain/policy-limits.js';

const tunedPinLockout = { ...DEFAULT_PIN_LOCKOUT, threshold: 5, hardLimit: 50, clientThreshold: 20 };

describe('consoleSignInPolicyOf', () => {
  test('with nothing saved, the console follows the PIN lockout (without the client budget)', () => {
    expect(consoleSignInPolicyOf(undefined, tunedPinLockout)).toEqual({
      lockout: { ...DEFAULT_LOCKOUT, threshold: 5, hardLimit: 50 },
      followsQrCodePinLockout: true,
    });
    expect(consoleSignInPolicyOf({}, DEFAULT_PIN_LOCKOUT).lockout).toEqual(DEFAULT_LOCKOUT);
  });

  test('once saved, its own settings apply whatever the PIN lockout says', () => {
    const saved = { lockout: { ...DEFAULT_LOCKOUT, threshold: 3 } };
    expect(consoleSignInPolicyOf(saved, tunedPinLockout)).toEqual({
      ...saved,
      followsQrCodePinLockout: false,
    });
  });

  test('a saved document missing a later field gets that field’s default, not the PIN lockout’s', () => {
    const { hardLimit: _, ...older } = { ...DEFAULT_LOCKOUT, threshold: 3 };
    expect(
      consoleSignInPolicyOf({ lockout: older as typeof DEFAULT_LOCKOUT }, tunedPinLockout).lockout,
    ).toEqual({
      ...DEFAULT_LOCKOUT,
      threshold: 3,
    });
  });
});

describe('lockout settings', () => {
  test('the per-account part leaves the client budget out', () => {
    expect(accountLockoutOf(DEFAULT_PIN_LOCKOUT)).toEqual(DEFAULT_LOCKOUT);
    expect(DEFAULT_PIN_LOCKOUT).toMatchObject({ clientThreshold: 100, clientWindowSeconds: 900 });
  });

  test('rules between two fields name the field to correct', () => {
    expect(lockoutRuleBroken(DEFAULT_LOCKOUT)).toBeNull();
    expect(lockoutRuleBroken({ ...DEFAULT_LOCKOUT, baseDelaySeconds: 600, maxDelaySeconds: 60 })).toEqual({
      field: 'lockout.maxDelaySeconds',
      message: 'lockout.maxDelaySeconds must not be below lockout.baseDelaySeconds.',
    });
    expect(lockoutRuleBroken({ ...DEFAULT_LOCKOUT, threshold: 20, hardLimit: 15 })?.field).toBe(
      'lockout.hardLimit',
    );
    expect(lockoutRuleBroken({ ...DEFAULT_LOCKOUT, threshold: 20, hardLimit: 20 })).toBeNull();
  });

  test('the PIN length range is the PIN rules’ own', () => {
    expect(POLICY_LIMITS.pinLength).toEqual({ min: MIN_PIN_LENGTH, max: MAX_PIN_LENGTH });
  });
});
