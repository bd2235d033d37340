/**
 * Authenticated encryption for secrets the server must read back (TOTP seeds): AES-256-GCM with a
 * 96-bit random nonce per message and associated data naming the owner, so a sealed value copied to
 * another user's row does not open. Stored as `v1.<base64url(nonce ‖ tag ‖ ciphertext)>`; the prefix
 * leaves room for a later key or algorithm. After a server key rotation a box also opens values sealed
 * under the previous key (`previousKeys`), until the rotation has re-sealed them under the current one.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export interface SecretBox {
  seal(plaintext: Uint8Array, associatedData: string): string;
  /** The plaintext, or null for a value that was not sealed by this key for this associated data. */
  open(sealed: string, associatedData: string): Buffer | null;
}

export function createSecretBox(key: Uint8Array, previousKeys: readonly Uint8Array[] = []): SecretBox {
  const current = createSingleKeyBox(key);
  const previous = previousKeys.map(createSingleKeyBox);
  return {
    seal: current.seal,
    open: (sealed, associatedData) =>
      [current, ...previous].reduce<Buffer | null>(
        (opened, box) => opened ?? box.open(sealed, associatedData),
        null,
      ),
  };
}

function createSingleKeyBox(key: Uint8Array): SecretBox {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256-GCM needs a ${KEY_BYTES}-byte key`);
  return {
    seal(plaintext, associatedData) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const packed = Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]);
      return `${VERSION}.${packed.toString('base64url')}`;
    },
    open(sealed, associatedData) {
      const [version, body] = sealed.split('.');
      if (version !== VERSION || !body) return null;
      const packed = Buffer.from(body, 'base64url');
      if (packed.length <= NONCE_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, NONCE_BYTES));
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(packed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(packed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
      } catch {
        // Wrong key, wrong owner or a tampered value: the tag does not verify.
        return null;
      }
    },
  };
}
