/**
 * What a backup folder holds (`npm run backup`, `npm run restore`): the database copy, a manifest
 * naming the server key it was made with (its id, never the key), and with `--with-key` the key files
 * under fixed names, so a restore on another machine puts them where its own configuration expects its
 * key (SHIFTPASS_SECRET_KEY_FILE or `$DATA_DIR/server.key`).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../server/config.js';
import { loadServerKey, serverKeyFilesOf, serverKeyId } from '../server/platform/server-key.js';

export const BACKUP_DATABASE_FILE = 'shiftpass.db';
export const BACKUP_MANIFEST_FILE = 'backup.json';

export interface BackupManifest {
  createdAt: string;
  /** serverKeyId of the key the database was made with: what the restore must run with. */
  serverKeyId: string;
}

/** The key and, after a rotation (`server-key:rotate`), the previous key it still accepts. */
export function keyFilesOf(keyFile: string): { path: string; name: string }[] {
  const files = serverKeyFilesOf(keyFile);
  return [
    { path: files.current, name: 'server.key' },
    { path: files.previous, name: 'server.previous.key' },
  ];
}

/** The id of the configured server key, or undefined when its file does not exist (never creates one). */
export function configuredKeyId(secretKey: Config['secretKey']): string | undefined {
  if ('file' in secretKey && !existsSync(secretKey.file)) return undefined;
  const source = 'file' in secretKey ? { file: secretKey.file, createIfMissing: false } : secretKey;
  return serverKeyId(loadServerKey(source).key);
}

/** The id of a key file's key (as `server.key` holds it). */
export const keyIdOfFile = (path: string): string =>
  serverKeyId(loadServerKey({ file: path, createIfMissing: false }).key);

export function readManifest(folder: string): BackupManifest | undefined {
  const path = `${folder}/${BACKUP_MANIFEST_FILE}`;
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<BackupManifest>;
  return typeof parsed.serverKeyId === 'string' && typeof parsed.createdAt === 'string'
    ? { serverKeyId: parsed.serverKeyId, createdAt: parsed.createdAt }
    : undefined;
}
