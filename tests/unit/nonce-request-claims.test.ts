/**
 * A nonce request's proof (server/domain/device-binding.ts `checkNonceRequestClaims`): what an enrolled
 * kiosk asking for a nonce as itself must say, and that the PWA's builder
 * (src/lib/device/proof-claims.ts `nonceRequestClaims`) says exactly that.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  checkNonceRequestClaims,
  checkProofClaims,
  NONCE_REQUEST_IAT_LEEWAY_SECONDS,
} from '../../server/domain/device-binding.js';
import { nonceRequestClaims } from '../../src/lib/device/proof-claims';

const nowSeconds = 1_790_000_000;
const now = new Date(nowSeconds * 1000);
const attestation = 'header.payload.signature';
const ath = createHash('sha256').update(attestation).digest('base64url');
const expected = {
  method: 'POST',
  url: 'https://kiosk.example/api/devices/nonce',
  attestationHash: ath,
  now,
};
const claims = { htm: 'POST', htu: 'https://kiosk.example/api/devices/nonce', iat: nowSeconds, ath };

describe('checkNonceRequestClaims', () => {
  test('this request, this attestation, the time about now: accepted', () => {
    expect(checkNonceRequestClaims(claims, expected)).toEqual({ ok: true });
  });

  test.each([
    ['another method', { htm: 'GET' }, 'htm_mismatch'],
    [
      'another URL (a sign-in proof)',
      { htu: 'https://kiosk.example/api/auth/qr-pin/sign-in' },
      'htu_mismatch',
    ],
    ['another attestation', { ath: 'x'.repeat(43) }, 'ath_mismatch'],
    ['no iat', { iat: undefined }, 'proof_claims'],
    ['an iat in words', { iat: 'now' }, 'proof_claims'],
    [
      'an iat further back than the leeway (a replayed request)',
      { iat: nowSeconds - NONCE_REQUEST_IAT_LEEWAY_SECONDS - 1 },
      'iat_out_of_range',
    ],
    [
      'an iat further ahead than the leeway',
      { iat: nowSeconds + NONCE_REQUEST_IAT_LEEWAY_SECONDS + 1 },
      'iat_out_of_range',
    ],
  ])('%s: refused (%s)', (_name, change, reason) => {
    expect(checkNonceRequestClaims({ ...claims, ...change }, expected)).toEqual({
      ok: false,
      code: 'DEVICE_PROOF_INVALID',
      reason,
    });
  });

  test('a kiosk clock off by up to the leeway either way is accepted', () => {
    for (const iat of [
      nowSeconds - NONCE_REQUEST_IAT_LEEWAY_SECONDS,
      nowSeconds + NONCE_REQUEST_IAT_LEEWAY_SECONDS,
    ]) {
      expect(checkNonceRequestClaims({ ...claims, iat }, expected)).toEqual({ ok: true });
    }
  });

  test('a nonce request proof cannot stand in for a sign-in proof: it carries no nonce', () => {
    const signIn = { ...expected, url: 'https://kiosk.example/api/auth/qr-pin/sign-in' };
    const moved = { ...claims, htu: signIn.url };
    expect(checkProofClaims(moved, signIn)).toMatchObject({ ok: false, reason: 'proof_claims' });
  });
});

describe("the PWA's nonce request claims", () => {
  test('pass the server rule for the kiosk origin', async () => {
    const built = await nonceRequestClaims({
      origin: 'https://kiosk.example',
      attestation,
      nowMs: now.getTime() + 400,
      appVersion: '1.2.3',
    });
    expect(built).toEqual({ ...claims, appVersion: '1.2.3' });
    expect(checkNonceRequestClaims(built, expected)).toEqual({ ok: true });
  });
});
