/**
 * Conditional access enforced through the real sign-in endpoints: the worker kiosk sign-in and the
 * console password sign-in, with the client address as the app finds it (X-Forwarded-For believed
 * only through TRUSTED_PROXIES), the store's time zone across a DST change, default deny on missing
 * data, report-only policies, and a what-if that answers what the real sign-in did.
 */
import { APP_VERSION } from '../../server/contracts/app-version.js';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type {
  PolicyTemplateView,
  PolicyView,
  WhatIfResult,
} from '../../server/contracts/conditional-access.js';
import type { SignInAccessResult } from '../../server/features/conditional-access/evaluate-sign-in-access.js';
import {
  addGroup,
  createWorker,
  queryRows,
  readError,
  readJson,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';
import { createConsoleUser, enrolConsoleUser, signInWithTotp } from '../support/console.js';
import { enrolDevice, signInOnDevice } from '../support/device.js';

const CA = '/api/admin/conditional-access';
const PROXY = '127.0.0.1';
const STORE_ADDRESS = '192.0.2.50';

let h: Harness;
let store: { id: string };
let worker: Worker;

beforeAll(async () => {
  h = await startHarness({ TRUSTED_PROXIES: '127.0.0.1/32, ::1/128' });
  store = await addGroup(h, 'Lisbon store');
  await h.request('PATCH', `/api/admin/groups/${store.id}`, { body: { timeZone: 'Europe/Lisbon' } });
  await h.request('POST', `${CA}/named-locations`, {
    body: {
      displayName: 'Lisbon store network',
      cidrs: ['192.0.2.0/24', '2001:db8:a::/48'],
      groupId: store.id,
    },
  });
  worker = await createWorker(h, { user: { groupIds: [store.id] } });
});
afterAll(() => h.close());
afterEach(async () => {
  const { value } = await readJson<{ value: PolicyView[] }>(await h.request('GET', `${CA}/policies`));
  for (const policy of value) await h.request('DELETE', `${CA}/policies/${policy.id}`);
});

interface From {
  /** The client as a trusted proxy reports it in X-Forwarded-For. */
  viaProxy?: string;
  /** The TCP peer itself (default: the trusted proxy). */
  socket?: string;
  forwardedFor?: string;
}

function signInFrom(who: Worker, from: From = { viaProxy: STORE_ADDRESS }): Promise<Response> {
  const forwardedFor = from.forwardedFor ?? from.viaProxy;
  return h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr: who.qr, pin: who.pin },
    token: null,
    clientAddress: from.socket ?? PROXY,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
}

interface LogRow {
  result: string;
  failureCode: string | null;
  ipAddress: string | null;
  access: SignInAccessResult | undefined;
}

async function lastLog(userId: string): Promise<LogRow> {
  const rows = await queryRows(
    h,
    'SELECT result, failure_code, ip_address, details FROM sign_in_logs WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    [userId],
  );
  const row = rows[0]!;
  const details = JSON.parse(String(row.details)) as { conditionalAccess?: SignInAccessResult };
  return {
    result: String(row.result),
    failureCode: (row.failure_code as string | null) ?? null,
    ipAddress: (row.ip_address as string | null) ?? null,
    access: details.conditionalAccess,
  };
}

async function addPolicy(body: Record<string, unknown>): Promise<PolicyView> {
  const res = await h.request('POST', `${CA}/policies`, { body });
  if (res.status !== 201) throw new Error(`addPolicy: ${res.status} ${await res.text()}`);
  return readJson<PolicyView>(res);
}

async function templatePolicy(state: 'enabled' | 'reportOnly'): Promise<PolicyView> {
  const { value } = await readJson<{ value: PolicyTemplateView[] }>(
    await h.request('GET', `${CA}/templates`),
  );
  const template = value.find((t) => t.id === 'workers-enrolled-devices-own-store')!;
  return addPolicy({ ...template.policy, state });
}

