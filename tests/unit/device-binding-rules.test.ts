/**
 * server/domain/device-binding.ts: what a kiosk's attestation and proof must say once their signatures
 * are known good, as pure rules over decoded claims, the request and the time.
 */
import { describe, expect, test } from 'vitest';
import {
  checkAttestationClaims,
  checkAttestationFreshness,
  checkAttestationHeader,
  checkEnrolledKey,
  checkProofClaims,
  checkProofHeader,
  sameTarget,
  type AttestedDevice,
} from '../../server/domain/device-binding.js';

const now = new Date(1_790_000_000_000);
const nowSeconds = 1_790_000_000;
const issuer = 'SPTEST0001';
const attestation = {
  iss: issuer,
  sub: 'device-1',
  cnf: { jkt: 'thumbprint-1' },
  store: null,
  iat: nowSeconds - 60,
  exp: nowSeconds + 3600,
};
const device: AttestedDevice = { deviceId: 'device-1', keyThumbprint: 'thumbprint-1', fresh: true };
const request = {
  method: 'post',
  url: 'http://kiosk.example/api/auth/qr-pin/sign-in',
  attestationHash: 'hash-of-attestation',
};
const proof = {
  htm: 'POST',
  htu: 'http://kiosk.example/api/auth/qr-pin/sign-in',
  nonce: 'nonce-1',
  iat: nowSeconds,
  ath: 'hash-of-attestation',
};

describe('the attestation header', () => {
  test('is accepted with our type and the attestation key id', () => {
    expect(
      checkAttestationHeader({ alg: 'EdDSA', typ: 'shiftpass-attestation+jwt', kid: 'k1' }, 'k1').ok,
    ).toBe(true);
  });

  test.each([
    ['another type', { typ: 'JWT', kid: 'k1' }],
    ['another key id', { typ: 'shiftpass-attestation+jwt', kid: 'k2' }],
    ['no key id', { typ: 'shiftpass-attestation+jwt' }],
  ])('with %s is refused as DEVICE_ATTESTATION_INVALID (attestation_header)', (_name, header) => {
    expect(checkAttestationHeader(header, 'k1')).toEqual({
      ok: false,
      code: 'DEVICE_ATTESTATION_INVALID',
      reason: 'attestation_header',
    });
  });
});

describe('the attestation claims', () => {
  test('name the device, the key bound to it and whether it is still fresh', () => {
    expect(checkAttestationClaims(attestation, { issuer, now })).toEqual({ ok: true, device });
  });

  test('an attestation whose exp is now is no longer fresh', () => {
    const verdict = checkAttestationClaims({ ...attestation, exp: nowSeconds }, { issuer, now });
    expect(verdict).toMatchObject({ ok: true, device: { fresh: false } });
  });

  test.each([
    ['another issuer', { iss: 'SPOTHER' }],
    ['no device id', { sub: undefined }],
    ['a numeric device id', { sub: 7 }],
    ['no key confirmation', { cnf: undefined }],
    ['a null key confirmation', { cnf: null }],
    ['a key confirmation without jkt', { cnf: {} }],
    ['no expiry', { exp: undefined }],
    ['an expiry that is not a number', { exp: '2099-01-01' }],
    ['no issue time', { iat: undefined }],
  ])('with %s are refused as DEVICE_ATTESTATION_INVALID (attestation_claims)', (_name, change) => {
    expect(checkAttestationClaims({ ...attestation, ...change }, { issuer, now })).toEqual({
      ok: false,
      code: 'DEVICE_ATTESTATION_INVALID',
      reason: 'attestation_claims',
    });
  });
});

describe('attestation freshness', () => {
  test('a fresh attestation is accepted everywhere', () => {
    expect(checkAttestationFreshness(device, false).ok).toBe(true);
  });

  test('an expired attestation is refused for sign-in as DEVICE_ATTESTATION_EXPIRED', () => {
    expect(checkAttestationFreshness({ ...device, fresh: false }, false)).toEqual({
      ok: false,
      code: 'DEVICE_ATTESTATION_EXPIRED',
      reason: 'attestation_expired',
    });
  });

  test('an expired attestation is accepted where refresh and kiosk exit allow it', () => {
    expect(checkAttestationFreshness({ ...device, fresh: false }, true).ok).toBe(true);
  });
});

