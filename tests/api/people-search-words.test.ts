/**
 * People search finds a person by any word of their name, not only its start: "silva" finds
 * "Ana Silva", "nunez" finds "Iván Núñez" (case and accents folded as for the whole name), in name
 * order, page by page, within a store too, and a later-word search walks the name index rather than
 * reading and sorting the whole table.
 */
import type { InStatement } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserView } from '../../server/contracts/schemas.js';
import { addGroup, createUser, readJson, startHarness, type Harness } from '../support/api-harness.js';

let h: Harness;
let storeId: string;
beforeAll(async () => {
  h = await startHarness();
  storeId = (await addGroup(h)).id;
  const names = ['Ana Silva', 'Iván Núñez', 'Silvia Rocha', 'Rui Silva-Lopes', 'Marta Sousa', 'Núñez, Ana'];
  for (const displayName of names) {
    await createUser(h, { displayName, groupIds: displayName.includes('Silva') ? [storeId] : [] });
  }
});
afterAll(() => h.close());

const search = async (query: string) => {
  const res = await h.request('GET', `/api/admin/users?${query}`);
  expect(res.status).toBe(200);
  return readJson<{ value: UserView[]; nextCursor: string | null }>(res);
};
const namesFound = async (text: string, extra = '') =>
  (await search(`search=${encodeURIComponent(text)}${extra}`)).value.map((u) => u.displayName);

describe('people search by any word of the name', () => {
  test.each([
    ['silva', ['Ana Silva', 'Rui Silva-Lopes']],
    ['SILV', ['Ana Silva', 'Rui Silva-Lopes', 'Silvia Rocha']],
    ['nunez', ['Iván Núñez', 'Núñez, Ana']],
    ['núñ', ['Iván Núñez', 'Núñez, Ana']],
    ['ana', ['Ana Silva', 'Núñez, Ana']],
    ['lopes', ['Rui Silva-Lopes']],
    ['ivan nunez', ['Iván Núñez']],
    ['ilva', []],
    ['sousa marta', []],
  ])('"%s" finds %j', async (text, expected) => {
    expect(await namesFound(text)).toEqual(expected);
  });

  test('within a store too (the members plan)', async () => {
    expect(await namesFound('silva', `&groupId=${storeId}`)).toEqual(['Ana Silva', 'Rui Silva-Lopes']);
  });

  test('page by page, every match once, in name order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`search=silv&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.value.map((u) => u.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Ana Silva', 'Rui Silva-Lopes', 'Silvia Rocha']);
  });

  test('a later-word search reads users through an index, never a scan and sort of the table', async () => {
    const { client } = h.runtime.database;
    const seen: InStatement[] = [];
    const original = client.execute.bind(client);
    (client as { execute: unknown }).execute = (statement: InStatement) => {
      seen.push(statement);
      return original(statement);
    };
    try {
      await search('search=silva');
    } finally {
      (client as { execute: unknown }).execute = original;
    }
    const plans: string[] = [];
    for (const statement of seen) {
      const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement;
      if (!/from "users"/i.test(sql)) continue;
      const plan = await original({ sql: `EXPLAIN QUERY PLAN ${sql}`, args } as InStatement);
      plans.push(plan.rows.map((row) => String(row.detail)).join(' | '));
    }
    expect(plans.length).toBe(4);
    for (const plan of plans) expect(plan, plans.join('\n')).not.toMatch(/SCAN users(?! USING)/);
  });
});
