/** HOTP and TOTP against the RFC test vectors, the ±1-step window, single use, and the otpauth URI. */
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createConsoleSecrets } from '../../server/platform/console-secrets.js';
import {
  hotp,
  matchTotpStep,
  normaliseTotpCode,
  otpauthUri,
  totpAt,
  totpStepAt,
  type HmacSha1,
} from '../../server/domain/totp.js';

const nodeSha1: HmacSha1 = (key, message) => createHmac('sha1', key).update(message).digest();
/** The platform's HMAC-SHA-1, the one the server uses. */
const platformSha1 = createConsoleSecrets(Buffer.alloc(32, 7)).hmacSha1;
/** RFC 4226 Appendix D and RFC 6238 Appendix B: the ASCII secret "12345678901234567890". */
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP (RFC 4226 Appendix D)', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  test.each(expected.map((code, counter) => [counter, code]))('counter %i → %s', (counter, code) => {
    expect(hotp(platformSha1, RFC_SECRET, counter)).toBe(code);
  });
});

describe('TOTP with SHA-1 (RFC 6238 Appendix B, 8 digits)', () => {
  test.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T = %i s → %s', (seconds, code) => {
    expect(totpAt(platformSha1, RFC_SECRET, seconds * 1000, 8)).toBe(code);
    expect(totpAt(nodeSha1, RFC_SECRET, seconds * 1000, 8)).toBe(code);
  });

  test('the 6-digit code is the last 6 digits of the 8-digit one', () => {
    expect(totpAt(platformSha1, RFC_SECRET, 59_000)).toBe('287082');
  });

  test('steps are 30 seconds from the Unix epoch', () => {
    expect(totpStepAt(0)).toBe(0);
    expect(totpStepAt(29_999)).toBe(0);
    expect(totpStepAt(30_000)).toBe(1);
    expect(totpStepAt(1111111109_000)).toBe(37037036);
  });
});

describe('matchTotpStep', () => {
  const now = 1_800_000_000_000;
  const step = totpStepAt(now);
  const codeAt = (s: number) => hotp(platformSha1, RFC_SECRET, s);

  test('accepts the current code and those one step before and after', () => {
    for (const offset of [-1, 0, 1]) {
      expect(matchTotpStep(platformSha1, RFC_SECRET, codeAt(step + offset), now, null)).toEqual({
        matched: true,
        step: step + offset,
      });
    }
  });

  test('refuses codes two steps away', () => {
    for (const offset of [-2, 2]) {
      expect(matchTotpStep(platformSha1, RFC_SECRET, codeAt(step + offset), now, null)).toEqual({
        matched: false,
        reason: 'incorrect',
      });
    }
  });

  test('a code already used, or one older than the last used, is refused as already used', () => {
    expect(matchTotpStep(platformSha1, RFC_SECRET, codeAt(step), now, step)).toEqual({
      matched: false,
      reason: 'already_used',
    });
    expect(matchTotpStep(platformSha1, RFC_SECRET, codeAt(step - 1), now, step)).toEqual({
      matched: false,
      reason: 'already_used',
    });
    expect(matchTotpStep(platformSha1, RFC_SECRET, codeAt(step + 1), now, step)).toEqual({
      matched: true,
      step: step + 1,
    });
  });

  test('a wrong code is incorrect', () => {
    const wrong = codeAt(step) === '000000' ? '000001' : '000000';
    expect(matchTotpStep(platformSha1, RFC_SECRET, wrong, now, null)).toEqual({
      matched: false,
      reason: 'incorrect',
    });
  });
});

describe('normaliseTotpCode', () => {
  test('takes six ASCII digits, with spaces as apps show them', () => {
    expect(normaliseTotpCode('123456')).toBe('123456');
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
  });

  test.each(['12345', '1234567', '12345a', '١٢٣٤٥٦', '', '12-3456'])('refuses %j', (typed) => {
    expect(normaliseTotpCode(typed)).toBeUndefined();
  });
});

test('otpauthUri follows the key-uri format authenticator apps read', () => {
  expect(
    otpauthUri({
      issuer: 'Shiftpass',
      accountName: 'ana admin@store.example',
      secretBase32: 'JBSWY3DPEHPK3PXP',
    }),
  ).toBe(
    'otpauth://totp/Shiftpass:ana%20admin%40store.example?secret=JBSWY3DPEHPK3PXP&issuer=Shiftpass&algorithm=SHA1&digits=6&period=30',
  );
});