let blockedNetworkId: string | undefined;
async function blockedNetwork(): Promise<string> {
  if (!blockedNetworkId) {
    const res = await h.request('POST', `${CA}/named-locations`, {
      body: { displayName: 'Blocked network', cidrs: ['203.0.113.0/24', '2001:db8:1::/48'] },
    });
    blockedNetworkId = (await readJson<{ id: string }>(res)).id;
  }
  return blockedNetworkId;
}

describe('the client address: X-Forwarded-For only through trusted proxies', () => {
  test('a spoofed X-Forwarded-For from an untrusted peer is ignored', async () => {
    const res = await signInFrom(worker, { socket: '198.51.100.9', forwardedFor: STORE_ADDRESS });
    expect(res.status).toBe(200);
    expect((await lastLog(worker.user.id)).ipAddress).toBe('198.51.100.9');
  });

  test('through a trusted proxy the right-most untrusted hop is the client', async () => {
    await signInFrom(worker, { forwardedFor: `${STORE_ADDRESS}, 203.0.113.5` });
    expect((await lastLog(worker.user.id)).ipAddress).toBe('203.0.113.5');
    await signInFrom(worker, { forwardedFor: '10.9.9.9, 198.51.100.23, ::1', socket: '::ffff:127.0.0.1' });
    expect((await lastLog(worker.user.id)).ipAddress).toBe('198.51.100.23');
  });

  test('a spoofed store address cannot dodge a block rule on the real address', async () => {
    await addPolicy({
      displayName: 'Block the blocked network',
      state: 'enabled',
      grant: 'block',
      conditions: { locations: { include: [await blockedNetwork()] } },
    });
    const spoofedDirect = await signInFrom(worker, { socket: '203.0.113.77', forwardedFor: STORE_ADDRESS });
    expect((await readError(spoofedDirect)).error.code).toBe('ACCESS_BLOCKED_BY_POLICY');
    const spoofedThroughProxy = await signInFrom(worker, { forwardedFor: `${STORE_ADDRESS}, 203.0.113.77` });
    expect((await readError(spoofedThroughProxy)).error.code).toBe('ACCESS_BLOCKED_BY_POLICY');
  });
});

describe('the template "workers only on enrolled devices in their own store\'s network"', () => {
  test('enabled: a worker without a device is refused, with a readable reason and the verdicts logged', async () => {
    const policy = await templatePolicy('enabled');
    const res = await signInFrom(worker);
    expect(res.status).toBe(403);
    const { error } = await readError(res);
    expect(error.code).toBe('ACCESS_BLOCKED_BY_POLICY');
    // The kiosk tells the worker "This phone is not a store kiosk" by the code; the reason is the detail.
    expect(error.reasonCode).toBe('NOT_A_STORE_KIOSK');
    expect(error.reason).toBe(
      `no allow policy was met: '${policy.displayName}' (no device information; treated as not met: an allow policy cannot vouch for what it cannot see)`,
    );
    const log = await lastLog(worker.user.id);
    expect(log).toMatchObject({ result: 'failure', failureCode: 'ACCESS_BLOCKED_BY_POLICY' });
    expect(log.access).toMatchObject({
      decision: 'block',
      reasonCode: 'NOT_A_STORE_KIOSK',
      reason: error.reason,
      decidedBy: [policy.id],
      verdicts: [{ policyId: policy.id, state: 'enabled', grant: 'allow', applies: 'unknown' }],
      context: { clientAddress: STORE_ADDRESS, timeZone: 'Europe/Lisbon', timeZoneSource: 'user store' },
    });
    expect(log.access!.verdicts[0]!.reasons).toContain('no device information');
  });

  test('report-only: the worker is let in, and the log says it would have been blocked', async () => {
    const policy = await templatePolicy('reportOnly');
    const res = await signInFrom(worker);
    expect(res.status).toBe(200);
    const log = await lastLog(worker.user.id);
    expect(log.result).toBe('success');
    expect(log.access).toMatchObject({ decision: 'allow', reportOnlyDecision: 'block', decidedBy: [] });
    expect(log.access!.verdicts[0]).toMatchObject({ policyId: policy.id, state: 'reportOnly' });
    expect(log.access!.verdicts[0]!.reasons.at(-1)).toBe('report-only: not enforced');
  });

  test('an admin at the console is not affected (no allow policy speaks about admins)', async () => {
    await templatePolicy('enabled');
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const { res } = await signInWithTotp(h, admin);
    expect(res.status).toBe(200);
    const log = await lastLog(admin.id);
    expect(log.result).toBe('success');
    expect(log.access).toMatchObject({ decision: 'allow', verdicts: [{ result: 'notApplicable' }] });
  });
});

