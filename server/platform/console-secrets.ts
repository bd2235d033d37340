/**
 * The console's second factor and lockout, backed by node:crypto and three subkeys of the server key
 * (HMAC-SHA256(server key, label), as for the PIN pepper and short codes; docs/security.md):
 * - TOTP seeds are sealed with AES-256-GCM: the server must read them back to compute codes.
 * - Recovery codes are kept as HMAC-SHA256 of (user id, code): a 50-bit code is too short for a plain
 *   hash, and a keyed hash can be looked up directly (no argon2 run per stored code).
 * - Failed console sign-ins are counted per typed username under a keyed hash of its lower-case form,
 *   so unknown names lock exactly like real ones and no typed name (which may be a mistyped password)
 *   is stored.
 * After a server key rotation (`previousKey`), seeds sealed under the previous key still open, and a
 * recovery code is looked up under both keys (the rotation tagged the old hashes, domain/key-tag.ts).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { RECOVERY_CODE_RANDOM_BYTES, recoveryCodeFromBytes } from '../domain/recovery-code.js';
import { TOTP_SECRET_BYTES, type HmacSha1 } from '../domain/totp.js';
import { tagWithKeyId } from '../domain/key-tag.js';
import { hmacSha256 } from './crypto.js';
import { createSecretBox } from './secret-box.js';
import { serverKeyId } from './server-key.js';

export interface ConsoleSecrets {
  hmacSha1: HmacSha1;
  newTotpSecret(): Buffer;
  sealTotpSecret(secret: Uint8Array, userId: string): string;
  /** The seed, or null when the stored value does not open (tampered, other user, other server key). */
  openTotpSecret(sealed: string, userId: string): Buffer | null;
  /** A new recovery code in canonical form. */
  newRecoveryCode(): string;
  hashRecoveryCode(userId: string, canonical: string): string;
  /** Every stored form the code may have: under the current key, and under the previous key if any. */
  recoveryCodeHashes(userId: string, canonical: string): string[];
  /** The key the lockout counts a typed username's failures under (hex). */
  accountKey(userPrincipalName: string): string;
}

/** SQLite's lower() folds ASCII only; the lockout folds the same way the user lookup does. */
const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

const TOTP_LABEL = 'shiftpass totp secret key';
const RECOVERY_LABEL = 'shiftpass recovery code key';

export function createConsoleSecrets(serverKey: Buffer, previousKey?: Buffer): ConsoleSecrets {
  const totpBox = createSecretBox(
    hmacSha256(serverKey, TOTP_LABEL),
    previousKey ? [hmacSha256(previousKey, TOTP_LABEL)] : [],
  );
  const recoveryKey = hmacSha256(serverKey, RECOVERY_LABEL);
  const previousRecovery = previousKey && {
    kid: serverKeyId(previousKey),
    key: hmacSha256(previousKey, RECOVERY_LABEL),
  };
  const accountKey = hmacSha256(serverKey, 'shiftpass console account key');
  const hashRecoveryCode = (userId: string, canonical: string): string =>
    hmacSha256(recoveryKey, `${userId}:${canonical}`).toString('hex');
  return {
    hmacSha1: (key, message) => createHmac('sha1', key).update(message).digest(),
    newTotpSecret: () => randomBytes(TOTP_SECRET_BYTES),
    sealTotpSecret: (secret, userId) => totpBox.seal(secret, `totp:${userId}`),
    openTotpSecret: (sealed, userId) => totpBox.open(sealed, `totp:${userId}`),
    newRecoveryCode: () => recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_RANDOM_BYTES)),
    hashRecoveryCode,
    recoveryCodeHashes: (userId, canonical) => {
      const current = hashRecoveryCode(userId, canonical);
      if (!previousRecovery) return [current];
      const old = hmacSha256(previousRecovery.key, `${userId}:${canonical}`).toString('hex');
      return [current, tagWithKeyId(previousRecovery.kid, old)];
    },
    accountKey: (upn) => hmacSha256(accountKey, asciiLower(upn.trim())).toString('hex'),
  };
}
