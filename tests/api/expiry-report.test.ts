/** GET /api/admin/reports/qr-code-expirations: unexpired codes that expire within N days, soonest first. */
import type { Page as ContractPage } from '../../server/contracts/pagination.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { QrCodeExpirationView } from '../../server/contracts/reports.js';
import {
  addGroup,
  createWorker,
  readError,
  readJson,
  signIn,
  signedInUser,
  startHarness,
  type Harness,
  type RequestOptions,
  type Worker,
} from '../support/api-harness.js';

type Page = ContractPage<QrCodeExpirationView>;

const DAY_MS = 24 * 3600 * 1000;
const REPORT = '/api/admin/reports/qr-code-expirations';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { state: 'enabled' } });
});
afterAll(() => h.close());

const at = (ms: number) => new Date(ms).toISOString();
const now = () => h.clock.now().getTime();

async function report(query: Record<string, string | number>, options: RequestOptions = {}): Promise<Page> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await h.request('GET', `${REPORT}?${params}`, options);
  expect(res.status, await res.clone().text()).toBe(200);
  return readJson<Page>(res);
}

/** A worker in `groupId` whose standard code expires at `expireMs` (and starts at `startMs`, default now). */
function workerExpiringAt(groupId: string, expireMs: number, startMs?: number): Promise<Worker> {
  return createWorker(h, {
    user: { groupIds: [groupId] },
    method: {
      standardQRCode: {
        expireDateTime: at(expireMs),
        ...(startMs === undefined ? {} : { startDateTime: at(startMs) }),
      },
    },
  });
}

const codeIds = (page: Page) => page.value.map((item) => item.codeId);

describe('the window', () => {
  test('includes a code expiring exactly N days from now, not 1 ms later; an expired code drops out', async () => {
    const group = (await addGroup(h)).id;
    const start = now();
    // Started 23 hours ago: a standard code lives at least a day.
    const soon = await workerExpiringAt(group, start + 3600_000, start - 23 * 3600_000);
    const future = await workerExpiringAt(group, start + 2 * DAY_MS, start + DAY_MS);
    const exact = await workerExpiringAt(group, start + 30 * DAY_MS);
    const justOutside = await workerExpiringAt(group, start + 30 * DAY_MS + 1);
    const id = (w: Worker) => w.issued.standardQRCode.id;

    expect(codeIds(await report({ groupId: group, withinDays: 30 }))).toEqual([
      id(soon),
      id(future),
      id(exact),
    ]);

    // An hour on, the first code has expired (its expireDateTime is now) and the window has moved.
    h.clock.advanceSeconds(3600);
    expect(codeIds(await report({ groupId: group, withinDays: 30 }))).toEqual([
      id(future),
      id(exact),
      id(justOutside),
    ]);
    expect(codeIds(await report({ groupId: group, withinDays: 1 }))).toEqual([]);
    expect(codeIds(await report({ groupId: group, withinDays: 2 }))).toEqual([id(future)]);
  });

  test('withinDays defaults to 30 and may be 395', async () => {
    const group = (await addGroup(h)).id;
    const in30 = await workerExpiringAt(group, now() + 30 * DAY_MS);
    const in395 = await workerExpiringAt(group, now() + 395 * DAY_MS);
    expect(codeIds(await report({ groupId: group }))).toEqual([in30.issued.standardQRCode.id]);
    expect(codeIds(await report({ groupId: group, withinDays: 395 }))).toEqual([
      in30.issued.standardQRCode.id,
      in395.issued.standardQRCode.id,
    ]);
  });
});

describe('items', () => {
  test('name the user, their groups and the code, with times as ISO strings and nothing secret', async () => {
    const group = (await addGroup(h)).id;
    const other = (await addGroup(h)).id;
    const worker = await createWorker(h, {
      user: { groupIds: [group, other], displayName: 'Reported Worker', employeeId: 'R-1' },
      method: { standardQRCode: { expireDateTime: at(now() + 5 * DAY_MS) } },
    });
    h.clock.advanceSeconds(10);
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);

    const res = await h.request('GET', `${REPORT}?groupId=${group}`);
    const text = await res.clone().text();
    const page = await readJson<Page>(res);
    expect(page).toEqual({
      value: [
        {
          userId: worker.user.id,
          userPrincipalName: worker.user.userPrincipalName,
          displayName: 'Reported Worker',
          groupIds: expect.arrayContaining([group, other]),
          codeId: worker.issued.standardQRCode.id,
          kind: 'standard',
          startDateTime: worker.issued.standardQRCode.startDateTime,
          expireDateTime: worker.issued.standardQRCode.expireDateTime,
          lastUsedDateTime: h.clock.now().toISOString(),
        },
      ],
      nextCursor: null,
    });
    expect(page.value[0]!.groupIds).toHaveLength(2);
    expect(text).not.toContain(worker.qr.split(':').at(-1));
    expect(text).not.toContain(worker.pin);
  });

  test('temporary codes are listed with kind "temporary", beside the standard code', async () => {
    const group = (await addGroup(h)).id;
    const worker = await workerExpiringAt(group, now() + 10 * DAY_MS);
    const res = await h.request(
      'PUT',
      `/api/admin/users/${worker.user.id}/qr-code-pin-method/temporary-qr-code`,
      {
        body: {},
      },
    );
    expect(res.status).toBe(201);
    const temporary = await readJson<{ id: string; expireDateTime: string }>(res);
    const page = await report({ groupId: group });
    expect(page.value.map((item) => [item.kind, item.codeId, item.expireDateTime])).toEqual([
      ['temporary', temporary.id, temporary.expireDateTime],
      ['standard', worker.issued.standardQRCode.id, worker.issued.standardQRCode.expireDateTime],
    ]);
  });

  test('a deleted user’s codes are gone from the report', async () => {
    const group = (await addGroup(h)).id;
    const worker = await workerExpiringAt(group, now() + DAY_MS);
    expect(codeIds(await report({ groupId: group }))).toHaveLength(1);
    expect((await h.request('DELETE', `/api/admin/users/${worker.user.id}`)).status).toBe(204);
    expect(codeIds(await report({ groupId: group }))).toEqual([]);
  });

  test('a disabled person is not listed to re-badge (nor in the download), and is again once enabled', async () => {
    const group = (await addGroup(h)).id;
    const kept = await workerExpiringAt(group, now() + DAY_MS);
    const left = await workerExpiringAt(group, now() + 2 * DAY_MS);
    const disable = (accountEnabled: boolean) =>
      h.request('PATCH', `/api/admin/users/${left.user.id}`, { body: { accountEnabled } });
    expect((await disable(false)).status).toBe(200);
    const page = await report({ groupId: group });
    expect(page.value.map((item) => item.userId)).toEqual([kept.user.id]);
    const csv = await (await h.request('GET', `${REPORT}/export?groupId=${group}`)).text();
    expect(csv).toContain(kept.user.userPrincipalName);
    expect(csv).not.toContain(left.user.userPrincipalName);
    expect((await disable(true)).status).toBe(200);
    expect((await report({ groupId: group })).value.map((item) => item.userId)).toEqual([
      kept.user.id,
      left.user.id,
    ]);
  });
});

