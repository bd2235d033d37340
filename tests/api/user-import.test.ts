/**
 * POST /api/admin/users/import: CSV reading (quotes, BOM, CRLF), every column's errors named by row
 * and field, duplicates, unknown stores, dry run, commit, rerun, updates, badges that sign in, roles,
 * size caps, and no secret in the logs.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { ImportResult } from '../../server/contracts/bulk.js';
import { IMPORT_MAX_ROWS } from '../../server/contracts/bulk.js';
import type { UserView } from '../../server/contracts/schemas.js';
import {
  addGroup,
  createUser,
  queryRows,
  readError,
  readJson,
  signIn,
  signedInAdmin,
  signedInUser,
  startHarness,
  type Harness,
  type RequestOptions,
} from '../support/api-harness.js';

let h: Harness;
let lisbon: { id: string; displayName: string };
let porto: { id: string; displayName: string };

beforeAll(async () => {
  h = await startHarness();
  lisbon = await addGroup(h, 'Lisbon Baixa');
  porto = await addGroup(h, 'Porto');
});
afterAll(() => h.close());

let fileCounter = 0;
/** A domain no other test in this file uses, so every test starts from people who do not exist. */
const freshDomain = () => `f${++fileCounter}.example.test`;

const importCsv = (
  csv: string,
  dryRun: boolean,
  extra: Record<string, unknown> = {},
  options: RequestOptions = {},
) => h.request('POST', '/api/admin/users/import', { body: { csv, dryRun, ...extra }, ...options });

async function importOk(
  csv: string,
  dryRun: boolean,
  extra: Record<string, unknown> = {},
): Promise<ImportResult> {
  const res = await importCsv(csv, dryRun, extra);
  if (res.status !== 200) throw new Error(`import: ${res.status} ${await res.text()}`);
  return readJson<ImportResult>(res);
}

/** The person with this UPN as GET /api/admin/users/{id} shows them (the list searches names, not UPNs). */
async function userByUpn(upn: string): Promise<UserView | undefined> {
  const [row] = await queryRows(h, 'select id from users where lower(user_principal_name) = lower(?)', [upn]);
  if (!row) return undefined;
  const res = await h.request('GET', `/api/admin/users/${String(row.id)}`);
  expect(res.status).toBe(200);
  return readJson<UserView>(res);
}

const countUsers = async () => Number((await queryRows(h, 'select count(*) as n from users'))[0]!.n);

describe('reading the file', () => {
  test('quoted fields with commas, quotes and line breaks, a BOM and CRLF line ends', async () => {
    const d = freshDomain();
    const csv =
      '\uFEFFUserPrincipalName,DisplayName,employeeId,Groups\r\n' +
      `ana@${d},"Silva, Ana ""Aninhas""",E1,"Lisbon Baixa;porto"\r\n` +
      `bo@${d},"Bo\r\nLine",E2,\r\n` +
      `cy@${d},Cy,E3,\r\n`;
    const result = await importOk(csv, false);
    expect(result.summary).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 1 });
    // The quoted line break stays inside its cell (one record, row 3); no name may hold one (issue 13).
    expect(result.rows.map((r) => [r.row, r.action, r.errors.map((e) => e.field)])).toEqual([
      [2, 'create', []],
      [3, 'error', ['displayName']],
      [4, 'create', []],
    ]);
    const ana = await userByUpn(`ana@${d}`);
    expect(ana?.displayName).toBe('Silva, Ana "Aninhas"');
    expect(ana?.employeeId).toBe('E1');
    expect([...ana!.groupIds].sort()).toEqual([lisbon.id, porto.id].sort());
    expect(await userByUpn(`bo@${d}`)).toBeUndefined();
  });

  test('columns in any order and any case; blank lines are skipped but keep the numbering', async () => {
    const d = freshDomain();
    const csv = `ROLE,displayname,USERPRINCIPALNAME,Notes\n\nmanager,Cara,cara@${d},hi\n,,,\nadmin,Dan,dan@${d},\n`;
    const result = await importOk(csv, true);
    expect(result.rows.map((r) => [r.row, r.userPrincipalName, r.action])).toEqual([
      [3, `cara@${d}`, 'create'],
      [5, `dan@${d}`, 'create'],
    ]);
    expect(result.ignoredColumns).toEqual(['Notes']);
  });

  test('a header without userPrincipalName, an empty file and a broken quote are refused as a whole', async () => {
    for (const csv of ['displayName\nAna\n', '', '\n\n', 'userPrincipalName,displayName\n"a@x.test,Ana\n']) {
      const res = await importCsv(csv, true);
      expect(res.status, JSON.stringify(csv)).toBe(400);
      const { error } = await readError(res);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.field).toBe('csv');
    }
  });
});

