/**
 * The webhook events (docs/webhook-events.md): each is produced exactly once by the real action that
 * causes it, about the right subject, with the documented data; a refused change produces none; the
 * lockout burst counts per store and per window; a badge expiring soon is announced once; and no
 * event ever carries a badge's payload, short code or PIN. Events are read from the outbox (the
 * deliverer is not run: tests/api/webhook-delivery.test.ts covers sending).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../../server/domain/webhook-events.js';
import { DEFAULT_PIN_LOCKOUT } from '../../server/domain/lockout-policy.js';
import {
  addGroup,
  createUser,
  createWorker,
  issueMethod,
  queryRows,
  signIn,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';
import { deviceBinding, enrolDevice, refreshRequest, signInOnDevice } from '../support/device.js';
import { webhookNetworkFor } from '../support/webhook-receiver.js';

interface Sent {
  type: string;
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}

let h: Harness;
/** The outbox's last row before the action under test. */
let mark = 0;
/** Every badge secret, short code and PIN handed out in this file, to look for in every event. */
const secrets: string[] = [];

const THRESHOLD = 3;
/** Errors the server logged (the transaction test makes one on purpose). */
const logged: unknown[] = [];

beforeAll(async () => {
  h = await startHarness(
    {},
    {
      runtime: {
        webhookNetwork: webhookNetworkFor({ 'siem.example.com': ['93.184.216.34'] }),
        webhookDeliveryIntervalMs: 0,
        retentionSweepIntervalMs: 0,
        logError: (error) => logged.push(error),
      },
    },
  );
  // Three wrong PINs lock, so lockouts are quick to cause (set directly: no policy.changed to skip).
  await h.runtime.deps.repos.settings.put(
    'policy.qrCodePin',
    { state: 'enabled', lockout: { ...DEFAULT_PIN_LOCKOUT, threshold: THRESHOLD } },
    h.clock.now(),
  );
  const res = await h.request('POST', '/api/admin/webhooks', {
    body: { url: 'https://siem.example.com/shiftpass', events: [...WEBHOOK_EVENT_TYPES] },
  });
  expect(res.status, await res.clone().text()).toBe(201);
});
afterAll(() => h.close());

async function lastSeq(): Promise<number> {
  const [row] = await queryRows(h, 'SELECT coalesce(max(seq), 0) AS seq FROM webhook_deliveries');
  return Number(row!.seq);
}

/** The events queued since the last `startWatching()`, oldest first. */
async function sent(): Promise<Sent[]> {
  const rows = await queryRows(h, 'SELECT body FROM webhook_deliveries WHERE seq > ? ORDER BY seq', [mark]);
  return rows.map((row) => JSON.parse(row.body as string) as Sent);
}

async function startWatching(): Promise<void> {
  mark = await lastSeq();
}

async function worker(user: Record<string, unknown> = {}): Promise<Worker> {
  const made = await createWorker(h, { user });
  // The payload, its code id and secret parts, the short code and the PIN.
  secrets.push(made.qr, ...made.qr.split(':').slice(-2), made.shortCode, made.pin);
  return made;
}

const personOf = (w: { user: { id: string; userPrincipalName: string; displayName: string } }) => ({
  id: w.user.id,
  userPrincipalName: w.user.userPrincipalName,
  displayName: w.user.displayName,
  employeeId: null,
});

async function wrongPin(w: Worker, clientAddress: string): Promise<number> {
  const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr: w.qr, pin: w.pin === '00000000' ? '11111111' : '00000000' },
    token: null,
    clientAddress,
  });
  return res.status;
}

/** Wrong PINs until the badge locks (the threshold), from an address of its own. */
async function lockOut(w: Worker, clientAddress: string): Promise<void> {
  for (let i = 0; i < THRESHOLD; i += 1) await wrongPin(w, clientAddress);
}

