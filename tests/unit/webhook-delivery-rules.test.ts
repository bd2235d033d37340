/**
 * The webhook signature (server/features/webhooks/signature.ts) agrees with the receiver's 10-line
 * verify of docs/webhooks.md, and the retry schedule (deliverer.ts) stays inside its bounds.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { WEBHOOK_MAX_ATTEMPTS } from '../../server/contracts/webhooks.js';
import { nextAttemptAfter, RETRY_DELAYS_SECONDS } from '../../server/features/webhooks/deliverer.js';
import { signatureHeader, verifySignature } from '../../server/features/webhooks/signature.js';
import { verifyShiftpassSignature } from '../support/webhook-receiver.js';

describe('signature', () => {
  test('what Shiftpass signs, both verifiers accept; any other secret, body or an old timestamp they refuse', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }),
        (secret, body, t) => {
          const header = signatureHeader(secret, t, body);
          expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
          expect(verifySignature(secret, header, body, t + 299)).toBe(true);
          expect(verifyShiftpassSignature(secret, header, body, t - 299)).toBe(true);
          expect(verifyShiftpassSignature(`${secret}x`, header, body, t)).toBe(false);
          expect(verifyShiftpassSignature(secret, header, `${body}x`, t)).toBe(false);
          expect(verifyShiftpassSignature(secret, header, body, t + 301)).toBe(false);
          expect(verifySignature(secret, header, body, t + 301)).toBe(false);
        },
      ),
    );
  });

  test('a known vector, as openssl computes it', () => {
    // printf '1767225600.{"id":"e1"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader('whsec_test', 1767225600, '{"id":"e1"}')).toBe(
      't=1767225600,v1=454f7f9597bf74f9ee7b13eab0ac98e91665e9039d783864ee4129a0f2c9c88f',
    );
  });
});

describe('retry schedule', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  test('each wait is its delay ±20 %, and after the 8th attempt there is none', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: WEBHOOK_MAX_ATTEMPTS - 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, random) => {
          const next = nextAttemptAfter(attempts, now, () => random);
          const delay = RETRY_DELAYS_SECONDS[attempts - 1]! * 1000;
          const wait = next!.getTime() - now.getTime();
          expect(wait).toBeGreaterThanOrEqual(Math.floor(delay * 0.8));
          expect(wait).toBeLessThanOrEqual(Math.ceil(delay * 1.2));
        },
      ),
    );
    expect(nextAttemptAfter(WEBHOOK_MAX_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAfter(WEBHOOK_MAX_ATTEMPTS + 1, now)).toBeNull();
  });

  test('all the waits add up to about a day', () => {
    const total = RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0);
    expect(RETRY_DELAYS_SECONDS).toHaveLength(WEBHOOK_MAX_ATTEMPTS - 1);
    expect(total / 3600).toBeGreaterThan(18);
    expect(total / 3600).toBeLessThan(26);
  });
});
