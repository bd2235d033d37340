/**
 * The server key: 32+ random bytes used as the PIN pepper and for deriving signing keys.
 * From SHIFTPASS_SECRET_KEY, a key file, or generated once into the data directory (mode 0600).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, type Config } from '../config.js';

const MIN_KEY_BYTES = 32;

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
  const key = randomBytes(MIN_KEY_BYTES);
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
