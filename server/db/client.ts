/** Opens the database (embedded file or libSQL server), tunes file databases and applies migrations. */
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema.js';

export type Db = LibSQLDatabase<typeof schema>;

export interface OpenDatabase {
  db: Db;
  client: Client;
  close(): void;
}

/**
 * Migrations ship as SQL files in the repository, not inside build/: the server runs from the
 * project folder (npm start / npm run start:api do), or MIGRATIONS_DIR points at them.
 */
export const DEFAULT_MIGRATIONS_DIR = resolve(process.cwd(), 'server/db/migrations');

export async function openDatabase(
  url: string,
  options: { authToken?: string; migrationsDir?: string } = {},
): Promise<OpenDatabase> {
  const { authToken, migrationsDir = DEFAULT_MIGRATIONS_DIR } = options;
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0] ?? '';
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient({ url, authToken });
  if (url.startsWith('file:') || url === ':memory:') {
    // WAL lets readers run beside the writer; NORMAL sync is durable across process crashes in WAL mode.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    await client.execute('PRAGMA foreign_keys = ON');
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: migrationsDir });
  return { db, client, close: () => client.close() };
}