describe('people', () => {
  test('a new person: one person.created naming them, their role and stores', async () => {
    const store = await addGroup(h, 'Main Street');
    await startWatching();
    const user = await createUser(h, { employeeId: 'E-100', groupIds: [store.id] });
    expect(await sent()).toEqual([
      {
        id: expect.any(String),
        type: 'person.created',
        occurredAt: h.clock.now().toISOString(),
        subject: { type: 'person', id: user.id },
        data: {
          person: {
            id: user.id,
            userPrincipalName: user.userPrincipalName,
            displayName: user.displayName,
            employeeId: 'E-100',
          },
          role: 'worker',
          accountEnabled: true,
          stores: [{ id: store.id, displayName: 'Main Street' }],
          createdBy: { type: 'apiToken', id: expect.any(String), userId: expect.any(String) },
        },
      },
    ]);
  });

  test('a refused create (the name is taken) sends nothing', async () => {
    const user = await createUser(h);
    await startWatching();
    const res = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: user.userPrincipalName, displayName: 'Again' },
    });
    expect(res.status).toBe(409);
    expect(await sent()).toEqual([]);
  });

  test('people created by a CSV import: one person.created each', async () => {
    await startWatching();
    const csv = 'userPrincipalName,displayName\ncsv1@example.test,Csv One\ncsv2@example.test,Csv Two\n';
    const res = await h.request('POST', '/api/admin/users/import', { body: { csv, dryRun: false } });
    expect(res.status, await res.clone().text()).toBe(200);
    const events = await sent();
    expect(
      events.map((e) => [e.type, (e.data.person as { userPrincipalName: string }).userPrincipalName]),
    ).toEqual([
      ['person.created', 'csv1@example.test'],
      ['person.created', 'csv2@example.test'],
    ]);
  });

  test('turning a person off: one person.disabled; renaming or turning on again sends nothing', async () => {
    const user = await createUser(h);
    await startWatching();
    await h.request('PATCH', `/api/admin/users/${user.id}`, { body: { accountEnabled: false } });
    await h.request('PATCH', `/api/admin/users/${user.id}`, { body: { displayName: 'Renamed' } });
    await h.request('PATCH', `/api/admin/users/${user.id}`, { body: { accountEnabled: true } });
    const events = await sent();
    expect(events.map((e) => e.type)).toEqual(['person.disabled']);
    expect(events[0]!.subject).toEqual({ type: 'person', id: user.id });
    expect(events[0]!.data).toMatchObject({ reason: 'accountDisabled', person: { id: user.id } });
  });
});

describe('offboarding', () => {
  test('offboarding: person.disabled and one badge.revoked per working badge; again: nothing', async () => {
    const w = await worker();
    const base = `/api/admin/users/${w.user.id}/qr-code-pin-method`;
    expect((await h.request('PUT', `${base}/temporary-qr-code`, { body: {} })).status).toBe(201);
    await startWatching();
    expect((await h.request('POST', `/api/admin/users/${w.user.id}/offboard`)).status).toBe(200);
    expect((await h.request('POST', `/api/admin/users/${w.user.id}/offboard`)).status).toBe(200);
    const events = await sent();
    expect(events.map((e) => [e.type, e.subject.id, e.data.reason])).toEqual([
      ['person.disabled', w.user.id, 'offboarded'],
      ['badge.revoked', w.user.id, 'offboarded'],
      ['badge.revoked', w.user.id, 'offboarded'],
    ]);
    expect(events.slice(1).map((e) => (e.data.badge as { kind: string }).kind)).toEqual([
      'standard',
      'temporary',
    ]);
  });
});

