/**
 * `npm run backup [-- <folder>] [--with-key]`: a consistent copy of the embedded database, taken
 * while the server runs, into a new folder (default `$DATA_DIR/backups/shiftpass-<UTC time>`, mode
 * 0700, files 0600) with a manifest naming the server key it needs by its id.
 *
 * The server key is left out unless `--with-key`: the database alone holds only peppered PIN verifiers
 * and sealed secrets, so a stolen backup is of little use without the key, which changes only on a
 * rotation and is kept apart. With `--with-key` the folder is as sensitive as the key. Uses the same
 * environment as `npm start` (DATA_DIR, DATABASE_URL, SHIFTPASS_SECRET_KEY[_FILE]). README
 * "Backup and restore".
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError, parseConfig } from '../server/config.js';
import { backUpDatabase, checkBackupFile, databaseFileOf } from '../server/db/backup.js';
import { DEFAULT_MIGRATIONS_DIR } from '../server/db/client.js';
import {
  BACKUP_DATABASE_FILE,
  BACKUP_MANIFEST_FILE,
  configuredKeyId,
  keyFilesOf,
  type BackupManifest,
} from './backup-layout.js';

function fail(message: string): never {
  console.error(`shiftpass backup: ${message}`);
  process.exit(1);
}

try {
  const args = process.argv.slice(2);
  const withKey = args.includes('--with-key');
  const folderArg = args.find((arg) => !arg.startsWith('--'));
  const config = parseConfig(process.env);
  const databasePath = databaseFileOf(config.databaseUrl);
  if (!databasePath) {
    fail(
      'DATABASE_URL is a libSQL server: back it up with the server’s own tools (sqld or Turso); ' +
        'this command copies the embedded database (file:…).',
    );
  }
  if (!existsSync(databasePath)) fail(`there is no database at ${databasePath} yet`);
  const keyId = configuredKeyId(config.secretKey);
  if (!keyId) fail('the server key file does not exist: a database without its key cannot be used');

  const createdAt = new Date();
  const stamp = createdAt.toISOString().replace(/[:.]/g, '-');
  const folder = resolve(folderArg ?? join(config.dataDir, 'backups', `shiftpass-${stamp}`));
  if (existsSync(folder)) fail(`${folder} already exists: name a new folder`);
  mkdirSync(dirname(folder), { recursive: true, mode: 0o700 });
  mkdirSync(folder, { mode: 0o700 });

  const copy = join(folder, BACKUP_DATABASE_FILE);
  await backUpDatabase(databasePath, copy);
  const check = await checkBackupFile(copy, process.env.MIGRATIONS_DIR ?? DEFAULT_MIGRATIONS_DIR);
  if (!check.ok)
    fail(`the copy in ${folder} failed its check (${check.reason}); the database was not changed`);
  const manifest: BackupManifest = { createdAt: createdAt.toISOString(), serverKeyId: keyId };
  writeFileSync(join(folder, BACKUP_MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', {
    mode: 0o600,
    flag: 'wx',
  });

  const lines = [`Backup: ${folder}`, `  database: ${BACKUP_DATABASE_FILE} (${statSync(copy).size} bytes)`];
  if (withKey && 'file' in config.secretKey) {
    for (const { path, name } of keyFilesOf(config.secretKey.file)) {
      if (!existsSync(path)) continue;
      writeFileSync(join(folder, name), readFileSync(path), { mode: 0o600, flag: 'wx' });
      lines.push(`  server key: ${name} (from ${basename(path)})`);
    }
    lines.push('  This folder holds the server key: keep it as safe as the key itself.');
  } else {
    const where = 'file' in config.secretKey ? config.secretKey.file : 'SHIFTPASS_SECRET_KEY';
    lines.push(
      `  server key: not included. Restoring needs the key with id ${keyId} (${where}):`,
      '  keep a copy of it apart from the backups.' +
        ('file' in config.secretKey ? ' (--with-key puts it in the folder.)' : ''),
    );
  }
  for (const line of lines) console.log(line);
} catch (error) {
  if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
  throw error;
}
