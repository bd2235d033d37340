/**
 * Step-up by a manager in the sign-in log's words: the worker's row says who confirmed it, the
 * manager's own check says whose sign-in it was for and how it was made, in English and Spanish.
 */
import { describe, expect, test } from 'vitest';
import { logsText as spanish } from '../../src/lib/admin/i18n/es/logs-text';
import { failureReason, signInHow, stepUpOf } from '../../src/lib/admin/log-words';
import { logsText as english } from '../../src/lib/admin/logs-text';

const maria = { id: 'u-maria', displayName: 'Maria Lopes' };
const ana = { id: 'u-ana', displayName: 'Ana Costa' };

describe('stepUpOf', () => {
  test('the worker’s row names the manager who confirmed it', () => {
    const details = { via: 'qr', stepUp: { challengeId: 'c1', coSignedBy: maria } };
    expect(stepUpOf(details)).toEqual({ confirmedBy: maria });
    expect(english.detail.confirmedBy(maria.displayName)).toBe('Confirmed by Maria Lopes');
    expect(signInHow({ authMethod: 'qr_pin', details }, true, english)).toBe(
      'Badge + PIN, confirmed by a manager',
    );
    expect(spanish.detail.confirmedBy(maria.displayName)).toBe('Confirmado por Maria Lopes');
  });

  test('the manager’s row names the worker, and says what the badge + PIN were for', () => {
    const row = {
      authMethod: 'qr_pin',
      details: { via: 'qr', purpose: 'stepUpApproval', stepUp: { challengeId: 'c1', coSignFor: ana } },
    };
    expect(stepUpOf(row.details)).toEqual({ confirmingFor: ana });
    expect(signInHow(row, true, english)).toBe('Badge + PIN to confirm a sign-in');
    expect(signInHow(row, true, spanish)).toBe('Credencial + PIN para confirmar un inicio de sesión');
  });

  test('rows without a step-up, or with a malformed one, name nobody', () => {
    expect(stepUpOf({ via: 'qr' })).toBeNull();
    expect(stepUpOf({ stepUp: { challengeId: 'c1' } })).toBeNull();
    expect(stepUpOf({ stepUp: { coSignedBy: { id: 7 } } })).toBeNull();
    expect(stepUpOf(null)).toBeNull();
  });

  test('the step-up refusals read as words, not codes', () => {
    for (const code of ['SECOND_FACTOR_REQUIRED', 'STEP_UP_CHALLENGE_EXPIRED', 'STEP_UP_DEVICE_MISMATCH']) {
      expect(failureReason(code, english)).not.toBe(code);
      expect(failureReason(code, spanish)).not.toBe(code);
    }
  });
});