describe('offboarding, twice at once', () => {
  test('both requests prepare the events, but only the offboarding that applies stores them', async () => {
    const w = await worker();
    await startWatching();
    const answers = await Promise.all([
      h.request('POST', `/api/admin/users/${w.user.id}/offboard`),
      h.request('POST', `/api/admin/users/${w.user.id}/offboard`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const events = await sent();
    expect(events.map((e) => e.type)).toEqual(['person.disabled', 'badge.revoked']);
  });
});

describe('an event is stored with its change, or not at all', () => {
  test('when the audit entry cannot be written, neither is its event', async () => {
    const deps = h.runtime.deps;
    const hook = deps.onAudited!;
    const user = await createUser(h);
    await startWatching();
    // The change's events are queued, then a write in the same transaction fails.
    deps.onAudited = async (change, batch) => {
      await hook(change, batch);
      batch.push({ sql: 'INSERT INTO no_such_table VALUES (1)', args: [] });
    };
    try {
      const res = await h.request('PATCH', `/api/admin/users/${user.id}`, {
        body: { accountEnabled: false },
      });
      expect(res.status).toBe(500);
    } finally {
      deps.onAudited = hook;
    }
    expect(String(logged.pop())).toContain('no_such_table');
    expect(await sent()).toEqual([]);
    const audits = await queryRows(
      h,
      "SELECT id FROM audit_logs WHERE target_id = ? AND activity = 'user.updated'",
      [user.id],
    );
    expect(audits).toEqual([]);
  });
});

describe('badges', () => {
  test('issuing a badge and PIN: one badge.issued with the kind and expiry, no payload, code or PIN', async () => {
    const user = await createUser(h);
    await startWatching();
    const issued = await issueMethod(h, user.id);
    secrets.push(issued.standardQRCode.image.rawContent, issued.standardQRCode.shortCode, issued.pin.code);
    expect((await sent()).map((e) => ({ type: e.type, subject: e.subject, data: e.data }))).toEqual([
      {
        type: 'badge.issued',
        subject: { type: 'person', id: user.id },
        data: {
          person: personOf({ user }),
          badge: { kind: 'standard', expireDateTime: issued.standardQRCode.expireDateTime },
          issuedBy: expect.objectContaining({ type: 'apiToken' }),
        },
      },
    ]);
  });

  test('a temporary badge: badge.issued of kind temporary; a refused second one sends nothing', async () => {
    const w = await worker();
    await startWatching();
    const path = `/api/admin/users/${w.user.id}/qr-code-pin-method/temporary-qr-code`;
    expect((await h.request('PUT', path, { body: {} })).status).toBe(201);
    expect((await h.request('PUT', path, { body: {} })).status).toBe(409);
    const events = await sent();
    expect(events.map((e) => [e.type, (e.data.badge as { kind: string }).kind])).toEqual([
      ['badge.issued', 'temporary'],
    ]);
  });

  test('deleting a badge: one badge.revoked; deleting the method revokes what still worked', async () => {
    const w = await worker();
    const base = `/api/admin/users/${w.user.id}/qr-code-pin-method`;
    await h.request('PUT', `${base}/temporary-qr-code`, { body: {} });
    await startWatching();
    expect((await h.request('DELETE', `${base}/standard-qr-code`)).status).toBe(204);
    expect((await h.request('DELETE', `${base}/standard-qr-code`)).status).toBe(404);
    expect((await h.request('DELETE', base)).status).toBe(204);
    const events = await sent();
    expect(events.map((e) => [e.type, e.data.reason, (e.data.badge as { kind: string }).kind])).toEqual([
      ['badge.revoked', 'codeDeleted', 'standard'],
      ['badge.revoked', 'methodDeleted', 'temporary'],
    ]);
    expect(events[0]!.data.badge).toEqual({
      kind: 'standard',
      expireDateTime: w.issued.standardQRCode.expireDateTime,
    });
  });

  test("a store's badge sheet: one badge.issued per person given a badge", async () => {
    const store = await addGroup(h);
    const a = await createUser(h, { groupIds: [store.id] });
    const b = await createUser(h, { groupIds: [store.id] });
    await startWatching();
    const res = await h.request('POST', `/api/admin/groups/${store.id}/badges`, { body: {} });
    expect(res.status, await res.clone().text()).toBe(200);
    const people = (await sent()).filter((e) => e.type === 'badge.issued').map((e) => e.subject.id);
    expect(people.sort()).toEqual([a.id, b.id].sort());
  });

  test('a badge expiring within 7 days is announced once by the sweep; one expiring later waits', async () => {
    const soon = await createUser(h);
    const later = await createUser(h);
    const now = h.clock.now().getTime();
    const day = 24 * 3600 * 1000;
    await issueMethod(h, soon.id, {
      standardQRCode: { expireDateTime: new Date(now + 3 * day).toISOString() },
    });
    await issueMethod(h, later.id, {
      standardQRCode: { expireDateTime: new Date(now + 20 * day).toISOString() },
    });
    await startWatching();
    await h.runtime.retention.tick();
    await h.runtime.retention.tick();
    let events = (await sent()).filter((e) => e.type === 'badge.expiringSoon');
    expect(events.map((e) => [e.subject.id, e.data.daysLeft])).toEqual([[soon.id, 3]]);
    h.clock.advanceSeconds(14 * 24 * 3600);
    await startWatching();
    await h.runtime.retention.tick();
    events = (await sent()).filter((e) => e.type === 'badge.expiringSoon');
    expect(events.map((e) => [e.subject.id, e.data.daysLeft])).toEqual([[later.id, 6]]);
  });
});

describe('lockouts', () => {
  test('a badge that locks: one lockout.locked, however many attempts follow while locked', async () => {
    const store = await addGroup(h);
    const w = await worker({ groupIds: [store.id] });
    await startWatching();
    await lockOut(w, '198.51.100.1');
    expect(await wrongPin(w, '198.51.100.1')).toBe(423);
    expect(await wrongPin(w, '198.51.100.1')).toBe(423);
    const events = await sent();
    expect(events.map((e) => e.type)).toEqual(['lockout.locked']);
    expect(events[0]!.subject).toEqual({ type: 'person', id: w.user.id });
    expect(events[0]!.data).toEqual({
      person: personOf(w),
      stores: [{ id: store.id, displayName: store.displayName }],
      device: null,
      lockedUntil: new Date(h.clock.now().getTime() + 60_000).toISOString(),
    });
  });

  test('a signed-in worker locking their badge with wrong current PINs: one lockout.locked', async () => {
    const w = await worker();
    const { cookie } = await signIn(h, w.qr, w.pin);
    await startWatching();
    for (let i = 0; i < THRESHOLD; i += 1) {
      await h.request('POST', '/api/auth/qr-pin/change-pin', {
        body: { currentPin: '00000001', newPin: '82614075' },
        token: null,
        cookie,
      });
    }
    expect((await sent()).map((e) => [e.type, e.subject.id])).toEqual([['lockout.locked', w.user.id]]);
  });

  test('locks on an enrolled kiosk count for the kiosk’s store and name the kiosk', async () => {
    const store = await addGroup(h);
    const other = await addGroup(h);
    const device = await enrolDevice(h, { groupId: store.id, displayName: 'Till 3' });
    const w = await worker({ groupIds: [other.id] });
    await startWatching();
    for (let i = 0; i < THRESHOLD; i += 1) await signInOnDevice(h, device, { qr: w.qr }, '99999999');
    const [event] = (await sent()).filter((e) => e.type === 'lockout.locked');
    expect(event!.data).toMatchObject({
      stores: [{ id: store.id }],
      device: { id: device.id, displayName: 'Till 3', store: { id: store.id } },
    });
  });

  test('five locks in one store within ten minutes: one lockout.burst, not one per further lock', async () => {
    const store = await addGroup(h);
    const people = [];
    for (let i = 0; i < 6; i += 1) people.push(await worker({ groupIds: [store.id] }));
    await startWatching();
    for (const [i, w] of people.entries()) {
      await lockOut(w, `198.51.100.${10 + i}`);
      h.clock.advanceSeconds(60);
    }
    const bursts = (await sent()).filter((e) => e.type === 'lockout.burst');
    expect(bursts).toHaveLength(1);
    expect(bursts[0]!.subject).toEqual({ type: 'store', id: store.id });
    expect(bursts[0]!.data).toMatchObject({
      store: { id: store.id, displayName: store.displayName },
      lockCount: 5,
      windowMinutes: 10,
      threshold: 5,
    });
  });

  test('five locks spread over stores, or over more than ten minutes, raise no burst', async () => {
    const stores = [];
    for (let i = 0; i < 5; i += 1) stores.push(await addGroup(h));
    const spread = await addGroup(h);
    await startWatching();
    for (const [i, store] of stores.entries()) {
      await lockOut(await worker({ groupIds: [store.id] }), `198.51.100.${30 + i}`);
    }
    for (let i = 0; i < 5; i += 1) {
      await lockOut(await worker({ groupIds: [spread.id] }), `198.51.100.${40 + i}`);
      h.clock.advanceSeconds(3 * 60);
    }
    const events = await sent();
    expect(events.filter((e) => e.type === 'lockout.locked')).toHaveLength(10);
    expect(events.filter((e) => e.type === 'lockout.burst')).toEqual([]);
  });
});

describe('devices', () => {
  test('enrolled, suspended, non-compliant and revoked: one event each, about the device', async () => {
    const store = await addGroup(h, 'Harbour Road');
    await startWatching();
    const device = await enrolDevice(h, { groupId: store.id, displayName: 'Door phone' });
    const admin = `/api/admin/devices/${device.id}`;
    expect((await h.request('PATCH', admin, { body: { displayName: 'Front door phone' } })).status).toBe(200);
    expect((await h.request('PATCH', admin, { body: { status: 'suspended' } })).status).toBe(200);
    const report = { compliant: false, reasons: ['disk not encrypted'], source: 'Intune' };
    expect((await h.request('POST', `${admin}/compliance`, { body: report })).status).toBe(200);
    expect((await h.request('POST', `${admin}/compliance`, { body: report })).status).toBe(200);
    expect((await h.request('POST', `${admin}/revoke`)).status).toBe(200);
    expect((await h.request('POST', `${admin}/revoke`)).status).toBe(409);
    const events = await sent();
    expect(events.map((e) => e.type)).toEqual([
      'device.enrolled',
      'device.suspended',
      'device.nonCompliant',
      'device.revoked',
    ]);
    for (const event of events) expect(event.subject).toEqual({ type: 'device', id: device.id });
    expect(events[0]!.data.device).toEqual({
      id: device.id,
      displayName: 'Door phone',
      store: { id: store.id, displayName: 'Harbour Road' },
    });
    expect(events[2]!.data).toMatchObject({
      reasons: ['disk not encrypted'],
      detectedBy: 'complianceReport',
    });
    expect(events[3]!.data).toMatchObject({ via: 'console', device: { displayName: 'Front door phone' } });
  });
});

describe('kiosks found non-compliant at their requests', () => {
  test('an old app version: one device.nonCompliant, again only a day later while it stays so', async () => {
    const store = await addGroup(h);
    const device = await enrolDevice(h, { groupId: store.id, displayName: 'Old till' });
    const w = await worker({ groupIds: [store.id] });
    await startWatching();
    const old = { appVersion: '0.0.9' };
    await signInOnDevice(h, device, { qr: w.qr }, w.pin, { binding: await deviceBinding(h, device, old) });
    await signInOnDevice(h, device, { qr: w.qr }, w.pin, { binding: await deviceBinding(h, device, old) });
    const found = (await sent()).filter((e) => e.type === 'device.nonCompliant');
    expect(found).toHaveLength(1);
    expect(found[0]!.subject).toEqual({ type: 'device', id: device.id });
    expect(found[0]!.data).toEqual({
      device: {
        id: device.id,
        displayName: 'Old till',
        store: { id: store.id, displayName: store.displayName },
      },
      reasons: ['app version 0.0.9 is older than 0.1.0'],
      detectedBy: 'signIn',
    });
    h.clock.advanceSeconds(25 * 3600);
    await h.runtime.retention.tick();
    await startWatching();
    await refreshRequest(h, device, { appVersion: '0.0.9' });
    expect((await sent()).filter((e) => e.type === 'device.nonCompliant')).toHaveLength(1);
  });

  test("an MDM's report is the kiosk's report: its next requests send no second one", async () => {
    const store = await addGroup(h);
    const device = await enrolDevice(h, { groupId: store.id });
    await startWatching();
    const report = { compliant: false, reasons: ['jailbroken'], source: 'MDM' };
    expect(
      (await h.request('POST', `/api/admin/devices/${device.id}/compliance`, { body: report })).status,
    ).toBe(200);
    await refreshRequest(h, device);
    const found = (await sent()).filter((e) => e.type === 'device.nonCompliant');
    expect(found.map((e) => e.data.detectedBy)).toEqual(['complianceReport']);
  });
});

describe('policies', () => {
  test('each policy change: one policy.changed naming the policy; a refused change sends nothing', async () => {
    await startWatching();
    const sessions = '/api/admin/policies/sessions';
    expect((await h.request('PATCH', sessions, { body: { idleTimeoutInMinutes: 30 } })).status).toBe(200);
    expect((await h.request('PATCH', sessions, { body: { idleTimeoutInMinutes: -1 } })).status).toBe(400);
    const location = await h.request('POST', '/api/admin/conditional-access/named-locations', {
      body: { displayName: 'Head office', cidrs: ['192.0.2.0/24'] },
    });
    expect(location.status, await location.clone().text()).toBe(201);
    const { id } = (await location.json()) as { id: string };
    const events = await sent();
    expect(events.map((e) => [e.type, e.subject])).toEqual([
      ['policy.changed', { type: 'policy', id: 'sessions' }],
      ['policy.changed', { type: 'policy', id }],
    ]);
    expect(events[1]!.data.policy).toMatchObject({
      name: 'namedLocation',
      id,
      displayName: 'Head office',
      change: 'created',
    });
  });
});

describe('what events never carry', () => {
  test('no badge payload, badge secret, short code or PIN in any event queued by this file', async () => {
    const rows = await queryRows(h, 'SELECT body FROM webhook_deliveries');
    expect(rows.length).toBeGreaterThan(20);
    const everything = rows.map((row) => row.body as string).join('\n');
    const shortCodes = secrets.flatMap((s) =>
      /^[A-Z0-9]{5}-[A-Z0-9]{5}$/.test(s) ? [s, s.replace('-', '')] : [],
    );
    for (const secret of [...secrets, ...shortCodes]) expect(everything).not.toContain(secret);
  });
});
