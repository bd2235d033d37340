/**
 * Temporary database folders, clients and writer threads for the database layer's tests, closed and
 * removed after each test (registered with vitest's afterEach by `scratchDatabases()`).
 */
import type { Client } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { DatabaseWriter } from '../../server/db/writer.js';

export function scratchDatabases() {
  const dirs: string[] = [];
  const clients: Client[] = [];
  const writers: DatabaseWriter[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
    for (const writer of writers.splice(0)) writer.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** A new empty folder under the system's temporary folder. */
    folder(prefix: string): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    /** `client`, closed after the test. */
    client<C extends Client>(client: C): C {
      clients.push(client);
      return client;
    },
    /** `writer`, closed after the test. */
    writer(writer: DatabaseWriter): DatabaseWriter {
      writers.push(writer);
      return writer;
    },
  };
}
