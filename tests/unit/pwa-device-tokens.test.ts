/**
 * The PWA's device token building blocks (src/lib/device): base64url, RFC 7638 thumbprints, compact JWS
 * signed with a WebCrypto P-256 key, the proof claims and when the attestation is refreshed.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64urlFromBytes } from '../../src/lib/device/base64url';
import { createDeviceKeyPair, publicJwkOf, signWithDeviceKey } from '../../src/lib/device/device-key';
import { signCompactJws } from '../../src/lib/device/jws';
import { proofClaims, proofHeader, requestUrl } from '../../src/lib/device/proof-claims';
import { nextCheckSeconds, refreshIsDue, secondsUntilRefresh } from '../../src/lib/device/refresh-timing';
import { jwkThumbprint, publicKeyMembers } from '../../src/lib/device/thumbprint';
import {
  ATTESTATION_LIFETIME_SECONDS,
  ATTESTATION_REFRESH_BEFORE_SECONDS,
  enrolmentSigningInput,
  publicKeyJwkSchema,
} from '../../server/contracts/devices';

const sha256Base64url = (text: string) => createHash('sha256').update(text).digest('base64url');

async function verifyEs256(publicJwk: JsonWebKey, data: string, signature: Uint8Array<ArrayBuffer>) {
  const key = await crypto.subtle.importKey('jwk', publicJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'verify',
  ]);
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    signature,
    new TextEncoder().encode(data),
  );
}

describe('base64url', () => {
  it('uses - and _ instead of + and /, without padding, and reads back what it wrote', () => {
    const bytes = Uint8Array.from([0xfb, 0xff, 0xbf, 0x00, 0x10]);
    const text = base64urlFromBytes(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64url'));
    expect(text).not.toMatch(/[+/=]/);
    expect(new Uint8Array(Buffer.from(text, 'base64url'))).toEqual(bytes);
  });
});

describe('JWK thumbprint (RFC 7638)', () => {
  it("matches RFC 7638's worked example", async () => {
    const rfcKey = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await jwkThumbprint(rfcKey)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('hashes only crv, kty, x, y of an EC key, in that order, with no whitespace', async () => {
    const thumbprint = await jwkThumbprint({
      y: 'Y',
      x: 'X',
      kty: 'EC',
      crv: 'P-256',
      d: 'secret',
      ext: true,
    });
    expect(thumbprint).toBe(sha256Base64url('{"crv":"P-256","kty":"EC","x":"X","y":"Y"}'));
  });

  it('refuses a key with a member missing or of an unknown type', async () => {
    await expect(jwkThumbprint({ kty: 'EC', crv: 'P-256', x: 'X' })).rejects.toThrow();
    await expect(jwkThumbprint({ kty: 'unknown', k: 'AAAA' })).rejects.toThrow();
  });
});

describe('the device key', () => {
  it('is a non-extractable P-256 private key whose public half the contract accepts', async () => {
    const pair = await createDeviceKeyPair();
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', pair.privateKey)).rejects.toThrow();
    const jwk = await publicJwkOf(pair.publicKey);
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(publicKeyJwkSchema.safeParse(jwk).success).toBe(true);
  });

  it('signs the enrolment input in the 64-byte P1363 form the server verifies', async () => {
    const pair = await createDeviceKeyPair();
    const jwk = await publicJwkOf(pair.publicKey);
    const input = enrolmentSigningInput('nonce-1', await jwkThumbprint(jwk));
    expect(input).toBe(`shiftpass-device-enrolment.nonce-1.${await jwkThumbprint(jwk)}`);
    const signature = await signWithDeviceKey(pair.privateKey, new TextEncoder().encode(input));
    expect(signature.byteLength).toBe(64);
    expect(await verifyEs256(jwk, input, signature)).toBe(true);
    expect(await verifyEs256(jwk, `${input}x`, signature)).toBe(false);
  });

  it('keeps only kty, crv, x and y of an exported key, and refuses another curve', () => {
    expect(
      publicKeyMembers({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', ext: true, key_ops: ['verify'] }),
    ).toEqual({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' });
    expect(() => publicKeyMembers({ kty: 'EC', crv: 'P-384', x: 'a', y: 'b' })).toThrow();
  });
});

describe('compact JWS proof', () => {
  it('is header.payload.signature, each base64url, and verifies with the public key', async () => {
    const pair = await createDeviceKeyPair();
    const jwk = await publicJwkOf(pair.publicKey);
    const claims = { htm: 'POST', htu: 'https://kiosk.example/api/auth/qr-pin/sign-in', nonce: 'n1' };
    const token = await signCompactJws(proofHeader('dev_1'), claims, pair.privateKey);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const text = (part: string) => Buffer.from(part, 'base64url').toString('utf8');
    expect(JSON.parse(text(header))).toEqual({ alg: 'ES256', typ: 'dpop+jwt', kid: 'dev_1' });
    expect(JSON.parse(text(payload))).toEqual(claims);
    const bytes = new Uint8Array(Buffer.from(signature, 'base64url'));
    expect(bytes.byteLength).toBe(64);
    expect(await verifyEs256(jwk, `${header}.${payload}`, bytes)).toBe(true);
  });
});

describe('proof claims', () => {
  it('name the method, the URL without query or fragment, the nonce, the time and the attestation hash', async () => {
    const attestation = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJkZXZfMSJ9.c2ln';
    const claims = await proofClaims({
      method: 'post',
      origin: 'https://kiosk.example',
      path: '/api/auth/qr-pin/sign-in?x=1#frag',
      nonce: 'nonce-7',
      attestation,
      nowMs: 1_790_000_000_999,
      appVersion: '0.1.0',
    });
    expect(claims).toEqual({
      htm: 'POST',
      htu: 'https://kiosk.example/api/auth/qr-pin/sign-in',
      nonce: 'nonce-7',
      iat: 1_790_000_000,
      ath: sha256Base64url(attestation),
      appVersion: '0.1.0',
    });
  });

  it('keeps the port of the origin in the URL', () => {
    expect(requestUrl('http://127.0.0.1:4403', '/api/devices/exit-kiosk')).toBe(
      'http://127.0.0.1:4403/api/devices/exit-kiosk',
    );
  });
});

describe('attestation refresh timing', () => {
  const now = 1_790_000_000;

  it('waits while more than the refresh margin is left', () => {
    const exp = now + ATTESTATION_LIFETIME_SECONDS;
    expect(refreshIsDue(exp, now)).toBe(false);
    expect(secondsUntilRefresh(exp, now)).toBe(
      ATTESTATION_LIFETIME_SECONDS - ATTESTATION_REFRESH_BEFORE_SECONDS,
    );
  });

  it('is due exactly when the margin is reached, and after expiry', () => {
    expect(refreshIsDue(now + ATTESTATION_REFRESH_BEFORE_SECONDS + 1, now)).toBe(false);
    expect(refreshIsDue(now + ATTESTATION_REFRESH_BEFORE_SECONDS, now)).toBe(true);
    expect(refreshIsDue(now - 10, now)).toBe(true);
    expect(secondsUntilRefresh(now - 10, now)).toBe(0);
  });

  it('checks again no sooner than the minimum and no later than the maximum', () => {
    const exp = now + ATTESTATION_LIFETIME_SECONDS;
    expect(nextCheckSeconds(exp, now, 60, 3600)).toBe(3600);
    expect(nextCheckSeconds(now, now, 60, 3600)).toBe(60);
    expect(nextCheckSeconds(now + ATTESTATION_REFRESH_BEFORE_SECONDS + 300, now, 60, 3600)).toBe(300);
  });
});
