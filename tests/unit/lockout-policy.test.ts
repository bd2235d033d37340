/** The lockout settings documents, without a database: the console's own policy, rules, limits. */
import { describe, expect, test } from 'vitest';
import {
  consoleSignInPolicyOf,
  initialConsoleSignInPolicy,
} from '../../server/domain/console-sign-in-policy.js';
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
  test('the stored settings apply as they are: the PIN lockout plays no part', () => {
    const saved = { lockout: { ...DEFAULT_LOCKOUT, threshold: 3 } };
    expect(consoleSignInPolicyOf(saved)).toEqual(saved);
  });

  test('with no document (never after start-up), the defaults apply', () => {
    expect(consoleSignInPolicyOf(undefined)).toEqual({ lockout: DEFAULT_LOCKOUT });
    expect(consoleSignInPolicyOf({})).toEqual({ lockout: DEFAULT_LOCKOUT });
  });

  test('a saved document missing a later field gets that field’s default', () => {
    const { hardLimit: _, ...older } = { ...DEFAULT_LOCKOUT, threshold: 3 };
    expect(consoleSignInPolicyOf({ lockout: older as typeof DEFAULT_LOCKOUT }).lockout).toEqual({
      ...DEFAULT_LOCKOUT,
      threshold: 3,
    });
  });

  test('a stray client-budget field in a document is not part of the console’s policy', () => {
    const stored = { lockout: { ...DEFAULT_LOCKOUT, clientThreshold: 20 } };
    expect(consoleSignInPolicyOf(stored)).toEqual({ lockout: DEFAULT_LOCKOUT });
  });
});

describe('initialConsoleSignInPolicy (the copy start-up stores once)', () => {
  test('copies the PIN lockout’s per-account settings, not the client budget', () => {
    expect(initialConsoleSignInPolicy(tunedPinLockout)).toEqual({
      lockout: { ...DEFAULT_LOCKOUT, threshold: 5, hardLimit: 50 },
    });
  });

  test('on a new installation that is 10 / 60 s / ×2 / a day / 100', () => {
    expect(initialConsoleSignInPolicy(DEFAULT_PIN_LOCKOUT)).toEqual({
      lockout: {
        threshold: 10,
        baseDelaySeconds: 60,
        growthFactor: 2,
        maxDelaySeconds: 86_400,
        hardLimit: 100,
      },
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
      message: 'The longest lock must not be shorter than the first lock.',
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