describe('pages', () => {
  test('12 codes, limit 5: 5, 5 and 2, soonest first, ties in code id order, each once', async () => {
    const group = (await addGroup(h)).id;
    const base = now();
    const workers: Worker[] = [];
    // Pairs expire at the same instant.
    for (let i = 0; i < 12; i++)
      workers.push(await workerExpiringAt(group, base + (Math.floor(i / 2) + 1) * DAY_MS));
    const expected = workers
      .map((w) => w.issued.standardQRCode)
      .sort((a, b) => Date.parse(a.expireDateTime) - Date.parse(b.expireDateTime) || (a.id < b.id ? -1 : 1))
      .map((code) => code.id);

    const sizes: number[] = [];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await report({ groupId: group, limit: 5, ...(cursor ? { cursor } : {}) });
      sizes.push(page.value.length);
      seen.push(...codeIds(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([5, 5, 2]);
    expect(seen).toEqual(expected);
  });
});

describe('managers', () => {
  test('see only the codes of workers who share one of their groups; groupId narrows within that', async () => {
    const storeA = (await addGroup(h, 'Report A')).id;
    const storeB = (await addGroup(h, 'Report B')).id;
    const manager = await signedInUser(h, { role: 'manager', groupIds: [storeA] });
    const expireMs = now() + 3 * DAY_MS;
    const inA = await workerExpiringAt(storeA, expireMs);
    const inB = await workerExpiringAt(storeB, expireMs);
    const inBoth = await createWorker(h, {
      user: { groupIds: [storeA, storeB] },
      method: { standardQRCode: { expireDateTime: at(expireMs) } },
    });
    const managerA = await createWorker(h, {
      user: { role: 'manager', groupIds: [storeA] },
      method: { standardQRCode: { expireDateTime: at(expireMs) } },
    });
    const as = { token: null, cookie: manager.cookie };

    const all = await report({ withinDays: 395, limit: 200 }, as);
    expect(all.value.map((i) => i.userId).sort()).toEqual([inA.user.id, inBoth.user.id].sort());
    expect(all.value.map((i) => i.userId)).not.toContain(inB.user.id);
    expect(all.value.map((i) => i.userId)).not.toContain(managerA.user.id);

    const inStoreB = await report({ groupId: storeB }, as);
    expect(inStoreB.value.map((i) => i.userId)).toEqual([inBoth.user.id]);

    // An admin sees them all.
    const admin = await report({ groupId: storeA, withinDays: 395, limit: 200 });
    expect(admin.value.map((i) => i.userId).sort()).toEqual(
      [inA.user.id, inBoth.user.id, managerA.user.id, manager.user.id].sort(),
    );
  });

  test('workers may not read the report: 403', async () => {
    const worker = await signedInUser(h);
    const res = await h.request('GET', REPORT, { token: null, cookie: worker.cookie });
    expect(res.status).toBe(403);
  });
});

describe('bad query values', () => {
  test.each([
    ['withinDays=0', 'withinDays'],
    ['withinDays=396', 'withinDays'],
    ['withinDays=abc', 'withinDays'],
    ['withinDays=1.5', 'withinDays'],
    ['withinDays=-1', 'withinDays'],
    ['withinDays=%2030', 'withinDays'],
    ['withinDays=7&withinDays=8', 'withinDays'],
    ['limit=0', 'limit'],
    ['cursor=%25%25', 'cursor'],
    [`cursor=${Buffer.from('[1,2]').toString('base64url')}`, 'cursor'],
    [`groupId=${'g'.repeat(65)}`, 'groupId'],
    ['days=30', 'days'],
  ])('?%s → 400 VALIDATION_FAILED naming %s', async (query, field) => {
    const res = await h.request('GET', `${REPORT}?${query}`);
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  test('an empty withinDays means the default', async () => {
    const res = await h.request('GET', `${REPORT}?withinDays=&limit=`);
    expect(res.status).toBe(200);
  });
});
