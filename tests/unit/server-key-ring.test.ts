/**
 * What a server key rotation relies on, without a database: values tagged with the key that made them,
 * verifiers checked with that key's pepper, secret boxes and attestations that accept the previous key
 * and only it, and the key files (previous kept beside the current one, owner-only).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { splitKeyTag, tagWithKeyId } from '../../server/domain/key-tag.js';
import { createAttestationSigner } from '../../server/platform/device-tokens.js';
import { createArgon2Hasher } from '../../server/platform/password-hasher.js';
import { createSecretBox } from '../../server/platform/secret-box.js';
import {
  loadServerKeyRing,
  promoteNextServerKey,
  serverKeyFilesOf,
  serverKeyId,
  writeNextServerKey,
} from '../../server/platform/server-key.js';

const OLD = Buffer.alloc(32, 1);
const NEW = Buffer.alloc(32, 2);
const STRANGER = Buffer.alloc(32, 3);
// Small argon2 parameters: these tests are about which pepper is used, not about cost.
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('key tags', () => {
  test('a tagged value names its key; an untagged one (the current key) and a PHC string are left whole', () => {
    const kid = serverKeyId(OLD);
    expect(kid).toMatch(/^[0-9a-f]{8}$/);
    expect(splitKeyTag(tagWithKeyId(kid, '$argon2id$v=19$x'))).toEqual({ kid, value: '$argon2id$v=19$x' });
    expect(splitKeyTag('$argon2id$v=19$x')).toEqual({ kid: undefined, value: '$argon2id$v=19$x' });
    expect(splitKeyTag('not-a-kid:abc')).toEqual({ kid: undefined, value: 'not-a-kid:abc' });
  });
});

describe('PIN verifiers across a rotation', () => {
  const oldHasher = createArgon2Hasher(OLD, FAST);
  const pepperOfOld = { kid: serverKeyId(OLD), pepper: OLD };
  const rotated = createArgon2Hasher(NEW, FAST, pepperOfOld);

  test('a verifier tagged with the previous key verifies with its pepper and needs a rehash', async () => {
    const tagged = tagWithKeyId(serverKeyId(OLD), await oldHasher.hash('482913'));
    expect(await rotated.verify(tagged, '482913')).toBe(true);
    expect(await rotated.verify(tagged, '482914')).toBe(false);
    expect(rotated.needsRehash(tagged)).toBe(true);
    const rehashed = await rotated.hash('482913');
    expect(rotated.needsRehash(rehashed)).toBe(false);
    expect(await createArgon2Hasher(NEW, FAST).verify(rehashed, '482913')).toBe(true);
  });

  test('an untagged verifier is checked with the current pepper only, and a retired key’s tag verifies nothing', async () => {
    const untaggedOld = await oldHasher.hash('482913');
    expect(await rotated.verify(untaggedOld, '482913')).toBe(false);
    const retired = tagWithKeyId(
      serverKeyId(STRANGER),
      await createArgon2Hasher(STRANGER, FAST).hash('482913'),
    );
    expect(await rotated.verify(retired, '482913')).toBe(false);
  });
});

describe('secret boxes and attestations across a rotation', () => {
  test('a box opens values sealed under the previous key, seals under the current one, and refuses a stranger’s', () => {
    const oldSealed = createSecretBox(OLD).seal(Buffer.from('seed'), 'totp:u1');
    const box = createSecretBox(NEW, [OLD]);
    expect(box.open(oldSealed, 'totp:u1')?.toString()).toBe('seed');
    expect(
      createSecretBox(NEW)
        .open(box.seal(Buffer.from('seed'), 'totp:u1'), 'totp:u1')
        ?.toString(),
    ).toBe('seed');
    expect(box.open(createSecretBox(STRANGER).seal(Buffer.from('seed'), 'totp:u1'), 'totp:u1')).toBeNull();
  });

  test('an attestation of the previous key verifies by its kid; new ones carry the new kid; a stranger’s does not', async () => {
    const now = new Date('2026-06-01T08:00:00Z');
    const iat = Math.floor(now.getTime() / 1000);
    const claims = { iss: 'SPTEST', sub: 'device-1', iat, exp: iat + 3600 };
    const before = await createAttestationSigner(OLD);
    const after = await createAttestationSigner(NEW, OLD);
    expect(after.verifyingKids).toEqual([after.kid, before.kid]);
    const old = await before.sign('shiftpass-attestation+jwt', claims);
    expect((await after.verify(old, { issuer: 'SPTEST', now })).ok).toBe(true);
    const stranger = await (
      await createAttestationSigner(STRANGER)
    ).sign('shiftpass-attestation+jwt', claims);
    expect(await after.verify(stranger, { issuer: 'SPTEST', now })).toEqual({
      ok: false,
      problem: 'signature',
    });
    expect((await createAttestationSigner(NEW)).verifyingKids).toEqual([after.kid]);
  });
});

describe('key files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiftpass-key-ring-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const source = { file: join(dir, 'server.key'), createIfMissing: true };

  test('after a rotation the ring holds the new key and the old one with its date, both files owner-only', () => {
    const { ring: first } = loadServerKeyRing(source);
    expect(first.previous).toBeUndefined();
    const files = serverKeyFilesOf(source.file);
    writeNextServerKey(files, NEW);
    expect(() => loadServerKeyRing(source)).toThrow(/rotation was interrupted/);
    const at = new Date('2026-06-01T08:00:00Z');
    promoteNextServerKey(files, first.current, at);
    const { ring } = loadServerKeyRing(source);
    expect(ring.current.equals(NEW)).toBe(true);
    expect(ring.previous).toEqual({ key: first.current, kid: serverKeyId(first.current), rotatedAt: at });
    for (const file of [files.current, files.previous]) expect(statSync(file).mode & 0o077).toBe(0);
  });

  test('a previous key file that is not one is a configuration error, not a silent loss of the overlap', () => {
    const files = serverKeyFilesOf(join(dir, 'broken.key'));
    writeFileSync(files.current, NEW.toString('base64'), { mode: 0o600 });
    writeFileSync(files.previous, 'garbage', { mode: 0o600 });
    expect(() => loadServerKeyRing({ file: files.current, createIfMissing: false })).toThrow(
      /previous server key/,
    );
  });
});
