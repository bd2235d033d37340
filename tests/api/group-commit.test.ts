/**
 * Group commit on a real libSQL file in WAL mode, run by the database writer thread
 * (server/db/group-commit.ts, server/db/writer-thread.mjs): concurrent requests' writes share commits,
 * yet each request gets the answer it would have got alone, a bad statement fails only its own
 * request, and no request is answered before its writes are committed.
 */
import { createClient, type Client, type ResultSet } from '@libsql/client';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/client.js';
import { withGroupCommit } from '../../server/db/group-commit.js';
import { startWriter } from '../../server/db/writer.js';
import { scratchDatabases } from '../support/scratch-databases.js';

const scratch = scratchDatabases();

/** A WAL file database with a counter table, its grouped client, and how many group transactions its writer began. */
async function fileDatabase() {
  const dir = scratch.folder('shiftpass-group-commit-');
  const path = join(dir, 'test.db');
  const url = `file:${path}`;
  const raw = createClient({ url });
  scratch.client(raw);
  await raw.execute('PRAGMA journal_mode = WAL');
  await raw.executeMultiple(`
    CREATE TABLE counters (key TEXT PRIMARY KEY, failures INTEGER NOT NULL);
    CREATE TABLE parents (id TEXT PRIMARY KEY);
    CREATE TABLE children (
      id TEXT PRIMARY KEY,
      parent_id TEXT REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED
    );`);
  const writer = startWriter(path, 5000);
  scratch.writer(writer);
  const grouped = withGroupCommit(raw, writer);
  // Another connection of its own: it sees only what has been committed.
  const observer = createClient({ url });
  scratch.client(observer);
  return { grouped, observer, writer, groups: async () => (await writer.counts()).groups };
}

const count = async (client: Client, sql: string, args: (string | number)[] = []) =>
  Number((await client.execute({ sql, args })).rows[0]![0]);

