/**
 * The database writer thread (server/db/writer.ts, server/db/writer-thread.mjs) seen from the code
 * that writes: the same results and errors as @libsql/client gives for the same statements (drizzle
 * and the constraint checks in server/db/errors.ts read them), a crashed writer failing only what it
 * was running, and closing after the queued writes have answered.
 */
import { createClient, type Client, type InStatement, type ResultSet } from '@libsql/client';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isUniqueViolation, isUniqueViolationOn } from '../../server/db/errors.js';
import { withGroupCommit } from '../../server/db/group-commit.js';
import { startWriter, WriterLostError } from '../../server/db/writer.js';
import { scratchDatabases } from '../support/scratch-databases.js';

const scratch = scratchDatabases();

/** The real writer thread, made to die inside a transaction on demand (not worker.terminate(): see the file). */
const DYING_THREAD = resolve('tests/support/writer-thread-that-dies.mjs');

const SCHEMA = `
  CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    data BLOB,
    score REAL,
    flag INTEGER,
    at INTEGER
  );
  CREATE TABLE tags (item_id INTEGER NOT NULL REFERENCES items(id), tag TEXT NOT NULL CHECK (tag <> ''));`;

/** Two files with the same schema: one written through the writer thread, one by @libsql/client itself. */
async function twinDatabases(script?: string) {
  const dir = scratch.folder('shiftpass-writer-');
  const open = async (name: string) => {
    const client = createClient({ url: `file:${join(dir, name)}`, timeout: 5000 });
    scratch.client(client);
    await client.execute('PRAGMA journal_mode = WAL');
    await client.executeMultiple(SCHEMA);
    return client;
  };
  const direct = await open('direct.db');
  const pooled = await open('threaded.db');
  const writer = startWriter(join(dir, 'threaded.db'), 5000, script);
  scratch.writer(writer);
  return {
    direct,
    threaded: withGroupCommit(pooled, writer),
    writer,
    pooled,
    path: join(dir, 'threaded.db'),
  };
}

/** A result as the code reading it sees it: fields, each row's values by index and by column name. */
function seen(result: ResultSet) {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
    rows: result.rows.map((row) => ({ values: Array.from(row), named: { ...row }, length: row.length })),
    json: JSON.parse(JSON.stringify(result)),
  };
}

/** An error as the code handling it sees it. */
function seenError(error: unknown) {
  const e = error as Error & Record<string, unknown>;
  const cause = e.cause as (Error & Record<string, unknown>) | undefined;
  return {
    name: e.name,
    message: e.message,
    code: e.code,
    extendedCode: e.extendedCode,
    rawCode: e.rawCode,
    statementIndex: e.statementIndex,
    cause: cause && { name: cause.name, message: cause.message, code: cause.code, rawCode: cause.rawCode },
    unique: isUniqueViolation(error),
    uniqueOnName: isUniqueViolationOn(error, 'items.name'),
  };
}

const statements: InStatement[] = [
  {
    sql: 'INSERT INTO items (name, data, score, flag, at) VALUES (?, ?, ?, ?, ?)',
    args: ['a', new Uint8Array([1, 2, 3]), 1.5, true, new Date(1700000000000)],
  },
  {
    sql: 'INSERT INTO items (name, data, score, flag, at) VALUES (?, ?, ?, ?, ?) RETURNING *',
    args: ['b', new Uint8Array([9]).buffer, 2, false, 42n],
  },
  {
    sql: 'INSERT INTO items (name, data, score, flag, at) VALUES (:name, NULL, $score, @flag, NULL) RETURNING id, name AS label, score',
    args: { name: 'c', score: -0.25, flag: null },
  },
  { sql: 'UPDATE items SET score = score * 2 WHERE score > ?', args: [1] },
  { sql: 'UPDATE items SET flag = 1 WHERE name = ? RETURNING name, flag, typeof(at) AS atType', args: ['b'] },
  { sql: 'DELETE FROM items WHERE name = ?', args: ['nobody'] },
  { sql: 'INSERT INTO tags (item_id, tag) VALUES (?, ?)', args: [1, 'x'] },
];

