/**
 * `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back, with the server
 * stopped. Refuses while a server has the database open, refuses a file that is not a sound
 * Shiftpass database of this version or older, and refuses when the server key here (or the one in
 * the folder, from `--with-key`) is not the one the backup's manifest names. The database (and the
 * key files, when the backup holds them and they differ) are replaced by renaming; what they replace is kept beside them
 * as `….before-restore-<UTC time>`, never deleted. Migrations bring an older backup up to date at the
 * next start. Uses the same environment as `npm start`. README "Backup and restore".
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, parseConfig } from '../server/config.js';
import { checkBackupFile, databaseFileOf, DatabaseInUseError, restoreDatabase } from '../server/db/backup.js';
import { DEFAULT_MIGRATIONS_DIR } from '../server/db/client.js';
import {
  BACKUP_DATABASE_FILE,
  configuredKeyId,
  keyFilesOf,
  keyIdOfFile,
  readManifest,
} from './backup-layout.js';

const REFUSALS = {
  not_sqlite: 'is not a database',
  damaged: 'is damaged (its integrity check failed)',
  not_shiftpass: 'is not a Shiftpass database',
  newer_version: 'was made by a newer version of Shiftpass: upgrade first',
} as const;

function fail(message: string): never {
  console.error(`shiftpass restore: ${message}`);
  process.exit(1);
}

/** Puts the backup's key files in place; the ones they replace are renamed aside. */
function restoreKeyFiles(folder: string, keyFile: string, stamp: string): string[] {
  const lines: string[] = [];
  for (const { path, name } of keyFilesOf(keyFile)) {
    const saved = join(folder, name);
    const current = existsSync(path) ? readFileSync(path) : undefined;
    if (!existsSync(saved)) {
      // A key the backup's installation did not have (a previous key from a later rotation) goes aside.
      if (current && name !== 'server.key') {
        renameSync(path, `${path}.before-restore-${stamp}`);
        lines.push(`  ${path} kept aside: the backup has no ${name}`);
      }
      continue;
    }
    const incoming = readFileSync(saved);
    if (current?.equals(incoming)) continue;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (current) {
      renameSync(path, `${path}.before-restore-${stamp}`);
      lines.push(`  ${path}: the key before the restore is kept as ${path}.before-restore-${stamp}`);
    }
    writeFileSync(`${path}.restoring`, incoming, { mode: 0o600, flag: 'w' });
    renameSync(`${path}.restoring`, path);
    lines.push(`  ${path}: restored from the backup`);
  }
  return lines;
}

try {
  const source = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!source) fail('name the backup folder: npm run restore -- <folder>');
  const config = parseConfig(process.env);
  const databasePath = databaseFileOf(config.databaseUrl);
  if (!databasePath) {
    fail('DATABASE_URL is a libSQL server: restore it with the server’s own tools (sqld or Turso).');
  }
  const folder = resolve(source);
  const isFolder = existsSync(folder) && statSync(folder).isDirectory();
  const backupFile = isFolder ? join(folder, BACKUP_DATABASE_FILE) : folder;
  if (!existsSync(backupFile)) fail(`there is no backup at ${backupFile}`);

  const check = await checkBackupFile(backupFile, process.env.MIGRATIONS_DIR ?? DEFAULT_MIGRATIONS_DIR);
  if (!check.ok) fail(`${backupFile} ${REFUSALS[check.reason]}; nothing was changed`);

  // The database is only usable with the key it was made with: check before changing anything.
  const manifest = isFolder ? readManifest(folder) : undefined;
  const folderKey =
    isFolder && existsSync(join(folder, 'server.key')) ? join(folder, 'server.key') : undefined;
  const keyHere =
    'file' in config.secretKey && folderKey ? keyIdOfFile(folderKey) : configuredKeyId(config.secretKey);
  if (manifest && keyHere !== manifest.serverKeyId) {
    const where = 'file' in config.secretKey ? config.secretKey.file : 'SHIFTPASS_SECRET_KEY';
    fail(
      `this backup was made with the server key ${manifest.serverKeyId}, ` +
        (keyHere
          ? `but the key here (${where}) is ${keyHere}`
          : `but there is no server key here (${where})`) +
        ': put that key in place first; nothing was changed',
    );
  }

  const now = new Date();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let previous: string | undefined;
  try {
    ({ previous } = await restoreDatabase(databasePath, backupFile, now));
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      fail(`the database ${databasePath} is in use: stop the server first; nothing was changed`);
    }
    throw error;
  }
  const lines = [`Restored ${databasePath} from ${backupFile}`];
  if (previous) lines.push(`  the database before the restore is kept as ${previous}`);
  if ('file' in config.secretKey && folderKey) {
    lines.push(...restoreKeyFiles(folder, config.secretKey.file, stamp));
  } else if (!manifest) {
    lines.push(
      '  no manifest names the key this database needs: run the server with the key it was made with',
    );
  }
  lines.push('Start the server: its migrations bring the restored database up to date.');
  for (const line of lines) console.log(line);
} catch (error) {
  if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
  throw error;
}
