/**
 * `npm run backup [-- <folder>] [--without-key]`: a consistent copy of the embedded database, taken
 * while the server runs, into a new folder (default `$DATA_DIR/backups/shiftpass-<UTC time>`, mode
 * 0700) with the server key beside it (0600): without the key no PIN can be checked and no sealed
 * secret opened, so the folder is as sensitive as the key. `--without-key` leaves the key out, for
 * keeping the two apart. Uses the same environment as `npm start` (DATA_DIR, DATABASE_URL,
 * SHIFTPASS_SECRET_KEY[_FILE]). README "Backup and restore".
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError, parseConfig } from '../server/config.js';
import { backUpDatabase, checkBackupFile, databaseFileOf } from '../server/db/backup.js';
import { DEFAULT_MIGRATIONS_DIR } from '../server/db/client.js';
import { BACKUP_DATABASE_FILE, keyFilesOf } from './backup-layout.js';

function fail(message: string): never {
  console.error(`shiftpass backup: ${message}`);
  process.exit(1);
}

try {
  const args = process.argv.slice(2);
  const withoutKey = args.includes('--without-key');
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

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const folder = resolve(folderArg ?? join(config.dataDir, 'backups', `shiftpass-${stamp}`));
  if (existsSync(folder)) fail(`${folder} already exists: name a new folder`);
  mkdirSync(dirname(folder), { recursive: true, mode: 0o700 });
  mkdirSync(folder, { mode: 0o700 });

  const copy = join(folder, BACKUP_DATABASE_FILE);
  await backUpDatabase(databasePath, copy);
  const check = await checkBackupFile(copy, process.env.MIGRATIONS_DIR ?? DEFAULT_MIGRATIONS_DIR);
  if (!check.ok)
    fail(`the copy in ${folder} failed its check (${check.reason}); the database was not changed`);

  const lines = [`Backup: ${folder}`, `  database: ${BACKUP_DATABASE_FILE} (${statSync(copy).size} bytes)`];
  if (withoutKey) {
    lines.push('  server key: left out (--without-key). Restoring needs the key this server runs with now.');
  } else if ('inline' in config.secretKey) {
    lines.push(
      '  server key: not copied, it comes from SHIFTPASS_SECRET_KEY. Keep that value with the backup:',
      '  without it no PIN in this backup can be checked.',
    );
  } else {
    for (const { path, name } of keyFilesOf(config.secretKey.file)) {
      if (!existsSync(path)) continue;
      writeFileSync(join(folder, name), readFileSync(path), { mode: 0o600, flag: 'wx' });
      lines.push(`  server key: ${name} (from ${basename(path)})`);
    }
    lines.push('  This folder holds the server key: keep it as safe as the key itself.');
  }
  for (const line of lines) console.log(line);
} catch (error) {
  if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
  throw error;
}