describe('the writer thread answers as @libsql/client does', () => {
  test('results of inserts (with and without RETURNING), updates and deletes, for every kind of value', async () => {
    const { direct, threaded } = await twinDatabases();
    for (const statement of statements) {
      const expected = seen(await direct.execute(statement));
      expect(seen(await threaded.execute(statement))).toEqual(expected);
    }
    // The same rows ended up in both files (blobs as ArrayBuffers, booleans as 0/1, Dates as ms).
    const all = 'SELECT * FROM items ORDER BY id';
    expect(seen(await threaded.execute(all))).toEqual(seen(await direct.execute(all)));
  });

  test('a batch: one result per statement', async () => {
    const { direct, threaded } = await twinDatabases();
    const batch = statements.slice(0, 5);
    const expected = (await direct.batch(batch, 'write')).map(seen);
    expect((await threaded.batch(batch, 'write')).map(seen)).toEqual(expected);
  });

  test('constraint errors: same code, extended code, raw code, message and cause, alone and in a group', async () => {
    const { direct, threaded } = await twinDatabases();
    const first = { sql: 'INSERT INTO items (name) VALUES (?)', args: ['taken'] };
    await direct.execute(first);
    await threaded.execute(first);
    const failing: InStatement[] = [
      { sql: 'INSERT INTO items (name) VALUES (?)', args: ['taken'] },
      { sql: 'INSERT INTO items (id, name) VALUES (?, ?)', args: [1, 'other'] },
      { sql: 'INSERT INTO items (name) VALUES (NULL)', args: [] },
      { sql: 'INSERT INTO tags (item_id, tag) VALUES (?, ?)', args: [999, 'x'] },
      { sql: 'INSERT INTO tags (item_id, tag) VALUES (?, ?)', args: [1, ''] },
      { sql: 'INSERT INTO nowhere (x) VALUES (1)', args: [] },
    ];
    const errorOf = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.unreachable('the statement should have failed'),
        (error: unknown) => seenError(error),
      );
    for (const statement of failing) {
      const expected = await errorOf(direct.execute(statement));
      // Alone…
      expect(await errorOf(threaded.execute(statement))).toEqual(expected);
      // …and inside a group, between two writes that succeed.
      const [, inGroup] = await Promise.allSettled([
        threaded.execute({ sql: 'UPDATE items SET score = 1 WHERE name = ?', args: ['taken'] }),
        errorOf(threaded.execute(statement)),
        threaded.execute({ sql: 'UPDATE items SET score = 2 WHERE name = ?', args: ['taken'] }),
      ]);
      expect((inGroup as PromiseFulfilledResult<unknown>).value).toEqual(expected);
    }
    expect(seenError(await direct.execute(failing[0]!).catch((e: unknown) => e)).uniqueOnName).toBe(true);
    // In a batch: LibsqlBatchError naming the failing statement.
    const batch = [{ sql: 'INSERT INTO items (name) VALUES (?)', args: ['fresh'] }, failing[0]!];
    const expected = await errorOf(direct.batch(batch, 'write'));
    expect(expected.statementIndex).toBe(1);
    expect(await errorOf(threaded.batch(batch, 'write'))).toEqual(expected);
  });

  test('arguments @libsql/client refuses are refused the same way, and nothing is written', async () => {
    const { direct, threaded } = await twinDatabases();
    for (const bad of [undefined, Number.NaN, Infinity, 2n ** 64n]) {
      const statement = { sql: 'INSERT INTO items (name, score) VALUES (?, ?)', args: ['bad', bad as never] };
      const expected = await direct.execute(statement).catch((e: Error) => [e.name, e.message]);
      expect(await threaded.execute(statement).catch((e: Error) => [e.name, e.message])).toEqual(expected);
    }
    expect((await threaded.execute('SELECT count(*) AS n FROM items')).rows[0]!.n).toBe(0);
  });
});

