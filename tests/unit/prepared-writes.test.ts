/**
 * db/prepared-writes.ts: a write built once stores exactly what drizzle's own query would (values
 * encoded by their columns, left-out columns given their defaults), its conditions compare encoded
 * values, bound writes run together are all or nothing, and a value left out is refused by name
 * rather than written as NULL.
 */
import { createClient, type Client } from '@libsql/client';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Db } from '../../server/db/client.js';
import {
  firstRow,
  prepareInsert,
  prepareWrite,
  runWrite,
  runWrites,
  valueOf,
} from '../../server/db/prepared-writes.js';

const items = sqliteTable('items', {
  id: text('id').primaryKey(),
  label: text('label'),
  count: integer('count').notNull().default(7),
  active: integer('active', { mode: 'boolean' }).notNull(),
  seenAt: integer('seen_at', { mode: 'timestamp_ms' }),
  details: text('details', { mode: 'json' }),
});

let client: Client;
let db: Db;

beforeEach(async () => {
  client = createClient({ url: ':memory:' });
  await client.execute(
    `CREATE TABLE items (id TEXT PRIMARY KEY, label TEXT, count INTEGER NOT NULL DEFAULT 7,
       active INTEGER NOT NULL, seen_at INTEGER, details TEXT)`,
  );
  db = drizzle(client) as unknown as Db;
});
afterEach(() => client.close());

const rowsOf = async () =>
  (await client.execute('SELECT id, label, count, active, seen_at, details FROM items ORDER BY id')).rows.map(
    (row) => Array.from({ length: row.length }, (_, i) => row[i]),
  );

test('a prepared insert stores what drizzle’s insert stores, defaults included', async () => {
  const insert = prepareInsert(db, items);
  const at = new Date(Date.UTC(2026, 5, 1, 8, 30));
  const row = { label: 'x', active: true, seenAt: at, details: { via: 'qr', n: [1, 2] } };
  await db.insert(items).values({ id: 'drizzle', ...row });
  await runWrite(db, insert({ id: 'prepared', ...row }));
  await db.insert(items).values({ id: 'drizzle-bare', active: false });
  await runWrite(db, insert({ id: 'prepared-bare', active: false }));
  const [full, bare, fullPrepared, barePrepared] = await rowsOf();
  expect(fullPrepared!.slice(1)).toEqual(full!.slice(1));
  expect(barePrepared!.slice(1)).toEqual(bare!.slice(1));
  expect(full).toEqual(['drizzle', 'x', 7, 1, at.getTime(), '{"via":"qr","n":[1,2]}']);
  expect(bare).toEqual(['drizzle-bare', null, 7, 0, null, null]);
});

test('a condition on a timestamp compares the encoded value, and RETURNING gives the changed row', async () => {
  const insert = prepareInsert(db, items);
  await runWrites(db, [
    insert({ id: 'old', active: true, seenAt: new Date(1_000) }),
    insert({ id: 'new', active: true, seenAt: new Date(5_000) }),
  ]);
  const bumpSeenBefore = prepareWrite<{ before: Date; by: number }>(
    db
      .update(items)
      .set({ count: sql`${items.count} + ${sql.placeholder('by')}` })
      .where(sql`${items.seenAt} < ${valueOf(items.seenAt, 'before')}`)
      .returning({ id: items.id, count: items.count }),
  );
  const result = await runWrite(db, bumpSeenBefore({ before: new Date(2_000), by: 3 }));
  expect(firstRow(result)).toEqual(['old', 10]);
  expect(result.rows).toHaveLength(1);
  expect(firstRow(await runWrite(db, bumpSeenBefore({ before: new Date(0), by: 3 })))).toBeUndefined();
  expect((await db.select().from(items).where(eq(items.id, 'new')))[0]!.count).toBe(7);
});

test('bound writes run together are all or nothing', async () => {
  const insert = prepareInsert(db, items);
  await runWrite(db, insert({ id: 'taken', active: true }));
  await expect(
    runWrites(db, [insert({ id: 'fresh', active: true }), insert({ id: 'taken', active: false })]),
  ).rejects.toThrow(/UNIQUE/);
  expect((await rowsOf()).map((row) => row[0])).toEqual(['taken']);
});

test('a value left out is refused by name, not written as NULL', () => {
  const rename = prepareWrite<{ id: string; label: string | null }>(
    db
      .update(items)
      .set({ label: sql`${sql.placeholder('label')}` })
      .where(eq(items.id, sql.placeholder('id'))),
  );
  expect(() => rename({ id: 'a' } as never)).toThrow(/"label"/);
  expect(rename({ id: 'a', label: null }).args).toEqual([null, 'a']);
});
