/**
 * Online backup and offline restore of the embedded database (`npm run backup`, `npm run restore`;
 * README "Backup and restore").
 *
 * Backup is SQLite's `VACUUM INTO` on a connection beside the running server: one read transaction,
 * so the copy is the database as of one instant (WAL lets the server keep writing meanwhile), written
 * compact into a new file created 0600, then flushed to disk.
 *
 * Restore puts a checked copy in place of the database while no process has it open: switching the
 * journal mode out of WAL needs the database to itself, so it fails (SQLITE_BUSY) while a server —
 * even an idle one — holds it, and on success folds any write-ahead log into the file. The previous
 * file is then renamed aside, never deleted, and the copy renamed in (atomic on one file system).
 */
import { createClient } from '@libsql/client';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SQLITE_HEADER = 'SQLite format 3\0';
/** How long a check waits for a lock before calling the database busy. */
const LOCK_WAIT_MS = 1000;

/** The file of an embedded database URL (`file:…`); undefined for a libSQL server or `:memory:`. */
export function databaseFileOf(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  return path && path !== ':memory:' ? resolve(path) : undefined;
}

function flushToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a consistent copy of the database at `databasePath` to `targetPath`, which must not exist. */
export async function backUpDatabase(databasePath: string, targetPath: string): Promise<void> {
  // VACUUM INTO fills an empty file; creating it first gives it its mode (0600) from the start.
  closeSync(openSync(targetPath, 'wx', 0o600));
  const client = createClient({ url: `file:${databasePath}`, timeout: 5000 });
  try {
    await client.execute({ sql: 'VACUUM INTO ?', args: [targetPath] });
  } finally {
    client.close();
  }
  flushToDisk(targetPath);
}

export type BackupCheck =
  | { ok: true; migrations: number }
  | { ok: false; reason: 'not_sqlite' | 'damaged' | 'not_shiftpass' | 'newer_version' };

/**
 * Whether a file is a sound Shiftpass database this version can run: SQLite, `PRAGMA integrity_check`
 * ok, the people table and drizzle's migrations table present, and no migration newer than this
 * version's (its own migrations run at the next start).
 */
export async function checkBackupFile(path: string, migrationsDir: string): Promise<BackupCheck> {
  let header: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(SQLITE_HEADER.length);
      header = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    return { ok: false, reason: 'not_sqlite' };
  }
  if (header !== SQLITE_HEADER) return { ok: false, reason: 'not_sqlite' };
  const client = createClient({ url: `file:${path}`, timeout: LOCK_WAIT_MS });
  try {
    const integrity = await client.execute('PRAGMA integrity_check');
    if (integrity.rows.length !== 1 || integrity.rows[0]?.[0] !== 'ok')
      return { ok: false, reason: 'damaged' };
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('__drizzle_migrations', 'users')",
    );
    if (tables.rows.length !== 2) return { ok: false, reason: 'not_shiftpass' };
    const applied = await client.execute('SELECT count(*), max(created_at) FROM __drizzle_migrations');
    const count = Number(applied.rows[0]?.[0] ?? 0);
    const newest = Number(applied.rows[0]?.[1] ?? 0);
    if (newest > newestKnownMigration(migrationsDir)) return { ok: false, reason: 'newer_version' };
    return { ok: true, migrations: count };
  } catch {
    return { ok: false, reason: 'damaged' };
  } finally {
    client.close();
  }
}

/** The `when` of the last migration this version ships (drizzle records it as `created_at`). */
function newestKnownMigration(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/**
 * Folds the write-ahead log into the database file and leaves it in rollback-journal mode, so the
 * file alone is the whole database. Throws DatabaseInUseError while any other process has it open.
 */
async function takeOffline(databasePath: string): Promise<void> {
  const client = createClient({ url: `file:${databasePath}`, timeout: LOCK_WAIT_MS });
  try {
    const result = await client.execute('PRAGMA journal_mode = DELETE');
    if (String(result.rows[0]?.[0]).toLowerCase() !== 'delete') throw new DatabaseInUseError(databasePath);
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new DatabaseInUseError(databasePath);
    }
    throw error;
  } finally {
    client.close();
  }
}

/**
 * Replaces the database with a checked backup file (checkBackupFile first). Returns where the previous
 * database was kept, if there was one. Throws DatabaseInUseError while a server has it open.
 */
export async function restoreDatabase(
  databasePath: string,
  backupPath: string,
  now: Date,
): Promise<{ previous: string | undefined }> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const hadDatabase = existsSync(databasePath);
  if (hadDatabase) await takeOffline(databasePath);
  const incoming = `${databasePath}.restoring`;
  copyFileSync(backupPath, incoming);
  chmodSync(incoming, 0o600);
  flushToDisk(incoming);
  let previous: string | undefined;
  if (hadDatabase) {
    previous = `${databasePath}.before-restore-${stamp}`;
    renameSync(databasePath, previous);
  }
  // Journal files of a database that is not there any more would be replayed into the new one.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(databasePath + suffix))
      renameSync(databasePath + suffix, `${previous ?? databasePath}${suffix}.aside-${stamp}`);
  }
  renameSync(incoming, databasePath);
  flushToDisk(dirname(databasePath));
  return { previous };
}
