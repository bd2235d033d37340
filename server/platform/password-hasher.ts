/**
 * argon2id verifiers for PINs and passwords (OWASP: m=19 MiB, t=2, p=1), salted per hash and
 * peppered with the server key. Parameters live in the PHC string, so a later change of
 * parameters can be detected (`needsRehash`) and upgraded at the next successful sign-in.
 * After a server key rotation, verifiers peppered with the previous key carry its id
 * (`<kid>:$argon2id$…`, domain/key-tag.ts): they still verify, with that key's pepper, and need a
 * rehash, so the next successful sign-in stores them under the current pepper.
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { HashTurn } from '../domain/hash-queue.js';
import { splitKeyTag } from '../domain/key-tag.js';

export interface PasswordHasher {
  hash(secret: string): Promise<string>;
  /**
   * `turn` says where the check stands when checks wait (platform/hash-scheduler.ts): the failures
   * already counted against its subject, and the subject, so one badge is never checked twice at once.
   */
  verify(verifier: string, secret: string, turn?: HashTurn): Promise<boolean>;
  needsRehash(verifier: string): boolean;
}

export interface Argon2Parameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Algorithm is a const enum in the binding's types; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** The pepper of the server key before the last rotation, and that key's id. */
export interface PreviousPepper {
  kid: string;
  pepper: Uint8Array;
}

export function createArgon2Hasher(
  pepper: Uint8Array,
  params: Argon2Parameters = OWASP_ARGON2ID,
  previous?: PreviousPepper,
): PasswordHasher {
  const options: Options = { ...params, algorithm: ARGON2ID, secret: pepper };
  const expectedParams = `m=${params.memoryCost},t=${params.timeCost},p=${params.parallelism}`;
  return {
    hash: (secret) => hash(secret, options),
    async verify(stored, secret) {
      const { kid, value } = splitKeyTag(stored);
      // A verifier of a retired key is checked with the current pepper anyway: it fails at the same cost.
      const secretKey = kid !== undefined && kid === previous?.kid ? previous.pepper : pepper;
      try {
        return await verify(value, secret, { secret: secretKey });
      } catch {
        // A verifier that cannot be parsed is corrupt data; it never matches.
        return false;
      }
    },
    needsRehash: (verifier) =>
      !verifier.startsWith('$argon2id$') || !verifier.includes(`$${expectedParams}$`),
  };
}