describe('block by network: CIDR edges for IPv4 and IPv6, through the proxy', () => {
  test.each([
    ['203.0.113.0', 403],
    ['203.0.113.255', 403],
    ['203.0.112.255', 200],
    ['203.0.114.0', 200],
    ['2001:db8:1::', 403],
    ['2001:db8:1:ffff:ffff:ffff:ffff:ffff', 403],
    ['2001:DB8:0001:0:0:0:0:7', 403],
    ['2001:db8:0:ffff:ffff:ffff:ffff:ffff', 200],
    ['2001:db8:2::', 200],
    ['[2001:db8:1::9]:443', 403],
  ])('a sign-in from %s → %i', async (address, status) => {
    await addPolicy({
      displayName: 'Block the blocked network',
      state: 'enabled',
      grant: 'block',
      conditions: { roles: { include: ['worker'] }, locations: { include: [await blockedNetwork()] } },
    });
    const res = await signInFrom(worker, { viaProxy: address });
    expect(res.status).toBe(status);
    if (status === 403) {
      const { error } = await readError(res);
      expect(error).toMatchObject({
        code: 'ACCESS_BLOCKED_BY_POLICY',
        reason: "blocked by 'Block the blocked network'",
      });
    }
  });

  test('an IPv4 client on a dual-stack socket (::ffff:a.b.c.d) matches the IPv4 range', async () => {
    await addPolicy({
      displayName: 'Block the blocked network',
      state: 'enabled',
      grant: 'block',
      conditions: { locations: { include: [await blockedNetwork()] } },
    });
    const res = await signInFrom(worker, { socket: '::ffff:203.0.113.9' });
    expect((await readError(res)).error.code).toBe('ACCESS_BLOCKED_BY_POLICY');
    expect((await lastLog(worker.user.id)).ipAddress).toBe('203.0.113.9');
  });
});

describe('default deny on missing data', () => {
  test('no client address: a block rule by network applies', async () => {
    await addPolicy({
      displayName: 'Block the blocked network',
      state: 'enabled',
      grant: 'block',
      conditions: { locations: { include: [await blockedNetwork()] } },
    });
    const res = await signInFrom(worker, { socket: '' });
    expect((await readError(res)).error).toMatchObject({
      code: 'ACCESS_BLOCKED_BY_POLICY',
      reasonCode: 'NETWORK_NOT_ALLOWED',
    });
    const log = await lastLog(worker.user.id);
    expect(log.access!.verdicts[0]).toMatchObject({ applies: 'unknown', result: 'block' });
    expect(log.access!.verdicts[0]!.reasons[0]).toBe('no client address');
  });

  test('no store time zone (a worker in two stores, or a store without one): a night block applies', async () => {
    const other = await addGroup(h);
    const twoStores = await createWorker(h, { user: { groupIds: [store.id, other.id] } });
    const zoneless = await createWorker(h, { user: { groupIds: [other.id] } });
    await addPolicy({
      displayName: 'Night block',
      state: 'enabled',
      grant: 'block',
      conditions: {
        roles: { include: ['worker'] },
        timeWindows: [{ days: ['sun'], start: '22:00', end: '06:00' }],
      },
    });
    for (const who of [twoStores, zoneless]) {
      const res = await signInFrom(who);
      expect((await readError(res)).error).toMatchObject({
        code: 'ACCESS_BLOCKED_BY_POLICY',
        reasonCode: 'OUTSIDE_HOURS',
      });
      const log = await lastLog(who.user.id);
      expect(log.access!.context.timeZoneSource).toBe('none');
      expect(log.access!.verdicts[0]!.reasons[0]).toBe('no time zone for the time window');
    }
  });

  test('a requireSecondFactor rule refuses a badge sign-in, which cannot give one', async () => {
    await addPolicy({
      displayName: 'Second factor outside the store',
      state: 'enabled',
      grant: 'requireSecondFactor',
      conditions: { locations: { include: 'any', exclude: 'ownStores' } },
    });
    expect((await signInFrom(worker)).status).toBe(200);
    const res = await signInFrom(worker, { viaProxy: '198.51.100.1' });
    expect((await readError(res)).error).toMatchObject({
      code: 'SECOND_FACTOR_REQUIRED',
      reason: "second factor required by 'Second factor outside the store'",
    });
  });
});

