/** Sealing TOTP seeds (AES-256-GCM), recovery-code format and keyed hashes, lockout account keys. */
import { describe, expect, test } from 'vitest';
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodeFromBytes,
} from '../../server/domain/recovery-code.js';
import { createConsoleSecrets } from '../../server/platform/console-secrets.js';
import { createSecretBox } from '../../server/platform/secret-box.js';

const KEY = Buffer.alloc(32, 1);
const OTHER_KEY = Buffer.alloc(32, 2);
const SEED = Buffer.from('12345678901234567890', 'ascii');

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(KEY);

  test('opens what it sealed, for the same associated data', () => {
    const sealed = box.seal(SEED, 'totp:user-1');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(box.open(sealed, 'totp:user-1')).toEqual(SEED);
  });

  test('the sealed value holds neither the seed nor its base64 or hex', () => {
    const sealed = box.seal(SEED, 'totp:user-1');
    for (const form of [SEED.toString('ascii'), SEED.toString('base64url'), SEED.toString('hex')]) {
      expect(sealed).not.toContain(form);
    }
  });

  test('two seals of one seed differ (a fresh nonce each time)', () => {
    expect(box.seal(SEED, 'a')).not.toBe(box.seal(SEED, 'a'));
  });

  test('does not open for another owner, under another key, or after tampering', () => {
    const sealed = box.seal(SEED, 'totp:user-1');
    expect(box.open(sealed, 'totp:user-2')).toBeNull();
    expect(createSecretBox(OTHER_KEY).open(sealed, 'totp:user-1')).toBeNull();
    const body = Buffer.from(sealed.slice(3), 'base64url');
    body[body.length - 1]! ^= 1;
    expect(box.open(`v1.${body.toString('base64url')}`, 'totp:user-1')).toBeNull();
    expect(box.open('v2.' + sealed.slice(3), 'totp:user-1')).toBeNull();
    expect(box.open('garbage', 'totp:user-1')).toBeNull();
    expect(box.open('v1.AAAA', 'totp:user-1')).toBeNull();
  });

  test('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('console secrets', () => {
  const secrets = createConsoleSecrets(KEY);

  test('TOTP seeds are 160 bits and round-trip through the seal, bound to the user', () => {
    const seed = secrets.newTotpSecret();
    expect(seed).toHaveLength(20);
    const sealed = secrets.sealTotpSecret(seed, 'u1');
    expect(secrets.openTotpSecret(sealed, 'u1')).toEqual(seed);
    expect(secrets.openTotpSecret(sealed, 'u2')).toBeNull();
    expect(createConsoleSecrets(OTHER_KEY).openTotpSecret(sealed, 'u1')).toBeNull();
  });

  test('recovery-code hashes are keyed and per user', () => {
    const code = secrets.newRecoveryCode();
    expect(secrets.hashRecoveryCode('u1', code)).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets.hashRecoveryCode('u1', code)).toBe(secrets.hashRecoveryCode('u1', code));
    expect(secrets.hashRecoveryCode('u2', code)).not.toBe(secrets.hashRecoveryCode('u1', code));
    expect(createConsoleSecrets(OTHER_KEY).hashRecoveryCode('u1', code)).not.toBe(
      secrets.hashRecoveryCode('u1', code),
    );
  });

  test('the lockout key of a username ignores ASCII case and surrounding spaces, nothing else', () => {
    expect(secrets.accountKey('Admin@Store.Example')).toBe(secrets.accountKey(' admin@store.example'));
    expect(secrets.accountKey('admin@store.example')).not.toBe(secrets.accountKey('admin2@store.example'));
    expect(secrets.accountKey('admin')).not.toContain('admin');
  });
});

describe('recovery codes', () => {
  test('ten characters of the Crockford alphabet, shown as two groups of five', () => {
    const canonical = recoveryCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 31]));
    expect(canonical).toBe('012345678Z');
    expect(formatRecoveryCode(canonical)).toBe('01234-5678Z');
    expect(RECOVERY_CODE_COUNT).toBe(10);
  });

  test('new codes from the platform are canonical and differ', () => {
    const secrets = createConsoleSecrets(KEY);
    const codes = Array.from({ length: 50 }, () => secrets.newRecoveryCode());
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('typed codes are read the forgiving way: case, dashes, spaces, O/I/L', () => {
    expect(normaliseRecoveryCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normaliseRecoveryCode('0I1LO 2345 6')).toBe('0111023456');
    expect(normaliseRecoveryCode('ABCDE-FGHJ')).toBeUndefined();
    expect(normaliseRecoveryCode('ABCDE-FGHJU')).toBeUndefined();
  });
});
