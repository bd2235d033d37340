/**
 * server/platform/device-tokens.ts (on jose): reading tokens that refuses unexpected algorithms before any
 * key is used, the Ed25519 attestation key derived from the server key, ES256 verification of
 * WebCrypto (IEEE P1363) signatures, and RFC 7638 thumbprints.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  createAttestationSigner,
  jwkThumbprint,
  readToken,
  sha256Base64url,
  verifyEs256,
  verifyProof,
} from '../../server/platform/device-tokens.js';
import { makeDeviceKey, signJws, signWith } from '../support/device.js';

const serverKey = Buffer.alloc(32, 7);
const verifyAs = { issuer: 'SPTEST', now: new Date(0) };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('RFC 7638 thumbprints', () => {
  test('a P-256 key: SHA-256 of exactly crv, kty, x, y in lexicographic order, no whitespace', async () => {
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    } as const;
    const canonical =
      '{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}';
    expect(await jwkThumbprint(jwk)).toBe(sha256Base64url(canonical));
    // Member order in the input does not matter.
    expect(await jwkThumbprint({ y: jwk.y, x: jwk.x, kty: 'EC', crv: 'P-256' })).toBe(
      await jwkThumbprint(jwk),
    );
  });

  test('RFC 8037 Appendix A.3: the Ed25519 example key thumbprint', async () => {
    expect(
      await jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
    ).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });
});

describe('readToken', () => {
  test.each([
    ['none', ''],
    ['HS256', 'c2ln'],
    ['RS256', 'c2ln'],
    ['ES256', 'c2ln'],
    ['eddsa', 'c2ln'],
    [null, 'c2ln'],
  ])('alg %s where EdDSA is expected → refused as an algorithm', (alg, signature) => {
    const token = `${b64({ alg, typ: 'x' })}.${b64({ sub: 'd' })}.${signature}`;
    expect(readToken(token, 'EdDSA')).toMatchObject({ ok: false, problem: 'algorithm' });
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
    expect(readToken(token, 'ES256')).toMatchObject({ ok: false, problem: 'malformed' });
  });

  test('a well-formed token gives its header (nothing verified yet)', () => {
    const token = `${b64({ alg: 'ES256', typ: 'dpop+jwt' })}.${b64({ htm: 'POST' })}.${Buffer.from('sig').toString('base64url')}`;
    expect(readToken(token, 'ES256')).toEqual({ ok: true, header: { alg: 'ES256', typ: 'dpop+jwt' } });
  });
});

describe('attestation signer', () => {
  const claims = { iss: verifyAs.issuer, sub: 'device-1', iat: 0, exp: 60 };

  test('the key is derived from the server key: two nodes with one key sign and verify alike', async () => {
    const a = await createAttestationSigner(serverKey);
    const b = await createAttestationSigner(Buffer.from(serverKey));
    expect(a.kid).toBe(b.kid);
    expect(a.publicJwk).toEqual(b.publicJwk);
    expect(a.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(a.kid).toBe(await jwkThumbprint(a.publicJwk));
    const token = await a.sign('shiftpass-attestation+jwt', claims);
    const verified = await b.verify(token, verifyAs);
    expect(verified.ok).toBe(true);
    expect(verified.ok && verified.header).toEqual({
      alg: 'EdDSA',
      typ: 'shiftpass-attestation+jwt',
      kid: a.kid,
    });
  });

  test('another server key does not verify, nor does an edited payload', async () => {
    const a = await createAttestationSigner(serverKey);
    const other = await createAttestationSigner(Buffer.alloc(32, 8));
    expect(other.kid).not.toBe(a.kid);
    const token = await a.sign('t', { ...claims, exp: 1 });
    expect(await other.verify(token, verifyAs)).toEqual({ ok: false, problem: 'signature' });
    const [header, , signature] = token.split('.');
    const edited = `${header}.${b64({ ...claims, exp: 2 })}.${signature}`;
    expect(await a.verify(edited, verifyAs)).toEqual({ ok: false, problem: 'signature' });
  });

  test('an HS256 token MACed with the public key is refused before any key is used', async () => {
    const a = await createAttestationSigner(serverKey);
    const input = `${b64({ alg: 'HS256', typ: 't', kid: a.kid })}.${b64({ sub: 'd' })}`;
    const mac = createHmac('sha256', JSON.stringify(a.publicJwk)).update(input).digest('base64url');
    expect(readToken(`${input}.${mac}`, 'EdDSA')).toMatchObject({
      ok: false,
      problem: 'algorithm',
      alg: 'HS256',
    });
    expect(await a.verify(`${input}.${mac}`, verifyAs)).toEqual({ ok: false, problem: 'algorithm' });
  });

  test("an expired attestation still verifies: whether to accept it is the caller's rule", async () => {
    const a = await createAttestationSigner(serverKey);
    const token = await a.sign('shiftpass-attestation+jwt', claims);
    const verified = await a.verify(token, { ...verifyAs, now: new Date(3_600_000) });
    expect(verified).toMatchObject({ ok: true, payload: claims });
  });

  test('another issuer or a missing claim → claims', async () => {
    const a = await createAttestationSigner(serverKey);
    const foreign = await a.sign('shiftpass-attestation+jwt', { ...claims, iss: 'SPOTHER' });
    expect(await a.verify(foreign, verifyAs)).toEqual({ ok: false, problem: 'claims' });
    const { exp: _exp, ...withoutExp } = claims;
    expect(await a.verify(await a.sign('t', withoutExp), verifyAs)).toEqual({ ok: false, problem: 'claims' });
  });
});

describe('ES256 device proofs', () => {
  test('a WebCrypto signature (non-extractable key, IEEE P1363) verifies with the public JWK', async () => {
    const device = await makeDeviceKey();
    expect(device.keys.privateKey.extractable).toBe(false);
    const claims = { htm: 'POST', iat: 0 };
    const token = await signJws({ alg: 'ES256', typ: 'dpop+jwt' }, claims, device.keys.privateKey);
    expect(readToken(token, 'ES256').ok).toBe(true);
    const [header, , signature] = token.split('.') as [string, string, string];
    expect(Buffer.from(signature, 'base64url')).toHaveLength(64);
    expect(await verifyProof(token, device.publicKeyJwk)).toMatchObject({ ok: true, payload: claims });
    const edited = `${header}.${b64({ ...claims, htm: 'GET' })}.${signature}`;
    expect(await verifyProof(edited, device.publicKeyJwk)).toEqual({ ok: false, problem: 'signature' });
    expect(await jwkThumbprint(device.publicKeyJwk)).toBe(device.thumbprint);
  });

  test('another key, a DER signature or a truncated one does not verify', async () => {
    const device = await makeDeviceKey();
    const other = await makeDeviceKey();
    const signature = Buffer.from(await signWith(device.keys.privateKey, 'data'), 'base64url');
    expect(await verifyEs256(device.publicKeyJwk, 'data', signature)).toBe(true);
    expect(await verifyEs256(other.publicKeyJwk, 'data', signature)).toBe(false);
    expect(await verifyEs256(device.publicKeyJwk, 'data', signature.subarray(0, 63))).toBe(false);
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = sign('sha256', Buffer.from('data'), privateKey);
    const jwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
    expect(await verifyEs256({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, 'data', der)).toBe(false);
  });

  test('a proof in another algorithm or with a crit header is refused before the key is used', async () => {
    const device = await makeDeviceKey();
    const none = `${b64({ alg: 'none', typ: 'dpop+jwt' })}.${b64({ iat: 0 })}.`;
    expect(await verifyProof(none, device.publicKeyJwk)).toEqual({ ok: false, problem: 'algorithm' });
    const crit = await signJws(
      { alg: 'ES256', crit: ['b64'], b64: true },
      { iat: 0 },
      device.keys.privateKey,
    );
    expect(await verifyProof(crit, device.publicKeyJwk)).toEqual({ ok: false, problem: 'malformed' });
  });

  test('a point not on the curve gives no key: nothing verifies with it', async () => {
    const device = await makeDeviceKey();
    const x = Buffer.alloc(32, 1).toString('base64url');
    const offCurve = { kty: 'EC', crv: 'P-256', x, y: x } as const;
    const token = await signJws({ alg: 'ES256', typ: 'dpop+jwt' }, { iat: 0 }, device.keys.privateKey);
    expect(await verifyProof(token, offCurve)).toEqual({ ok: false, problem: 'signature' });
    expect(await verifyEs256(offCurve, 'data', Buffer.alloc(64))).toBe(false);
  });
});