describe('row errors name the row and the field', () => {
  test('every column', async () => {
    const d = freshDomain();
    const long = 'x'.repeat(257);
    const csv = [
      'userPrincipalName,displayName,employeeId,role,groups,accountEnabled',
      `ok@${d},Fine,,,,`, // row 2
      `,No Upn,,,,`, // row 3
      `has space@${d},Spaces,,,,`, // row 4
      `noname@${d},,,,,`, // row 5
      `longname@${d},${long},,,,`, // row 6
      `emp@${d},Emp,${'9'.repeat(65)},,,`, // row 7
      `role@${d},Role,,boss,,`, // row 8
      `store@${d},Store,,,Lisbon Baixa;Atlantis,`, // row 9
      `enabled@${d},Enabled,,,,maybe`, // row 10
      `many@${d},,,chief,,perhaps`, // row 11
      `extra@${d},Extra,,,,,surplus`, // row 12
    ].join('\n');
    const result = await importOk(csv, true);
    const errorsOf = (row: number) =>
      result.rows.find((r) => r.row === row)!.errors.map((e) => [e.field, e.message] as const);
    expect(result.rows.find((r) => r.row === 2)!.action).toBe('create');
    expect(errorsOf(3)).toEqual([['userPrincipalName', 'is required']]);
    expect(errorsOf(4)).toEqual([['userPrincipalName', 'must not contain spaces']]);
    expect(errorsOf(5)).toEqual([['displayName', 'is required']]);
    expect(errorsOf(6)).toEqual([['displayName', 'is too long (at most 256 characters)']]);
    expect(errorsOf(7)).toEqual([['employeeId', 'is too long (at most 64 characters)']]);
    expect(errorsOf(8)).toEqual([['role', 'must be one of worker, manager, admin']]);
    expect(errorsOf(9)).toEqual([['groups', 'no store is named “Atlantis”']]);
    expect(errorsOf(10)).toEqual([['accountEnabled', 'must be true or false']]);
    expect(
      errorsOf(11)
        .map(([field]) => field)
        .sort(),
    ).toEqual(['accountEnabled', 'displayName', 'role']);
    expect(errorsOf(12)[0]![0]).toBe('row');
    expect(result.summary).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 10 });
    expect(result.rows.every((r) => (r.action === 'error') === r.errors.length > 0)).toBe(true);
  });

  test('a userPrincipalName twice in one file (any case): the later row is the error', async () => {
    const d = freshDomain();
    const csv = `userPrincipalName,displayName\nana@${d},Ana\nbo@${d},Bo\nANA@${d},Ana again\n`;
    const result = await importOk(csv, false);
    expect(result.rows.map((r) => r.action)).toEqual(['create', 'create', 'error']);
    expect(result.rows[2]!.errors).toEqual([
      { field: 'userPrincipalName', message: 'appears again: first on row 2' },
    ]);
    expect((await userByUpn(`ana@${d}`))?.displayName).toBe('Ana');
  });

  test('stores by id, and a name two stores share must be given by id', async () => {
    const d = freshDomain();
    const twinA = await addGroup(h, 'Twin');
    await addGroup(h, 'twin');
    const csv = `userPrincipalName,displayName,groups\nid@${d},By Id,${twinA.id}\nname@${d},By Name,Twin\n`;
    const result = await importOk(csv, true);
    expect(result.rows[0]!.action).toBe('create');
    expect(result.rows[1]!.errors).toEqual([
      { field: 'groups', message: "several stores are named “Twin”; use the store's id" },
    ]);
  });
});