describe('the console password sign-in', () => {
  test('a block rule for admins refuses after the second factor; a second-factor rule is met there', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const block = await addPolicy({
      displayName: 'No admins from the blocked network',
      state: 'enabled',
      grant: 'block',
      conditions: {
        roles: { include: ['admin'] },
        signInMethods: ['password'],
        locations: { include: 'any' },
      },
    });
    const { res } = await signInWithTotp(h, admin);
    expect(res.status).toBe(403);
    expect((await readError(res)).error).toMatchObject({
      code: 'ACCESS_BLOCKED_BY_POLICY',
      reason: "blocked by 'No admins from the blocked network'",
    });
    const refused = await lastLog(admin.id);
    expect(refused).toMatchObject({ result: 'failure', failureCode: 'ACCESS_BLOCKED_BY_POLICY' });
    expect(refused.access!.context.method).toBe('password');

    await h.request('DELETE', `${CA}/policies/${block.id}`);
    await addPolicy({
      displayName: 'Second factor for admins',
      state: 'enabled',
      grant: 'requireSecondFactor',
      conditions: { roles: { include: ['admin'] } },
    });
    const again = await signInWithTotp(h, admin);
    expect(again.res.status).toBe(200);
    expect((await lastLog(admin.id)).access!.decision).toBe('requireSecondFactor');
  });
});

describe('what-if answers what the real sign-in did', () => {
  test.each([
    ['the template enabled, no device, in the store', { template: 'enabled', viaProxy: STORE_ADDRESS }],
    ['the template report-only, outside the store', { template: 'reportOnly', viaProxy: '198.51.100.4' }],
    ['a network block, from inside it', { block: true, viaProxy: '2001:db8:1::5' }],
  ] as const)('%s', async (_name, scenario) => {
    if ('template' in scenario) await templatePolicy(scenario.template);
    if ('block' in scenario) {
      await addPolicy({
        displayName: 'Block the blocked network',
        state: 'enabled',
        grant: 'block',
        conditions: { locations: { include: [await blockedNetwork()] } },
      });
    }
    await signInFrom(worker, { viaProxy: scenario.viaProxy });
    const real = (await lastLog(worker.user.id)).access!;
    const res = await h.request('POST', `${CA}/what-if`, {
      body: {
        userId: worker.user.id,
        device: null,
        ipAddress: scenario.viaProxy,
        dateTime: h.clock.now().toISOString(),
        method: 'qrPin',
      },
    });
    expect(res.status).toBe(200);
    const whatIf = await readJson<WhatIfResult>(res);
    expect(whatIf).toEqual(real);
  });

  test("with a device id: the device's live record and its store's time zone", async () => {
    const newYork = await addGroup(h);
    await h.request('PATCH', `/api/admin/groups/${newYork.id}`, { body: { timeZone: 'America/New_York' } });
    const now = h.clock.now().getTime();
    const insert = (
      id: string,
      status: string,
      expiresInMs: number,
      external: string | null,
      appVersion: string | null = APP_VERSION,
    ) =>
      h.runtime.database.client.execute({
        sql: `INSERT INTO devices (id, display_name, group_id, public_key_jwk, key_thumbprint, status, created_at,
                attestation_expires_at, external_compliance, app_version) VALUES (?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)`,
        args: [id, id, newYork.id, `thumb-${id}`, status, now, now + expiresInMs, external, appVersion],
      });
    await insert('dev-good', 'active', 3_600_000, null);
    await insert('dev-mdm', 'active', -1, JSON.stringify({ compliant: false, reasons: ['jailbroken'] }));
    await insert('dev-suspended', 'suspended', 3_600_000, null);
    // The same compliance sources as a real sign-in: an out-of-date app is not compliant here either.
    await insert('dev-old-app', 'active', 3_600_000, null, '0.0.1');
    const ask = async (deviceId: string) =>
      readJson<WhatIfResult>(
        await h.request('POST', `${CA}/what-if`, {
          body: { userId: worker.user.id, device: { deviceId }, ipAddress: STORE_ADDRESS, method: 'qrPin' },
        }),
      );
    expect((await ask('dev-good')).context).toMatchObject({
      timeZone: 'America/New_York',
      timeZoneSource: 'device store',
      device: { id: 'dev-good', enrolled: true, compliant: true, attestationFresh: true },
    });
    expect((await ask('dev-mdm')).context.device).toMatchObject({
      enrolled: true,
      compliant: false,
      attestationFresh: false,
    });
    expect((await ask('dev-suspended')).context.device).toMatchObject({ enrolled: false, compliant: false });
    expect((await ask('dev-old-app')).context.device).toMatchObject({
      enrolled: true,
      compliant: false,
      attestationFresh: true,
    });
  });
});

