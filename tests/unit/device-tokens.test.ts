/**
 * server/platform/device-tokens.ts: compact JWS decoding that refuses unexpected algorithms before any
 * key is used, the Ed25519 attestation key derived from the server key, ES256 verification of
 * WebCrypto (IEEE P1363) signatures, and RFC 7638 thumbprints.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  createAttestationSigner,
  decodeJws,
  ecJwkThumbprint,
  ecPublicKey,
  okpJwkThumbprint,
  sha256Base64url,
  verifyEs256,
} from '../../server/platform/device-tokens.js';
import { makeDeviceKey, signJws, signWith } from '../support/device.js';

const serverKey = Buffer.alloc(32, 7);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('RFC 7638 thumbprints', () => {
  test('a P-256 key: SHA-256 of exactly crv, kty, x, y in lexicographic order, no whitespace', () => {
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    } as const;
    const canonical =
      '{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}';
    expect(ecJwkThumbprint(jwk)).toBe(sha256Base64url(canonical));
    // Member order in the input does not matter.
    expect(ecJwkThumbprint({ y: jwk.y, x: jwk.x, kty: 'EC', crv: 'P-256' })).toBe(ecJwkThumbprint(jwk));
  });

  test('RFC 8037 Appendix A.3: the Ed25519 example key thumbprint', () => {
    expect(
      okpJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
    ).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });
});

describe('decodeJws', () => {
  test.each([
    ['none', ''],
    ['HS256', 'c2ln'],
    ['RS256', 'c2ln'],
    ['ES256', 'c2ln'],
    ['eddsa', 'c2ln'],
    [null, 'c2ln'],
  ])('alg %s where EdDSA is expected → refused as an algorithm', (alg, signature) => {
    const token = `${b64({ alg, typ: 'x' })}.${b64({ sub: 'd' })}.${signature}`;
    expect(decodeJws(token, 'EdDSA')).toMatchObject({ ok: false, problem: 'algorithm' });
  });

  test.each([
    ['two parts', 'a.b'],
    ['four parts', 'a.b.c.d'],
    ['not base64url', 'a+b.c.d'],
    ['header not JSON', `${Buffer.from('nope').toString('base64url')}.${b64({})}.c2ln`],
    ['header an array', `${b64([1])}.${b64({})}.c2ln`],
    ['payload not an object', `${b64({ alg: 'ES256' })}.${b64('x')}.c2ln`],
    ['no signature', `${b64({ alg: 'ES256' })}.${b64({})}.`],
    ['a crit header', `${b64({ alg: 'ES256', crit: ['exp'] })}.${b64({})}.c2ln`],
  ])('%s → malformed', (_name, token) => {
    expect(decodeJws(token, 'ES256')).toMatchObject({ ok: false, problem: 'malformed' });
  });

  test('a well-formed token gives header, payload, signing input and signature bytes', () => {
    const token = `${b64({ alg: 'ES256', typ: 'dpop+jwt' })}.${b64({ htm: 'POST' })}.${Buffer.from('sig').toString('base64url')}`;
    const decoded = decodeJws(token, 'ES256');
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.jws.header).toEqual({ alg: 'ES256', typ: 'dpop+jwt' });
    expect(decoded.jws.payload).toEqual({ htm: 'POST' });
    expect(decoded.jws.signingInput).toBe(token.split('.').slice(0, 2).join('.'));
    expect(decoded.jws.signature.toString()).toBe('sig');
  });
});

describe('attestation signer', () => {
  test('the key is derived from the server key: two nodes with one key sign and verify alike', () => {
    const a = createAttestationSigner(serverKey);
    const b = createAttestationSigner(Buffer.from(serverKey));
    expect(a.kid).toBe(b.kid);
    expect(a.publicJwk).toEqual(b.publicJwk);
    expect(a.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(a.kid).toBe(okpJwkThumbprint(a.publicJwk));
    const token = a.sign('shiftpass-attestation+jwt', { sub: 'device-1' });
    const decoded = decodeJws(token, 'EdDSA');
    expect(decoded.ok && b.verify(decoded.jws)).toBe(true);
    expect(decoded.ok && decoded.jws.header).toEqual({
      alg: 'EdDSA',
      typ: 'shiftpass-attestation+jwt',
      kid: a.kid,
    });
  });

  test('another server key does not verify, nor does an edited payload', () => {
    const a = createAttestationSigner(serverKey);
    const other = createAttestationSigner(Buffer.alloc(32, 8));
    expect(other.kid).not.toBe(a.kid);
    const token = a.sign('t', { sub: 'device-1', exp: 1 });
    const decoded = decodeJws(token, 'EdDSA');
    expect(decoded.ok && other.verify(decoded.jws)).toBe(false);
    const [header, , signature] = token.split('.');
    const edited = decodeJws(`${header}.${b64({ sub: 'device-1', exp: 2 })}.${signature}`, 'EdDSA');
    expect(edited.ok && a.verify(edited.jws)).toBe(false);
  });

  test('an HS256 token MACed with the public key is refused before any key is used', () => {
    const a = createAttestationSigner(serverKey);
    const input = `${b64({ alg: 'HS256', typ: 't', kid: a.kid })}.${b64({ sub: 'd' })}`;
    const mac = createHmac('sha256', JSON.stringify(a.publicJwk)).update(input).digest('base64url');
    expect(decodeJws(`${input}.${mac}`, 'EdDSA')).toMatchObject({
      ok: false,
      problem: 'algorithm',
      alg: 'HS256',
    });
  });
});

describe('ES256 device proofs', () => {
  test('a WebCrypto signature (non-extractable key, IEEE P1363) verifies with the public JWK', async () => {
    const device = await makeDeviceKey();
    expect(device.keys.privateKey.extractable).toBe(false);
    const token = await signJws({ alg: 'ES256', typ: 'dpop+jwt' }, { htm: 'POST' }, device.keys.privateKey);
    const decoded = decodeJws(token, 'ES256');
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.jws.signature).toHaveLength(64);
    const key = ecPublicKey(device.publicKeyJwk)!;
    expect(verifyEs256(key, decoded.jws.signingInput, decoded.jws.signature)).toBe(true);
    expect(verifyEs256(key, `${decoded.jws.signingInput}x`, decoded.jws.signature)).toBe(false);
    expect(ecJwkThumbprint(device.publicKeyJwk)).toBe(device.thumbprint);
  });

  test('another key, a DER signature or a truncated one does not verify', async () => {
    const device = await makeDeviceKey();
    const other = await makeDeviceKey();
    const signature = Buffer.from(await signWith(device.keys.privateKey, 'data'), 'base64url');
    expect(verifyEs256(ecPublicKey(other.publicKeyJwk)!, 'data', signature)).toBe(false);
    expect(verifyEs256(ecPublicKey(device.publicKeyJwk)!, 'data', signature.subarray(0, 63))).toBe(false);
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = sign('sha256', Buffer.from('data'), privateKey);
    const jwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
    const nodeKey = ecPublicKey({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y })!;
    expect(verifyEs256(nodeKey, 'data', der)).toBe(false);
  });

  test('a point not on the curve gives no key', () => {
    const x = Buffer.alloc(32, 1).toString('base64url');
    expect(ecPublicKey({ kty: 'EC', crv: 'P-256', x, y: x })).toBeNull();
  });
});