describe('dry run, commit, rerun, update', () => {
  test('a dry run writes nothing, not even an audit entry', async () => {
    const d = freshDomain();
    const [users, audits] = [
      await countUsers(),
      (await queryRows(h, 'select count(*) as n from audit_logs'))[0]!.n,
    ];
    const result = await importOk(`userPrincipalName,displayName\na@${d},A\nb@${d},B\n`, true, {
      issueBadges: true,
    });
    expect(result.summary.created).toBe(2);
    expect(result.badges).toBeUndefined();
    expect(await countUsers()).toBe(users);
    expect((await queryRows(h, 'select count(*) as n from audit_logs'))[0]!.n).toBe(audits);
  });

  test('commit applies the good rows and skips the bad; the same file again is all unchanged', async () => {
    const d = freshDomain();
    const csv = [
      'userPrincipalName,displayName,employeeId,role,groups,accountEnabled',
      `w1@${d},Worker One,E-1,worker,Porto,true`,
      `m1@${d},Manager One,,Manager,Porto;Lisbon Baixa,`,
      `bad@${d},Bad,,boss,,`,
      `off@${d},Off Duty,,,,FALSE`,
    ].join('\r\n');
    const dry = await importOk(csv, true);
    const first = await importOk(csv, false);
    expect(first.summary).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 1 });
    expect(first.rows.map((r) => r.action)).toEqual(dry.rows.map((r) => r.action));
    expect((await userByUpn(`m1@${d}`))?.role).toBe('manager');
    expect((await userByUpn(`off@${d}`))?.accountEnabled).toBe(false);
    expect(await userByUpn(`bad@${d}`)).toBeUndefined();

    const again = await importOk(csv, false);
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 1 });

    const audits = await queryRows(h, "select details from audit_logs where activity = 'users.imported'");
    expect(audits.length).toBeGreaterThanOrEqual(2);
    const created = await queryRows(
      h,
      "select count(*) as n from audit_logs where activity = 'user.created' and details like ?",
      [`%@${d}%`],
    );
    expect(created[0]!.n).toBe(3);
  });

  test('changed cells update the person; empty cells keep what they have', async () => {
    const d = freshDomain();
    const existing = await createUser(h, {
      userPrincipalName: `kept@${d}`,
      displayName: 'Kept Name',
      employeeId: 'K1',
      groupIds: [lisbon.id],
    });
    const result = await importOk(
      `userPrincipalName,displayName,employeeId,role,groups\nKEPT@${d},,K2,,Porto\n`,
      false,
    );
    expect(result.rows[0]!.action).toBe('update');
    const after = await userByUpn(`kept@${d}`);
    expect(after).toMatchObject({
      id: existing.id,
      userPrincipalName: `kept@${d}`,
      displayName: 'Kept Name',
      employeeId: 'K2',
      role: 'worker',
      groupIds: [porto.id],
    });
    expect(result.summary).toEqual({ created: 0, updated: 1, unchanged: 0, failed: 0 });
  });

  test('the importing admin cannot disable themselves', async () => {
    const admin = await signedInAdmin(h);
    const res = await importCsv(
      `userPrincipalName,accountEnabled\n${admin.user.userPrincipalName},false\n`,
      false,
      {},
      {
        token: null,
        cookie: admin.cookie,
      },
    );
    const result = await readJson<ImportResult>(res);
    expect(result.rows[0]!.errors).toEqual([
      { field: 'accountEnabled', message: 'you cannot disable your own account' },
    ]);
  });
});

