/**
 * The server key: 32+ random bytes used as the PIN pepper and for deriving signing keys.
 * From SHIFTPASS_SECRET_KEY, a key file, or generated once into the data directory (mode 0600).
 *
 * A key FILE can be rotated (`npm run server-key:rotate`, server/features/server-key/): the key file
 * then holds the new key and `<name>.previous.key` the one it replaced, with the time of the rotation,
 * until the previous key is retired. While a rotation is being done the new key waits in
 * `<name>.next.key`; a server refuses to start while that file exists (a rotation was interrupted).
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, type Config } from '../config.js';
import { hmacSha256 } from './crypto.js';

const MIN_KEY_BYTES = 32;

/** The key replaced by the last rotation: it still checks what it made until it is retired. */
export interface PreviousServerKey {
  key: Buffer;
  kid: string;
  rotatedAt: Date;
}

export interface ServerKeyRing {
  /** Makes everything new. */
  current: Buffer;
  kid: string;
  previous: PreviousServerKey | undefined;
}

/** Names a key without revealing it: the first 4 bytes of HMAC-SHA256(key, label), hex (domain/key-tag.ts). */
export const serverKeyId = (key: Buffer): string =>
  hmacSha256(key, 'shiftpass server key id').subarray(0, 4).toString('hex');

export const newServerKey = (): Buffer => randomBytes(MIN_KEY_BYTES);

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]+$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length < MIN_KEY_BYTES) {
    throw new ConfigError(`${source} must hold at least ${MIN_KEY_BYTES} bytes (hex or base64)`);
  }
  return key;
}

export function loadServerKey(source: Config['secretKey']): { key: Buffer; created: boolean } {
  if ('inline' in source) return { key: decodeKey(source.inline, 'SHIFTPASS_SECRET_KEY'), created: false };
  let text: string | undefined;
  try {
    text = readFileSync(source.file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`cannot read the server key file ${source.file}: ${(err as Error).message}`);
    }
    if (!source.createIfMissing)
      throw new ConfigError(`SHIFTPASS_SECRET_KEY_FILE ${source.file} does not exist`);
  }
  if (text !== undefined) {
    if ((statSync(source.file).mode & 0o077) !== 0) chmodSync(source.file, 0o600);
    return { key: decodeKey(text, source.file), created: false };
  }
  const key = newServerKey();
  mkdirSync(dirname(source.file), { recursive: true, mode: 0o700 });
  // 'wx' fails if another process created the file first; then use theirs.
  try {
    writeFileSync(source.file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadServerKey(source);
    throw err;
  }
  return { key, created: true };
}

/** The files of a rotatable key: `server.key`, `server.previous.key`, `server.next.key`. */
export interface ServerKeyFiles {
  current: string;
  previous: string;
  next: string;
}

export function serverKeyFilesOf(file: string): ServerKeyFiles {
  const stem = file.endsWith('.key') ? file.slice(0, -'.key'.length) : file;
  return { current: file, previous: `${stem}.previous.key`, next: `${stem}.next.key` };
}

/** The previous key kept by the last rotation, if any. */
export function readPreviousServerKey(files: ServerKeyFiles): PreviousServerKey | undefined {
  const file = files.previous;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read the previous server key ${file}: ${(err as Error).message}`);
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  let parsed: { key?: unknown; rotatedAt?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new ConfigError(`${file} is not a previous server key (JSON with "key" and "rotatedAt")`);
  }
  const rotatedAt = new Date(typeof parsed.rotatedAt === 'string' ? parsed.rotatedAt : NaN);
  if (typeof parsed.key !== 'string' || Number.isNaN(rotatedAt.getTime())) {
    throw new ConfigError(`${file} is not a previous server key (JSON with "key" and "rotatedAt")`);
  }
  const key = decodeKey(parsed.key, file);
  return { key, kid: serverKeyId(key), rotatedAt };
}

/** The current key and, for a key file after a rotation, the previous one. */
export function loadServerKeyRing(source: Config['secretKey']): { ring: ServerKeyRing; created: boolean } {
  if ('file' in source) {
    const files = serverKeyFilesOf(source.file);
    if (existsSync(files.next)) {
      throw new ConfigError(
        `a server key rotation was interrupted (${files.next} exists): run "npm run server-key:rotate" again to finish it`,
      );
    }
    const { key, created } = loadServerKey(source);
    return { ring: { current: key, kid: serverKeyId(key), previous: readPreviousServerKey(files) }, created };
  }
  const { key, created } = loadServerKey(source);
  return { ring: { current: key, kid: serverKeyId(key), previous: undefined }, created };
}

/** Replaces `file` in one step (rename), so a crash leaves the old or the new content, never half. */
function writeFileAtomically(file: string, content: string): void {
  const temporary = `${file}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, content, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, file);
}

/** The new key of an unfinished rotation, if one is waiting. */
export function readNextServerKey(files: ServerKeyFiles): Buffer | undefined {
  try {
    return decodeKey(readFileSync(files.next, 'utf8'), files.next);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Step 1 of a rotation: the new key is kept safe before anything is sealed with it. */
export function writeNextServerKey(files: ServerKeyFiles, key: Buffer): void {
  writeFileAtomically(files.next, key.toString('base64') + '\n');
}

/** Last step of a rotation: the outgoing key becomes the previous key, the next key the current one. */
export function promoteNextServerKey(files: ServerKeyFiles, outgoing: Buffer, rotatedAt: Date): void {
  const previous = JSON.stringify({ key: outgoing.toString('base64'), rotatedAt: rotatedAt.toISOString() });
  writeFileAtomically(files.previous, previous + '\n');
  renameSync(files.next, files.current);
}

export function removePreviousServerKey(files: ServerKeyFiles): void {
  rmSync(files.previous, { force: true });
}