describe('on an enrolled kiosk device (the real device proof)', () => {
  test("the template lets a worker in on their store's device in the store network, and what-if agrees", async () => {
    const policy = await templatePolicy('enabled');
    const device = await enrolDevice(h, { groupId: store.id });
    const inStore = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin, {
      clientAddress: STORE_ADDRESS,
    });
    expect(inStore.res.status).toBe(200);
    const allowed = (await lastLog(worker.user.id)).access!;
    expect(allowed).toMatchObject({
      decision: 'allow',
      reason: `allowed by '${policy.displayName}'`,
      context: {
        timeZone: 'Europe/Lisbon',
        timeZoneSource: 'device store',
        device: { id: device.id, enrolled: true, compliant: true, attestationFresh: true },
      },
    });

    const outside = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin, {
      clientAddress: '198.51.100.8',
    });
    expect(outside.res.status).toBe(403);
    expect((await readError(outside.res)).error.reason).toBe(
      `no allow policy was met: '${policy.displayName}' (address 198.51.100.8 is outside 'Lisbon store network')`,
    );
    const refused = (await lastLog(worker.user.id)).access!;
    const whatIf = await h.request('POST', `${CA}/what-if`, {
      body: {
        userId: worker.user.id,
        device: { deviceId: device.id },
        ipAddress: '198.51.100.8',
        dateTime: h.clock.now().toISOString(),
        method: 'qrPin',
      },
    });
    expect(await readJson<WhatIfResult>(whatIf)).toEqual(refused);
  });
});

// Last: moves the clock to October.
describe('a night block in the store time zone across the DST change (Europe/Lisbon, 25 Oct 2026)', () => {
  test.each([
    ['2026-10-24T20:59:00Z', '21:59 summer time', 200],
    ['2026-10-24T21:00:00Z', '22:00 summer time', 403],
    ['2026-10-25T00:30:00Z', '01:30 summer time, the first time', 403],
    ['2026-10-25T05:59:00Z', '05:59 winter time (06:59 by the summer offset)', 403],
    ['2026-10-25T06:00:00Z', '06:00 winter time', 200],
  ])('%s (%s) → %i', async (instant, _local, status) => {
    h.clock.set(instant);
    const nightWorker = await createWorker(h, { user: { groupIds: [store.id] } });
    await addPolicy({
      displayName: 'Block worker sign-ins at night',
      state: 'enabled',
      grant: 'block',
      conditions: {
        roles: { include: ['worker'] },
        timeWindows: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '22:00', end: '06:00' },
        ],
      },
    });
    const res = await signInFrom(nightWorker);
    expect(res.status).toBe(status);
    const log = await lastLog(nightWorker.user.id);
    expect(log.access!.context.timeZone).toBe('Europe/Lisbon');
  });
});
