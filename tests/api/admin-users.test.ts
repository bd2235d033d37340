/** /api/admin/users and issuing the QR-code + PIN method, as an admin API client sees them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InStatement } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserView } from '../../server/contracts/schemas.js';
import { checkPin } from '../../server/domain/pin-rules.js';
import {
  addGroup,
  createUser,
  createWorker,
  issueMethod,
  queryRows,
  readError,
  readJson,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('users', () => {
  test('a new user defaults to an enabled worker in no group', async () => {
    const res = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'ana', displayName: 'Ana' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      userPrincipalName: 'ana',
      displayName: 'Ana',
      employeeId: null,
      role: 'worker',
      groupIds: [],
      accountEnabled: true,
    });
  });

  test('can be read back by id', async () => {
    const user = await createUser(h, { role: 'manager', employeeId: 'E-7' });
    const res = await h.request('GET', `/api/admin/users/${user.id}`);
    expect(res.status).toBe(200);
    expect(await readJson<UserView>(res)).toEqual(user);
  });

  test('a userPrincipalName is unique regardless of case: 409 USER_ALREADY_EXISTS', async () => {
    await createUser(h, { userPrincipalName: 'Bo.Silva@Example.test' });
    const res = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'bo.silva@example.TEST', displayName: 'Other Bo' },
    });
    expect(res.status).toBe(409);
    expect((await readError(res)).error.code).toBe('USER_ALREADY_EXISTS');
  });

  test('an unknown group is 400 GROUP_NOT_FOUND and creates nobody', async () => {
    const res = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'grouped', displayName: 'Grouped', groupIds: ['no-such-group'] },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).error.code).toBe('GROUP_NOT_FOUND');
    const retry = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'grouped', displayName: 'Grouped' },
    });
    expect(retry.status).toBe(201);
  });

  test('reading a user never shows PIN or badge material', async () => {
    const worker = await createWorker(h);
    const text = await (await h.request('GET', `/api/admin/users/${worker.user.id}`)).text();
    expect(text).not.toContain(worker.pin);
    expect(text).not.toContain(worker.qr.split(':').at(-1));
  });
});

describe('issuing the QR-code + PIN method', () => {
  test('generated PINs are 8 digits that pass the PIN rules, different per worker', async () => {
    const pins = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const { pin } = await createWorker(h);
      expect(pin).toMatch(/^[0-9]{8}$/);
      expect(checkPin(pin, { minLength: 8 })).toEqual({ ok: true });
      pins.add(pin);
    }
    expect(pins.size).toBeGreaterThan(1);
  });

  test('an admin-chosen PIN is used as given', async () => {
    const worker = await createWorker(h, { method: { pin: { code: '60539184' } } });
    expect(worker.issued.pin).toEqual({
      code: '60539184',
      forceChangePinNextSignIn: true,
      createdDateTime: h.clock.now().toISOString(),
      updatedDateTime: h.clock.now().toISOString(),
    });
    expect((await signIn(h, worker.qr, '60539184')).res.status).toBe(200);
  });

  test.each([
    ['11111111', 'repeated_pattern'],
    ['12345678', 'sequential_digits'],
    ['1928374', 'length'],
    ['١٩٢٨٣٧٤٦', 'digits_only'],
  ])('an admin-chosen PIN %j that breaks the rules is 400 PIN_POLICY_VIOLATION (%s)', async (code, rule) => {
    const user = await createUser(h);
    const res = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {
      body: { pin: { code } },
    });
    expect(res.status).toBe(400);
    expect(await readError(res)).toEqual({
      error: { code: 'PIN_POLICY_VIOLATION', message: expect.any(String), rule, field: 'pin.code' },
    });
  });

  test('times with an offset come back as UTC instants', async () => {
    const user = await createUser(h);
    const issued = await issueMethod(h, user.id, {
      standardQRCode: {
        startDateTime: '2026-06-01T12:00:00+02:00',
        expireDateTime: '2026-07-01T12:00:00+02:00',
      },
    });
    expect(issued.standardQRCode.startDateTime).toBe('2026-06-01T10:00:00.000Z');
    expect(issued.standardQRCode.expireDateTime).toBe('2026-07-01T10:00:00.000Z');
  });

  test('a standard code may live 395 days but not longer', async () => {
    const user = await createUser(h);
    const start = h.clock.now().getTime();
    const day = 24 * 3600 * 1000;
    const at = (days: number, extraMs = 0) => new Date(start + days * day + extraMs).toISOString();
    const tooLong = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {
      body: { standardQRCode: { startDateTime: at(0), expireDateTime: at(395, 1) } },
    });
    expect(tooLong.status).toBe(400);
    expect(await readError(tooLong)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'standardQRCode.expireDateTime' },
    });
    const longest = await issueMethod(h, user.id, {
      standardQRCode: { startDateTime: at(0), expireDateTime: at(395) },
    });
    expect(longest.standardQRCode.expireDateTime).toBe(at(395));
  });
});

describe('a restart on the same data', () => {
  test('keeps issued badges working: the issuer id comes from the stored server key', async () => {
    const first = await startHarness();
    const worker = await createWorker(first);
    const issuer = first.runtime.deps.settings.issuerId;
    first.stop();
    const second = await startHarness({}, { dataDir: first.dir });
    try {
      expect(second.runtime.deps.settings.issuerId).toBe(issuer);
      expect(worker.qr.split(':')[1]).toBe(issuer);
      const { res } = await signIn(second, worker.qr, worker.pin);
      expect(res.status).toBe(200);
    } finally {
      second.close();
    }
  });
});

describe('people search ignores case and accents', () => {
  const names = ['Núñez, Ana', 'José Pérez', 'Jose Lopes', 'ÚRSULA Øster', 'Nunes, Rui', 'Zoë Adams'];
  const ids = new Map<string, string>();
  let storeId: string;
  beforeAll(async () => {
    storeId = (await addGroup(h)).id;
    for (const displayName of names) {
      const user = await createUser(h, {
        displayName,
        groupIds: displayName.startsWith('N') ? [storeId] : [],
      });
      ids.set(displayName, user.id);
    }
  });
  const search = async (query: string) => {
    const res = await h.request('GET', `/api/admin/users?${query}`);
    expect(res.status).toBe(200);
    return readJson<{ value: UserView[]; nextCursor: string | null }>(res);
  };
  const namesFound = async (query: string) => (await search(query)).value.map((u) => u.displayName);

  test.each([
    ['nunez', ['Núñez, Ana']],
    ['NÚÑEZ', ['Núñez, Ana']],
    ['nun', ['Nunes, Rui', 'Núñez, Ana']],
    ['JOSE', ['Jose Lopes', 'José Pérez']],
    ['josé', ['Jose Lopes', 'José Pérez']],
    ['ursula', ['ÚRSULA Øster']],
    ['Úrs', ['ÚRSULA Øster']],
    ['zoe', ['Zoë Adams']],
  ])('"%s" finds %j', async (text, expected) => {
    expect(await namesFound(`search=${encodeURIComponent(text)}`)).toEqual(expected);
  });

  test('within a store too (the members plan)', async () => {
    expect(await namesFound(`search=nunez&groupId=${storeId}`)).toEqual(['Núñez, Ana']);
  });

  test('pages of one person walk every match once, in name order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`search=jose&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.value.map((u) => u.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Jose Lopes', 'José Pérez']);
  });

  test('a renamed person is found by the new name only', async () => {
    const user = await createUser(h, { displayName: 'Chloé Martin' });
    expect(await namesFound('search=chloe')).toEqual(['Chloé Martin']);
    await h.request('PATCH', `/api/admin/users/${user.id}`, { body: { displayName: 'Inês Martin' } });
    expect(await namesFound('search=chloe')).toEqual([]);
    expect(await namesFound('search=ines')).toEqual(['Inês Martin']);
  });

  test('people stored before folded names existed are found after the migration fills them in', async () => {
    const sqlFile = readFileSync(
      fileURLToPath(new URL('../../server/db/migrations/0012_user_folded_names.sql', import.meta.url)),
      'utf8',
    );
    const backfill = sqlFile
      .split('--> statement-breakpoint')
      .filter((statement) => /^\s*(--.*\n)*\s*UPDATE/.test(statement));
    expect(backfill.length).toBeGreaterThan(1);
    const now = Date.now();
    await h.runtime.database.client.execute({
      sql: `INSERT INTO users (id, user_principal_name, display_name, role, account_enabled, created_at, updated_at)
            VALUES ('legacy-nandu', 'legacy1@example.test', 'Ñandú Gómez', 'worker', 1, ?, ?),
                   ('legacy-plain', 'legacy2@example.test', 'Plain Name', 'worker', 1, ?, ?)`,
      args: [now, now, now, now],
    });
    expect(await namesFound('search=nandu')).toEqual([]);
    for (const statement of backfill) await h.runtime.database.client.execute(statement);
    expect(await namesFound('search=nandu')).toEqual(['Ñandú Gómez']);
    const rows = await queryRows(h, "SELECT id, folded_name FROM users WHERE id LIKE 'legacy-%' ORDER BY id");
    expect(rows).toEqual([
      { id: 'legacy-nandu', folded_name: 'nandu gomez' },
      { id: 'legacy-plain', folded_name: null },
    ]);
  });

  test('the accent branch reads its own small index, never the whole table', async () => {
    const { client } = h.runtime.database;
    const seen: InStatement[] = [];
    const original = client.execute.bind(client);
    (client as { execute: unknown }).execute = (statement: InStatement) => {
      seen.push(statement);
      return original(statement);
    };
    try {
      await search('search=nunez');
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
    expect(
      plans.some((plan) => plan.includes('users_folded_name_idx')),
      plans.join('\n'),
    ).toBe(true);
    for (const plan of plans) expect(plan, plans.join('\n')).not.toMatch(/SCAN users(?! USING)/);
  });
});