test('a result too large for a number fails its own request as @libsql/client does (its write kept), not its group', async () => {
  const { direct, threaded, writer } = await twinDatabases();
  const setUp = {
    sql: 'INSERT INTO items (name, at) VALUES (?, ?), (?, ?)',
    args: ['big', 2n ** 60n, 'small', 1],
  };
  await direct.execute(setUp);
  await threaded.execute(setUp);
  const bump = { sql: 'UPDATE items SET score = 7 WHERE name = ? RETURNING at', args: ['big'] };
  const expected = await direct.execute(bump).then(
    () => [],
    (e: Error) => [e.name, e.message],
  );
  expect(expected[0]).toBe('RangeError');
  const groupsBefore = (await writer.counts()).groups;
  const answers = await Promise.allSettled([
    threaded.execute({ sql: 'UPDATE items SET flag = 1 WHERE name = ?', args: ['small'] }),
    threaded.execute(bump),
    threaded.execute({ sql: 'UPDATE items SET flag = 2 WHERE name = ? RETURNING flag', args: ['small'] }),
  ]);
  expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  const reason = (answers[1] as PromiseRejectedResult).reason as Error;
  expect([reason.name, reason.message]).toEqual(expected);
  // The group was rolled back and its jobs run again one by one: the same outcome as alone.
  expect((await writer.counts()).groups - groupsBefore).toBe(1);
  const rows = async (client: Client) =>
    (await client.execute('SELECT name, score, flag FROM items ORDER BY id')).rows.map((r) => ({ ...r }));
  expect(await rows(threaded)).toEqual([
    { name: 'big', score: 7, flag: null },
    { name: 'small', score: null, flag: 2 },
  ]);
  expect((await rows(direct))[0]).toEqual({ name: 'big', score: 7, flag: null });
});

test('a kept statement follows a schema change made by another connection', async () => {
  const { direct, threaded, pooled } = await twinDatabases();
  const insert = { sql: 'INSERT INTO items (name) VALUES (?) RETURNING *', args: ['one'] };
  expect(seen(await threaded.execute(insert))).toEqual(seen(await direct.execute(insert)));
  for (const client of [direct, pooled]) await client.execute('ALTER TABLE items ADD COLUMN extra TEXT');
  const again = { sql: 'INSERT INTO items (name) VALUES (?) RETURNING *', args: ['two'] };
  const expected = seen(await direct.execute(again));
  expect(expected.columns).toContain('extra');
  expect(seen(await threaded.execute(again))).toEqual(expected);
});

describe('a writer thread that dies', () => {
  test('fails what it was running, leaves nothing of it, and the next write starts a new writer', async () => {
    const { threaded, pooled, path } = await twinDatabases(DYING_THREAD);
    await threaded.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['before'] });
    // Another connection holds the write lock, so the writer's group waits in BEGIN IMMEDIATE…
    const holder = await pooled.transaction('write');
    writeFileSync(`${path}.die-in-next-group`, '');
    const inFlight = Promise.allSettled(
      ['x', 'y', 'z'].map((name) =>
        threaded.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: [name] }),
      ),
    );
    // …and when it gets the lock it writes 'x' and dies, inside its transaction.
    await holder.rollback();
    const answers = await inFlight;
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const answer of answers)
      expect((answer as PromiseRejectedResult).reason).toBeInstanceOf(WriterLostError);
    // A new thread takes the next write on the same file at once: the dead one's transaction did not
    // outlive it.
    const started = Date.now();
    const after = await threaded.execute({
      sql: 'INSERT INTO items (name) VALUES (?) RETURNING name',
      args: ['after'],
    });
    expect(after.rows[0]!.name).toBe('after');
    expect(Date.now() - started).toBeLessThan(2000);
    const names = (await threaded.execute('SELECT name FROM items ORDER BY id')).rows.map((r) => r.name);
    expect(names).toEqual(['before', 'after']);
  });

  test('closing answers every queued write first, then refuses new ones', async () => {
    const { threaded } = await twinDatabases();
    const queued = ['p', 'q'].map((name) =>
      threaded.execute({ sql: 'INSERT INTO items (name) VALUES (?) RETURNING name', args: [name] }),
    );
    threaded.close();
    expect((await Promise.all(queued)).map((r) => r.rows[0]!.name)).toEqual(['p', 'q']);
    await expect(
      threaded.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['late'] }),
    ).rejects.toThrow(/client is closed/);
  });
});