describe('badges', () => {
  test('issueBadges: everyone imported without a badge gets one whose QR signs in with its PIN, once', async () => {
    const d = freshDomain();
    const csv = `userPrincipalName,displayName,groups\nq1@${d},Quinn One,Porto\nq2@${d},Quinn Two,Porto\nqbad@${d},,\n`;
    const result = await importOk(csv, false, { issueBadges: true });
    expect(result.badges).toHaveLength(2);
    const q1 = await userByUpn(`q1@${d}`);
    const badge = result.badges!.find((b) => b.userId === q1!.id)!;
    expect(badge.displayName).toBe('Quinn One');
    expect(badge.userPrincipalName).toBe(`q1@${d}`);
    expect(badge.shortCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(badge.image.binaryValue.length).toBeGreaterThan(100);
    expect(Date.parse(badge.expireDateTime)).toBeGreaterThan(h.clock.now().getTime());
    const { res } = await signIn(h, badge.image.rawContent, badge.pin!);
    expect(res.status).toBe(200);
    expect((await readJson<{ mustChangePin: boolean }>(res)).mustChangePin).toBe(true);

    // Again: they have badges now, nobody gets a second one.
    const again = await importOk(csv, false, { issueBadges: true });
    expect(again.summary.unchanged).toBe(2);
    expect(again.badges).toEqual([]);
  });

  test('nothing secret reaches the audit or sign-in logs', async () => {
    const d = freshDomain();
    const result = await importOk(`userPrincipalName,displayName\ns1@${d},Secret One\n`, false, {
      issueBadges: true,
    });
    const badge = result.badges![0]!;
    await signIn(h, badge.image.rawContent, badge.pin!);
    const qrSecret = badge.image.rawContent.split(':').at(-1)!;
    const logs = JSON.stringify([
      ...(await queryRows(h, 'select * from audit_logs')),
      ...(await queryRows(h, 'select * from sign_in_logs')),
    ]);
    for (const secret of [
      badge.pin!,
      qrSecret,
      badge.shortCode,
      badge.shortCode.replace('-', ''),
      badge.image.binaryValue,
    ]) {
      expect(logs).not.toContain(secret);
    }
    const [entry] = await queryRows(
      h,
      "select details from audit_logs where activity = 'users.imported' order by activity_at desc, rowid desc limit 1",
    );
    expect(JSON.parse(String(entry!.details))).toMatchObject({ rows: 1, created: 1, badgesIssued: 1 });
  });
});

describe('who may import, and how much', () => {
  test('a manager is refused (403) and a signed-out caller (401)', async () => {
    const manager = await signedInUser(h, { role: 'manager', groupIds: [porto.id] });
    const csv = `userPrincipalName,displayName\nx@${freshDomain()},X\n`;
    expect((await importCsv(csv, true, {}, { token: null, cookie: manager.cookie })).status).toBe(403);
    expect((await importCsv(csv, true, {}, { token: null })).status).toBe(401);
  });

  test(`more than ${IMPORT_MAX_ROWS} people, or more than 2 MB, is 413 PAYLOAD_TOO_LARGE and writes nothing`, async () => {
    const before = await countUsers();
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `cap${i}@cap.test,Cap ${i}`);
    const tooMany = await importCsv(`userPrincipalName,displayName\n${rows.join('\n')}\n`, false);
    expect(tooMany.status).toBe(413);
    const error = (await readError(tooMany)).error;
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain(String(IMPORT_MAX_ROWS));

    const big = `userPrincipalName,displayName\n${'a@b.test,' + 'x'.repeat(200) + '\n'}`.repeat(11_000);
    const tooBig = await importCsv(big, false);
    expect(tooBig.status).toBe(413);
    expect((await readError(tooBig)).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countUsers()).toBe(before);
  });

  test("bad bodies are 4xx in the envelope; a body over the route's 3 MB limit is 413", async () => {
    for (const raw of [
      '{"csv":',
      '[]',
      '{"csv":"a","dryRun":"no"}',
      '{"csv":"a","dryRun":true,"x":1}',
      '{"dryRun":true}',
    ]) {
      const res = await h.request('POST', '/api/admin/users/import', { raw });
      expect(res.status, raw).toBe(400);
      expect(['INVALID_JSON', 'VALIDATION_FAILED']).toContain((await readError(res)).error.code);
    }
    const huge = await importCsv('x'.repeat(3 * 1024 * 1024 + 1), true);
    expect(huge.status).toBe(413);
    expect((await readError(huge)).error.code).toBe('PAYLOAD_TOO_LARGE');
    const text = await h.request('POST', '/api/admin/users/import', {
      raw: '{}',
      headers: { 'content-type': 'text/csv' },
    });
    expect(text.status).toBe(415);
  });

  test(`exactly ${IMPORT_MAX_ROWS} rows are accepted (dry run)`, async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => `max${i}@max.test,Max ${i}`);
    const result = await importOk(`userPrincipalName,displayName\n${rows.join('\n')}\n`, true);
    expect(result.summary.created).toBe(IMPORT_MAX_ROWS);
    expect(result.rows.at(-1)!.row).toBe(IMPORT_MAX_ROWS + 1);
  });
});

