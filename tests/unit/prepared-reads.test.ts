/**
 * db/prepared-reads.ts: a statement kept prepared reads the database as it is at each run (rows
 * committed after it was prepared, by another connection, included), cannot write, and answers the
 * same on a local file (its own connection) as through the client (a libSQL server URL).
 */
import { createClient, type Client } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openPreparedReads, type PreparedReads } from '../../server/db/prepared-reads.js';

let dir: string;
let client: Client;
let reads: PreparedReads | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiftpass-reads-'));
  client = createClient({ url: `file:${join(dir, 'db.sqlite')}` });
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, note TEXT)');
  await client.execute("INSERT INTO t VALUES ('a', 1, NULL)");
});
afterEach(() => {
  reads?.close();
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

const SQL = 'SELECT id, n, note, (SELECT count(*) FROM t) FROM t WHERE id = ?';

test('a kept statement sees what the client commits after it was prepared', async () => {
  reads = openPreparedReads(`file:${join(dir, 'db.sqlite')}`, client);
  const byId = reads.prepare(SQL);
  expect(await byId(['a'])).toEqual(['a', 1, null, 1]);
  expect(await byId(['b'])).toBeUndefined();
  await client.execute("INSERT INTO t VALUES ('b', 2, 'two')");
  await client.execute("UPDATE t SET n = 10 WHERE id = 'a'");
  expect(await byId(['a'])).toEqual(['a', 10, null, 2]);
  expect(await byId(['b'])).toEqual(['b', 2, 'two', 2]);
});

test('its connection cannot write', async () => {
  reads = openPreparedReads(`file:${join(dir, 'db.sqlite')}`, client);
  const insert = reads.prepare("INSERT INTO t VALUES ('c', 3, NULL) RETURNING id");
  expect(() => insert([])).toThrow(/readonly/);
  expect((await client.execute("SELECT count(*) AS n FROM t WHERE id = 'c'")).rows[0]!.n).toBe(0);
});

test('without a local file it answers the same through the client', async () => {
  const local = openPreparedReads(`file:${join(dir, 'db.sqlite')}`, client);
  // Any URL that is not a local file (a libSQL server's) goes through the client it is given.
  reads = openPreparedReads('libsql://db.example.com', client);
  await client.execute("INSERT INTO t VALUES ('b', 2, 'two')");
  for (const id of ['a', 'b', 'z']) {
    expect(await reads.prepare(SQL)([id])).toEqual(await local.prepare(SQL)([id]));
  }
  local.close();
});

test('a kept list statement answers every row as committed at each run, the same through the client', async () => {
  reads = openPreparedReads(`file:${join(dir, 'db.sqlite')}`, client);
  const through = openPreparedReads('libsql://db.example.com', client);
  const LIST = 'SELECT id, n FROM t WHERE n >= ? ORDER BY id';
  const list = reads.prepareAll(LIST);
  expect(await list([0])).toEqual([['a', 1]]);
  await client.execute("INSERT INTO t VALUES ('b', 2, 'two')");
  expect(await list([0])).toEqual([
    ['a', 1],
    ['b', 2],
  ]);
  expect(await list([5])).toEqual([]);
  for (const min of [0, 2, 5]) expect(await through.prepareAll(LIST)([min])).toEqual(await list([min]));
});
