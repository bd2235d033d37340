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

  it("says an access policy's refusal in one short sentence by its reason code, never the log's English detail", () => {
    const blocked = (reasonCode?: string) =>
      error('ACCESS_BLOCKED_BY_POLICY', {
        reason: "no allow policy was met: 'Store network' (no device information)",
        ...(reasonCode ? { reasonCode } : {}),
      });
    expect(describe(en, blocked('NOT_A_STORE_KIOSK'), 8)).toBe(
      'This phone is not a store kiosk. Sign in on your store’s kiosk.',
    );
    expect(describe(es, blocked('NOT_A_STORE_KIOSK'), 8)).toBe(
      'Este teléfono no es un quiosco de la tienda. Inicie sesión en el quiosco de su tienda.',
    );
    for (const m of [en, es]) {
      const words = [
        'NOT_A_STORE_KIOSK',
        'KIOSK_NOT_TRUSTED',
        'NOT_ON_STORE_NETWORK',
        'NETWORK_NOT_ALLOWED',
        'OUTSIDE_HOURS',
      ].map((code) => describe(m, blocked(code), 8));
      expect(new Set(words).size, 'each code has its own sentence').toBe(words.length);
      for (const text of words) expect(text).not.toContain('Store network');
      // NOT_ALLOWED, an unknown code or none (an older server): the general line.
      for (const code of ['NOT_ALLOWED', 'SOMETHING_NEW', undefined]) {
        expect(describe(m, blocked(code), 8)).toBe(m.signInErrors.ACCESS_BLOCKED_BY_POLICY);
      }
    }
  });

  it('tells a badge that may not leave kiosk mode why, and words the rest as the kiosk does', () => {
    expect(describeExit(en, error('FORBIDDEN'), 8)).toBe(en.kioskMode.FORBIDDEN);
    expect(describeExit(es, error('FORBIDDEN'), 8)).toBe(es.kioskMode.FORBIDDEN);
    expect(describeExit(en, { kind: 'pin-incorrect', remainingAttempts: null }, 8)).toBe(
      en.signInErrors.PIN_INCORRECT,
    );
  });
});