describe('a run cut short', () => {
  test('a crash part-way leaves each person done or not started; the same file again completes it', async () => {
    const d = freshDomain();
    const csv = `userPrincipalName,displayName\n${[1, 2, 3, 4].map((i) => `c${i}@${d},Crash ${i}`).join('\n')}\n`;
    const { repos } = h.runtime.deps;
    const insert = repos.users.insert;
    let calls = 0;
    repos.users.insert = async (...args) => {
      calls += 1;
      if (calls === 3) throw new Error('simulated crash: the process dies here');
      return insert(...args);
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let loggedErrors = 0;
    const crashed = await importCsv(csv, false, { issueBadges: true }).finally(() => {
      repos.users.insert = insert;
      loggedErrors = logged.mock.calls.length;
      logged.mockRestore();
    });
    expect(crashed.status).toBe(500);
    expect(loggedErrors).toBe(1);
    expect(await userByUpn(`c2@${d}`)).toBeDefined();
    expect(await userByUpn(`c3@${d}`)).toBeUndefined();

    const rerun = await importOk(csv, false, { issueBadges: true });
    expect(rerun.summary).toEqual({ created: 2, updated: 0, unchanged: 2, failed: 0 });
    // Everyone ends with a badge: the crash came before any was issued.
    expect(rerun.badges).toHaveLength(4);
    const third = await importOk(csv, false, { issueBadges: true });
    expect(third.summary.unchanged).toBe(4);
    expect(third.badges).toEqual([]);
  });

  test('a server fault while issuing one badge still returns the others, and names who got none', async () => {
    const d = freshDomain();
    const csv = `userPrincipalName,displayName\nb1@${d},Badge One\nb2@${d},Badge Two\nb3@${d},Badge Three\n`;
    const { repos } = h.runtime.deps;
    const insertMethod = repos.methods.insertMethod;
    let calls = 0;
    repos.methods.insertMethod = async (...args) => {
      calls += 1;
      if (calls === 2) throw new Error('simulated database fault');
      return insertMethod(...args);
    };
    const result = await importOk(csv, false, { issueBadges: true }).finally(() => {
      repos.methods.insertMethod = insertMethod;
    });
    expect(result.badges).toHaveLength(2);
    expect(result.badgeFailures).toHaveLength(1);
    expect(result.badgeFailures![0]!.message).toMatch(/run again/);
    const again = await importOk(csv, false, { issueBadges: true });
    expect(again.badges!.map((b) => b.userId)).toEqual([result.badgeFailures![0]!.userId]);
  });
});
