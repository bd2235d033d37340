/** The words a worker or manager sees for device and access-policy refusals, in both languages. */
import { describe as group, expect, it } from 'vitest';
import { messagesFor } from '../../src/lib/i18n/catalogue';
import { describe, describeExit } from '../../src/lib/i18n/describe';
import type { ClientError } from '../../src/lib/api/client';

const en = messagesFor('en');
const es = messagesFor('es');
const error = (code: string, extra: Record<string, unknown> = {}) => ({
  kind: 'error' as const,
  error: { code, message: 'server words', ...extra } as ClientError,
});

group('device and access refusals', () => {
  it('say a revoked or unknown phone is no kiosk any more, in words a worker can act on', () => {
    expect(describe(en, error('DEVICE_REVOKED'), 8)).toBe(
      'This phone is no longer set up as a kiosk. Ask a manager.',
    );
    expect(describe(en, error('DEVICE_NOT_ENROLLED'), 8)).toBe(describe(en, error('DEVICE_REVOKED'), 8));
    expect(describe(es, error('DEVICE_REVOKED'), 8)).toContain('ya no está configurado como quiosco');
  });

  it('has its own words for every device code a worker can meet, never the generic line', () => {
    const codes = [
      'DEVICE_PROOF_INVALID',
      'DEVICE_TOKEN_ALGORITHM_REFUSED',
      'DEVICE_NONCE_UNKNOWN',
      'DEVICE_NONCE_EXPIRED',
      'DEVICE_NONCE_REPLAYED',
      'DEVICE_KEY_MISMATCH',
      'DEVICE_ATTESTATION_INVALID',
      'DEVICE_ATTESTATION_EXPIRED',
      'DEVICE_NOT_ENROLLED',
      'DEVICE_SUSPENDED',
      'DEVICE_REVOKED',
      'SECOND_FACTOR_REQUIRED',
      'ACCESS_BLOCKED_BY_POLICY',
    ];
    for (const m of [en, es]) {
      for (const code of codes) expect(describe(m, error(code), 8), code).not.toBe(m.signInErrors.unexpected);
    }
  });

  it("shows the policy's English reason in the English kiosk only; Spanish points to the sign-in log", () => {
    const blocked = error('ACCESS_BLOCKED_BY_POLICY', { reason: "no allow policy was met: 'Store network'" });
    expect(describe(en, blocked, 8)).toBe(
      `${en.signInErrors.ACCESS_BLOCKED_BY_POLICY} Reason: no allow policy was met: 'Store network'`,
    );
    const spanish = describe(es, blocked, 8);
    expect(spanish).toContain(es.signInErrors.ACCESS_BLOCKED_BY_POLICY);
    expect(spanish).not.toContain('Store network');
    expect(spanish).toContain('registro de inicios de sesión');
    expect(describe(en, error('ACCESS_BLOCKED_BY_POLICY'), 8)).toBe(en.signInErrors.ACCESS_BLOCKED_BY_POLICY);
  });

  it('tells a badge that may not leave kiosk mode why, and words the rest as the kiosk does', () => {
    expect(describeExit(en, error('FORBIDDEN'), 8)).toBe(en.kioskMode.FORBIDDEN);
    expect(describeExit(es, error('FORBIDDEN'), 8)).toBe(es.kioskMode.FORBIDDEN);
    expect(describeExit(en, { kind: 'pin-incorrect', remainingAttempts: null }, 8)).toBe(
      en.signInErrors.PIN_INCORRECT,
    );
  });
});