describe('the proof header', () => {
  test('is accepted as a DPoP proof naming the attested device', () => {
    expect(checkProofHeader({ alg: 'ES256', typ: 'dpop+jwt', kid: 'device-1' }, 'device-1').ok).toBe(true);
  });

  test('of another type is refused as DEVICE_PROOF_INVALID (proof_header)', () => {
    expect(checkProofHeader({ typ: 'JWT', kid: 'device-1' }, 'device-1')).toMatchObject({
      code: 'DEVICE_PROOF_INVALID',
      reason: 'proof_header',
    });
  });

  test('naming another device is refused as DEVICE_PROOF_INVALID (proof_kid_mismatch)', () => {
    expect(checkProofHeader({ typ: 'dpop+jwt', kid: 'device-2' }, 'device-1')).toMatchObject({
      code: 'DEVICE_PROOF_INVALID',
      reason: 'proof_kid_mismatch',
    });
  });
});

describe('the enrolled key', () => {
  test('must be the key the attestation is bound to', () => {
    expect(checkEnrolledKey('thumbprint-1', device).ok).toBe(true);
    expect(checkEnrolledKey('thumbprint-2', device)).toEqual({
      ok: false,
      code: 'DEVICE_KEY_MISMATCH',
      reason: 'attested_key_not_enrolled',
    });
  });
});

describe('the proof claims', () => {
  test('for this request and attestation give the nonce and the app version', () => {
    expect(checkProofClaims({ ...proof, appVersion: '0.2.0' }, request)).toEqual({
      ok: true,
      nonce: 'nonce-1',
      appVersion: '0.2.0',
    });
    expect(checkProofClaims(proof, request)).toEqual({ ok: true, nonce: 'nonce-1' });
  });

  test('an old iat is accepted: kiosk clocks drift, and the single-use nonce gives freshness', () => {
    expect(checkProofClaims({ ...proof, iat: 0 }, request).ok).toBe(true);
  });

  test.each([
    ['no nonce', { nonce: undefined }],
    ['a numeric method', { htm: 1 }],
    ['no URL', { htu: undefined }],
    ['no attestation hash', { ath: undefined }],
    ['an iat that is not a number', { iat: 'now' }],
    ['an app version that is not a string', { appVersion: 3 }],
    ['an app version longer than 64 characters', { appVersion: 'v'.repeat(65) }],
  ])('with %s are refused as DEVICE_PROOF_INVALID (proof_claims)', (_name, change) => {
    expect(checkProofClaims({ ...proof, ...change }, request)).toEqual({
      ok: false,
      code: 'DEVICE_PROOF_INVALID',
      reason: 'proof_claims',
    });
  });

  test('for another method are refused (htm_mismatch)', () => {
    expect(checkProofClaims({ ...proof, htm: 'GET' }, request)).toMatchObject({ reason: 'htm_mismatch' });
  });

  test('for another URL are refused (htu_mismatch)', () => {
    const otherPath = { ...proof, htu: 'http://kiosk.example/api/devices/attestation' };
    expect(checkProofClaims(otherPath, request)).toMatchObject({ reason: 'htu_mismatch' });
  });

  test('naming another attestation are refused (ath_mismatch)', () => {
    expect(checkProofClaims({ ...proof, ath: 'another hash' }, request)).toMatchObject({
      code: 'DEVICE_PROOF_INVALID',
      reason: 'ath_mismatch',
    });
  });
});

describe('the proof URL', () => {
  const url = 'http://kiosk.example/api/auth/qr-pin/sign-in';

  test('matches on host and path, whatever the scheme, when no public origin is set', () => {
    expect(sameTarget('https://kiosk.example/api/auth/qr-pin/sign-in', url, undefined)).toBe(true);
    expect(sameTarget('http://evil.example/api/auth/qr-pin/sign-in', url, undefined)).toBe(false);
    expect(sameTarget('http://kiosk.example/api/other', url, undefined)).toBe(false);
  });

  test('must be on the public origin, scheme included, when one is set', () => {
    const publicOrigin = 'https://kiosk.example';
    const internal = 'http://10.0.0.5:3000/api/auth/qr-pin/sign-in';
    expect(sameTarget('https://kiosk.example/api/auth/qr-pin/sign-in', internal, publicOrigin)).toBe(true);
    expect(sameTarget('http://kiosk.example/api/auth/qr-pin/sign-in', internal, publicOrigin)).toBe(false);
  });

  test('never carries a query, a fragment or credentials, and must parse', () => {
    expect(sameTarget(`${url}?x=1`, url, undefined)).toBe(false);
    expect(sameTarget(`${url}#f`, url, undefined)).toBe(false);
    expect(sameTarget('http://user:pw@kiosk.example/api/auth/qr-pin/sign-in', url, undefined)).toBe(false);
    expect(sameTarget('not a url', url, undefined)).toBe(false);
  });
});
