/** Opens the database (embedded file or libSQL server), tunes file databases and applies migrations. */
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { withGroupCommit } from './group-commit.js';
import { startWriter, type DatabaseWriter } from './writer.js';
import * as schema from './schema.js';

export type Db = LibSQLDatabase<typeof schema>;

const BUSY_TIMEOUT_MS = 5000;

export interface OpenDatabase {
  db: Db;
  client: Client;
  /** The thread that runs a file database's writes (db/writer.ts); absent for other databases. */
  writer?: DatabaseWriter;
  close(): void;
}

/**
 * Migrations ship as SQL files in the repository, not inside build/: the server runs from the
 * project folder (npm start / npm run start:api do), or MIGRATIONS_DIR points at them.
 */
export const DEFAULT_MIGRATIONS_DIR = resolve(process.cwd(), 'server/db/migrations');

/** SQLite's companions of a database file: they hold recent writes (WAL) and the shared-memory index. */
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

/**
 * The database holds PIN verifiers, token hashes and sealed secrets: readable by the service user only.
 * Its folder is made 0700 when it is new; the file is made 0600 before SQLite opens it (SQLite would
 * create it 0644, and gives its -wal and -shm files the database file's mode), and files left wider
 * by an older version are narrowed, as the server key is.
 */
function keepPrivate(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, ...COMPANION_SUFFIXES.map((suffix) => path + suffix)]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

export async function openDatabase(
  url: string,
  options: { authToken?: string; migrationsDir?: string } = {},
): Promise<OpenDatabase> {
  const { authToken, migrationsDir = DEFAULT_MIGRATIONS_DIR } = options;
  const path = url.startsWith('file:') ? (url.slice('file:'.length).split('?')[0] ?? '') : null;
  const embeddedFile = path !== null && path !== '' && path !== ':memory:';
  if (embeddedFile) keepPrivate(resolve(path));
  // `timeout` is SQLite's busy timeout on every pooled connection: another process holding the write
  // lock is waited for, not failed. libSQL connections enforce foreign keys and sync fully by default
  // (synchronous = FULL on every connection the pool opens: an answered write survives a power cut).
  const opened = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  if (url.startsWith('file:')) {
    // WAL (persistent in the file) lets readers run beside the writer.
    await opened.execute('PRAGMA journal_mode = WAL');
  }
  // On a file, each commit's sync would block the event loop: writes run on a thread of their own,
  // concurrent requests' writes sharing commits (db/group-commit.ts), on a connection with the same
  // busy timeout (and libSQL's same defaults). A database in memory has a single connection and
  // nothing to sync: it stays on the main thread.
  const writer = embeddedFile ? startWriter(resolve(path), BUSY_TIMEOUT_MS) : undefined;
  const client = writer ? withGroupCommit(opened, writer) : opened;
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: migrationsDir });
  return { db, client, writer, close: () => client.close() };
}