describe('group commit', () => {
  test("concurrent requests' writes all land, sharing commits, each with its own result", async () => {
    const { grouped, observer, groups } = await fileDatabase();
    const inserts = Array.from({ length: 40 }, (_, i) =>
      grouped.execute({
        sql: 'INSERT INTO counters (key, failures) VALUES (?, ?) RETURNING key, failures',
        args: [`k${i}`, i],
      }),
    );
    const results = await Promise.all(inserts);
    expect(results.map((r) => [r.rows[0]!.key, r.rows[0]!.failures])).toEqual(
      Array.from({ length: 40 }, (_, i) => [`k${i}`, i]),
    );
    expect(await count(observer, 'SELECT count(*) FROM counters')).toBe(40);
    // 40 writes queued in one turn: one group, one transaction, one commit.
    expect(await groups()).toBe(1);
  });

  test('conditional writes in one group are evaluated one after another: a limit of 3 lets exactly 3 through', async () => {
    const { grouped, observer } = await fileDatabase();
    await grouped.execute({ sql: 'INSERT INTO counters (key, failures) VALUES (?, 0)', args: ['badge'] });
    const claims = await Promise.all(
      Array.from({ length: 10 }, () =>
        grouped.execute({
          sql: 'UPDATE counters SET failures = failures + 1 WHERE key = ? AND failures < 3 RETURNING failures',
          args: ['badge'],
        }),
      ),
    );
    expect(claims.map((r) => r.rows[0]?.failures ?? null)).toEqual([
      1,
      2,
      3,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(await count(observer, 'SELECT failures FROM counters WHERE key = ?', ['badge'])).toBe(3);
  });

  test('a failing statement fails only its own request; its batch is undone, the others land', async () => {
    const { grouped, observer, groups } = await fileDatabase();
    await grouped.execute({ sql: 'INSERT INTO counters (key, failures) VALUES (?, 0)', args: ['taken'] });
    const before = await groups();
    const answers = await Promise.allSettled([
      grouped.execute({ sql: 'INSERT INTO counters (key, failures) VALUES (?, 1)', args: ['a'] }),
      // A batch whose second statement breaks the primary key: all or nothing, so 'half' is not kept.
      grouped.batch([
        { sql: 'INSERT INTO counters (key, failures) VALUES (?, 2)', args: ['half'] },
        { sql: 'INSERT INTO counters (key, failures) VALUES (?, 2)', args: ['taken'] },
      ]),
      grouped.execute({ sql: 'INSERT INTO counters (key, failures) VALUES (?, 3)', args: ['c'] }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
    const keys = (await observer.execute('SELECT key FROM counters ORDER BY key')).rows.map((r) => r.key);
    expect(keys).toEqual(['a', 'c', 'taken']);
    // The failure stayed inside the group: one transaction for the three requests, none retried.
    expect((await groups()) - before).toBe(1);
  });

  test('a single statement that fails in a group (no savepoint of its own) leaves none of its rows, and the group goes on', async () => {
    const { grouped, observer, groups } = await fileDatabase();
    await grouped.execute({ sql: 'INSERT INTO counters (key, failures) VALUES (?, 0)', args: ['taken'] });
    const before = await groups();
    const answers = await Promise.allSettled([
      grouped.execute({ sql: 'INSERT INTO counters (key, failures) VALUES (?, 1)', args: ['a'] }),
      // Its first row goes in before its second breaks the primary key: SQLite undoes the statement.
      grouped.execute({
        sql: 'INSERT INTO counters (key, failures) VALUES (?, 2), (?, 2)',
        args: ['first-row', 'taken'],
      }),
      grouped.execute({
        sql: 'UPDATE counters SET failures = failures + 10 WHERE key = ? RETURNING failures',
        args: ['a'],
      }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((answers[2] as PromiseFulfilledResult<ResultSet>).value.rows[0]!.failures).toBe(11);
    const keys = (await observer.execute('SELECT key FROM counters ORDER BY key')).rows.map((r) => r.key);
    expect(keys).toEqual(['a', 'taken']);
    expect((await groups()) - before).toBe(1);
  });

  test('a group whose commit fails is run again one request at a time: only the bad request fails', async () => {
    const { grouped, observer } = await fileDatabase();
    await grouped.execute({ sql: 'INSERT INTO parents (id) VALUES (?)', args: ['p1'] });
    // The foreign key is checked at COMMIT (deferred), so the bad child fails the whole group's commit.
    const answers = await Promise.allSettled([
      grouped.execute({ sql: 'INSERT INTO children (id, parent_id) VALUES (?, ?)', args: ['good-1', 'p1'] }),
      grouped.execute({
        sql: 'INSERT INTO children (id, parent_id) VALUES (?, ?)',
        args: ['orphan', 'none'],
      }),
      grouped.execute({ sql: 'INSERT INTO children (id, parent_id) VALUES (?, ?)', args: ['good-2', 'p1'] }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    const ids = (await observer.execute('SELECT id FROM children ORDER BY id')).rows.map((r) => r.id);
    expect(ids).toEqual(['good-1', 'good-2']);
  });

  test('no request is answered before its write is committed (another connection already sees it)', async () => {
    const { grouped, observer } = await fileDatabase();
    const seenWhenAnswered = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        grouped
          .execute({ sql: 'INSERT INTO counters (key, failures) VALUES (?, ?)', args: [`seen${i}`, i] })
          .then(() => count(observer, 'SELECT count(*) FROM counters WHERE key = ?', [`seen${i}`])),
      ),
    );
    expect(seenWhenAnswered).toEqual(Array.from({ length: 12 }, () => 1));
  });

  test('reads are not held back behind queued writes', async () => {
    const { grouped } = await fileDatabase();
    const write = grouped.execute({ sql: 'INSERT INTO counters (key, failures) VALUES (?, 1)', args: ['w'] });
    const read: ResultSet = await grouped.execute('SELECT count(*) AS n FROM counters');
    // The read answered from the last commit, before the queued write's group ran.
    expect(Number(read.rows[0]!.n)).toBe(0);
    await write;
  });
});

describe("the server's database", () => {
  test('every pooled connection syncs fully (synchronous = FULL), so an answered write survives a power cut', async () => {
    const dir = scratch.folder('shiftpass-group-commit-');
    const database = await openDatabase(`file:${join(dir, 'shiftpass.db')}`);
    scratch.client(database.client);
    // Asked at once, each question borrows a connection of its own from the pool.
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => database.client.execute('PRAGMA synchronous')),
    );
    expect(answers.map((a) => Number(a.rows[0]![0]))).toEqual(Array.from({ length: 6 }, () => 2));
    const journal = await database.client.execute('PRAGMA journal_mode');
    expect(journal.rows[0]![0]).toBe('wal');
  });

  test("the writer thread's connection syncs fully, enforces foreign keys and waits for a busy database", async () => {
    const dir = scratch.folder('shiftpass-group-commit-');
    const database = await openDatabase(`file:${join(dir, 'shiftpass.db')}`);
    scratch.client(database.client);
    const pragma = async (name: string) => {
      const result = (await database.writer!.runAlone({
        kind: 'execute',
        statement: { sql: `PRAGMA ${name}`, args: [] },
      })) as ResultSet;
      return result.rows[0]![0];
    };
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(await pragma('journal_mode')).toBe('wal');
  });

  test('a database in memory keeps its writes on the main thread (one connection, nothing to sync)', async () => {
    const database = await openDatabase('file::memory:');
    scratch.client(database.client);
    expect(database.writer).toBeUndefined();
    await database.client.execute("INSERT INTO settings (key, value, updated_at) VALUES ('k', '\"v\"', 0)");
    const row = await database.client.execute("SELECT value FROM settings WHERE key = 'k'");
    expect(row.rows[0]!.value).toBe('"v"');
  });
});
