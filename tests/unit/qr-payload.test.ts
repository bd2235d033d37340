import { describe, expect, test } from 'vitest';
import {
  CODE_ID_LENGTH,
  formatQrPayload,
  issuerOf,
  parseQrPayload,
  QR_FORMAT,
  SECRET_LENGTH,
  type QrPayload,
} from '../../server/domain/qr-payload.js';

const payload: QrPayload = {
  issuer: 'SPACME01',
  codeId: 'ABCDEFGHIJKLMNOP',
  secret: 'QRSTUVWXYZ234567ABCDEFGHIJ',
};
const valid = formatQrPayload(payload);

describe('formatQrPayload', () => {
  test('writes SP1:<issuer>:<codeId>:<secret>', () => {
    expect(QR_FORMAT).toBe('SP1');
    expect(valid).toBe(`SP1:${payload.issuer}:${payload.codeId}:${payload.secret}`);
  });

  test('uses only characters of the QR alphanumeric set', () => {
    expect(valid).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
  });
});

describe('parseQrPayload', () => {
  test('round-trips what formatQrPayload writes', () => {
    expect(parseQrPayload(valid)).toEqual({ ok: true, payload });
  });

  test.each(['ABCD', 'SITE1234', 'A1B2C3D4E5F6G7H8'])(
    'accepts issuer %s (4–16 upper-case letters/digits)',
    (issuer) => {
      expect(parseQrPayload(formatQrPayload({ ...payload, issuer }))).toEqual({
        ok: true,
        payload: { ...payload, issuer },
      });
    },
  );

  test('tolerates the line ending a scanner adds', () => {
    expect(parseQrPayload(`${valid}\n`)).toEqual({ ok: true, payload });
  });

  const malformed: [string, string][] = [
    ['an empty string', ''],
    ['another format prefix', valid.replace(/^SP1/, 'SP2')],
    ['a lower-case prefix', valid.replace(/^SP1/, 'sp1')],
    ['a lower-case issuer', formatQrPayload({ ...payload, issuer: 'spacme01' })],
    ['an issuer of 3 characters', formatQrPayload({ ...payload, issuer: 'SPA' })],
    ['an issuer of 17 characters', formatQrPayload({ ...payload, issuer: 'A'.repeat(17) })],
    ['an issuer with a dash', formatQrPayload({ ...payload, issuer: 'SP-ACME' })],
    ['a lower-case code id', formatQrPayload({ ...payload, codeId: payload.codeId.toLowerCase() })],
    ['a code id one short', formatQrPayload({ ...payload, codeId: payload.codeId.slice(1) })],
    ['a code id one long', formatQrPayload({ ...payload, codeId: `${payload.codeId}A` })],
    ['a code id with a non-base32 digit', formatQrPayload({ ...payload, codeId: `ABCDEFGHIJKLMNO1` })],
    ['a lower-case secret', formatQrPayload({ ...payload, secret: payload.secret.toLowerCase() })],
    ['a secret one short', formatQrPayload({ ...payload, secret: payload.secret.slice(1) })],
    ['a secret one long', formatQrPayload({ ...payload, secret: `${payload.secret}A` })],
    ['a secret with base32 padding', formatQrPayload({ ...payload, secret: `${payload.secret.slice(1)}=` })],
    ['an extra part', `${valid}:EXTRA`],
    ['a trailing colon', `${valid}:`],
    ['a missing part', `SP1:${payload.issuer}:${payload.codeId}`],
    ['a URL', 'https://example.com/badge'],
    ['over-long input around a valid payload', `${valid}${' '.repeat(200)}`],
    ['very long input', 'A'.repeat(10_000)],
  ];
  test.each(malformed)('refuses %s', (_name, text) => {
    expect(parseQrPayload(text)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('lengths match the documented format', () => {
    expect(CODE_ID_LENGTH).toBe(16);
    expect(SECRET_LENGTH).toBe(26);
  });
});

describe('issuerOf', () => {
  test('reads the issuer of a well-formed payload', () => {
    expect(issuerOf(valid)).toBe('SPACME01');
  });

  test('gives nothing for a malformed payload', () => {
    expect(issuerOf(`${valid}:EXTRA`)).toBeUndefined();
    expect(issuerOf('hello')).toBeUndefined();
  });
});
