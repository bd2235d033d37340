/**
 * "Forgot PIN?" with a manager: the kiosk opens a request for the worker's badge; a manager of the
 * worker's store approves on the phone (badge + PIN) or in the console within 10 minutes; the worker
 * chooses a new PIN, which clears the lockout; each refusal has its own code and is logged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSession } from '../../server/features/sessions/sessions.js';
import {
  addGroup,
  createUser,
  createWorker,
  queryRows,
  readError,
  readJson,
  signIn,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';

const NEW_PIN = '82614075';
const MANAGER_PIN = '50391728';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Every test gets its own address, so the per-client sign-in budget of one never touches another. */
let addressCounter = 10;
const nextAddress = () => `10.0.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

interface Opened {
  requestId: string;
  requestSecret: string;
  expiresDateTime: string;
}

async function storeWithPeople() {
  const store = await addGroup(h);
  const other = await addGroup(h);
  const worker = await createWorker(h, { user: { groupIds: [store.id] } });
  const manager = await createWorker(h, {
    user: { role: 'manager', groupIds: [store.id], displayName: `Maria Manager ${store.id.slice(0, 4)}` },
    method: { pin: { code: MANAGER_PIN } },
  });
  const otherManager = await createWorker(h, {
    user: { role: 'manager', groupIds: [other.id] },
    method: { pin: { code: MANAGER_PIN } },
  });
  return { store, other, worker, manager, otherManager, address: nextAddress() };
}

const open = (body: unknown, clientAddress: string) =>
  h.request('POST', '/api/auth/qr-pin/forgot-pin', { body, token: null, clientAddress });

async function opened(worker: Worker, clientAddress: string): Promise<Opened> {
  const res = await open({ qr: worker.qr }, clientAddress);
  expect(res.status).toBe(201);
  return readJson<Opened>(res);
}

const approve = (request: Opened, manager: { qr: string }, pin: string, clientAddress: string) =>
  h.request('POST', '/api/auth/qr-pin/forgot-pin/approve', {
    body: { requestId: request.requestId, requestSecret: request.requestSecret, qr: manager.qr, pin },
    token: null,
    clientAddress,
  });

const newPin = (request: Opened, pin: string, clientAddress: string) =>
  h.request('POST', '/api/auth/qr-pin/forgot-pin/new-pin', {
    body: { requestId: request.requestId, requestSecret: request.requestSecret, newPin: pin },
    token: null,
    clientAddress,
  });

const status = async (request: Opened) =>
  readJson<{ status: string; approvedBy: { displayName: string } | null }>(
    await h.request('POST', '/api/auth/qr-pin/forgot-pin/status', {
      body: { requestId: request.requestId, requestSecret: request.requestSecret },
      token: null,
    }),
  );

async function consoleCookie(userId: string): Promise<string> {
  const { token } = await createSession(h.runtime.deps, {
    userId,
    kind: 'console',
    authMethod: 'password',
    mustChangePin: false,
    ipAddress: '127.0.0.1',
    userAgent: 'vitest',
    reauthenticatedAt: h.clock.now(),
  });
  return `__Host-shiftpass_session=${token}`;
}

const auditOf = (activity: string, targetId: string) =>
  queryRows(h, 'SELECT actor_id, details FROM audit_logs WHERE activity = ? AND target_id = ?', [
    activity,
    targetId,
  ]);

const failuresWith = (code: string) =>
  queryRows(h, 'SELECT user_id, details FROM sign_in_logs WHERE failure_code = ?', [code]);

const errorOf = async (res: Response) => (await readError(res)).error;

describe('approved on the phone by a manager of the worker’s store', () => {
  test('the worker chooses a new PIN, signs in with it, and the audit log says who approved where', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    expect(request.requestSecret.length).toBeGreaterThanOrEqual(40);
    expect(new Date(request.expiresDateTime).getTime() - h.clock.now().getTime()).toBe(10 * 60 * 1000);

    // Not approved yet: no new PIN.
    expect((await errorOf(await newPin(request, NEW_PIN, address))).code).toBe('PIN_RESET_NOT_APPROVED');

    const res = await approve(request, manager, MANAGER_PIN, address);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ approvedBy: { displayName: manager.user.displayName } });
    expect(await status(request)).toMatchObject({
      status: 'approved',
      approvedBy: { displayName: manager.user.displayName },
    });

    expect((await newPin(request, NEW_PIN, address)).status).toBe(204);
    const signedIn = await signIn(h, worker.qr, NEW_PIN);
    expect(signedIn.res.status).toBe(200);
    expect(await signedIn.res.json()).toMatchObject({ mustChangePin: false });
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(401);

    const [approval] = await auditOf('pin.resetApproved', worker.user.id);
    expect(approval!.actor_id).toBe(manager.user.id);
    expect(JSON.parse(approval!.details as string)).toMatchObject({
      via: 'kiosk',
      approvedBy: manager.user.displayName,
      requestId: request.requestId,
    });
    const [reset] = await auditOf('pin.resetWithManager', worker.user.id);
    expect(JSON.parse(reset!.details as string)).toMatchObject({
      via: 'kiosk',
      approvedBy: manager.user.displayName,
      approvedByUserId: manager.user.id,
    });
    // Neither the PIN nor the badge text is stored anywhere in the logs.
    const everything = JSON.stringify([
      ...(await queryRows(h, 'SELECT details FROM audit_logs')),
      ...(await queryRows(h, 'SELECT details FROM sign_in_logs')),
    ]);
    for (const secret of [NEW_PIN, MANAGER_PIN, worker.qr, manager.qr, request.requestSecret]) {
      expect(everything).not.toContain(secret);
    }
  });

  test('the lockout is cleared only when the new PIN is set', async () => {
    const { worker, manager, address } = await storeWithPeople();
    await h.runtime.database.client.execute({
      sql: 'UPDATE qr_pin_methods SET consecutive_failures = 50, locked_until = ? WHERE user_id = ?',
      args: [h.clock.now().getTime() + 60 * 60 * 1000, worker.user.id],
    });
    const locked = async () =>
      (
        await queryRows(h, 'SELECT consecutive_failures FROM qr_pin_methods WHERE user_id = ?', [
          worker.user.id,
        ])
      )[0]!.consecutive_failures;
    const request = await opened(worker, address);
    expect(await locked()).toBe(50);
    expect((await approve(request, manager, MANAGER_PIN, address)).status).toBe(200);
    // Approved but no new PIN yet: still locked, even with the right PIN.
    expect(await locked()).toBe(50);
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(423);
    // A new PIN that breaks a rule changes nothing either.
    const weak = await newPin(request, '12345678', address);
    expect(await errorOf(weak)).toMatchObject({ code: 'PIN_POLICY_VIOLATION', rule: 'sequential_digits' });
    expect(await locked()).toBe(50);
    expect((await newPin(request, NEW_PIN, address)).status).toBe(204);
    expect(await locked()).toBe(0);
    expect((await signIn(h, worker.qr, NEW_PIN)).res.status).toBe(200);
  });

  test('a worker’s other sessions end when the PIN is reset', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const before = await signIn(h, worker.qr, worker.pin);
    expect(before.res.status).toBe(200);
    const request = await opened(worker, address);
    await approve(request, manager, MANAGER_PIN, address);
    await newPin(request, NEW_PIN, address);
    const session = await h.request('GET', '/api/auth/session', { token: null, cookie: before.cookie });
    expect(session.status).toBe(401);
  });
});

describe('refusals, each with its own code, logged', () => {
  test('a manager of another store: 403 APPROVER_NOT_OF_STORE, in the sign-in log; the request stays open', async () => {
    const { worker, manager, otherManager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    const res = await approve(request, otherManager, MANAGER_PIN, address);
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual({ code: 'APPROVER_NOT_OF_STORE', message: expect.any(String) });
    const logged = (await failuresWith('APPROVER_NOT_OF_STORE')).filter(
      (row) => row.user_id === otherManager.user.id,
    );
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!.details as string)).toMatchObject({ purpose: 'forgotPinApproval' });
    expect(await status(request)).toMatchObject({ status: 'pending' });
    // The right manager still can.
    expect((await approve(request, manager, MANAGER_PIN, address)).status).toBe(200);
  });

  test('another worker of the store: 403 APPROVER_NOT_A_MANAGER', async () => {
    const { store, worker, address } = await storeWithPeople();
    const colleague = await createWorker(h, {
      user: { groupIds: [store.id] },
      method: { pin: { code: MANAGER_PIN } },
    });
    const request = await opened(worker, address);
    const res = await approve(request, colleague, MANAGER_PIN, address);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('APPROVER_NOT_A_MANAGER');
  });

  test('the worker approving their own request: 403 APPROVER_IS_REQUESTER', async () => {
    const { worker, address } = await storeWithPeople();
    const request = await opened(worker, address);
    const res = await approve(request, worker, worker.pin, address);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('APPROVER_IS_REQUESTER');
    expect((await failuresWith('APPROVER_IS_REQUESTER')).map((row) => row.user_id)).toContain(worker.user.id);
  });

  test.each(['manager', 'admin'])(
    'a %s’s own badge asking: 403 PIN_RESET_NEEDS_ADMIN, logged',
    async (role) => {
      const store = await addGroup(h);
      const person = await createWorker(h, { user: { role, groupIds: [store.id] } });
      const res = await open({ qr: person.qr }, nextAddress());
      expect(res.status).toBe(403);
      const error = await errorOf(res);
      expect(error.code).toBe('PIN_RESET_NEEDS_ADMIN');
      expect(error.message).toMatch(/admin/i);
      expect((await failuresWith('PIN_RESET_NEEDS_ADMIN')).map((row) => row.user_id)).toContain(
        person.user.id,
      );
    },
  );

  test('a replayed approval and a reused request: 409 PIN_RESET_REQUEST_USED; a wrong secret: 401', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    expect((await approve(request, manager, MANAGER_PIN, address)).status).toBe(200);
    const again = await approve(request, manager, MANAGER_PIN, address);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('PIN_RESET_REQUEST_USED');
    expect((await newPin(request, NEW_PIN, address)).status).toBe(204);
    const reused = await newPin(request, '93715804', address);
    expect(reused.status).toBe(409);
    expect((await errorOf(reused)).code).toBe('PIN_RESET_REQUEST_USED');
    expect((await signIn(h, worker.qr, NEW_PIN)).res.status).toBe(200);

    const forged = await approve(
      { ...request, requestSecret: 'x'.repeat(43) },
      manager,
      MANAGER_PIN,
      address,
    );
    expect(forged.status).toBe(401);
    expect((await errorOf(forged)).code).toBe('PIN_RESET_REQUEST_INVALID');
    expect((await failuresWith('PIN_RESET_REQUEST_USED')).length).toBeGreaterThanOrEqual(2);
  });

  test('an approval after 10 minutes: 410 PIN_RESET_REQUEST_EXPIRED, on the phone and in the console', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    h.clock.advanceSeconds(10 * 60);
    const late = await approve(request, manager, MANAGER_PIN, address);
    expect(late.status).toBe(410);
    expect((await errorOf(late)).code).toBe('PIN_RESET_REQUEST_EXPIRED');
    const cookie = await consoleCookie(manager.user.id);
    const fromConsole = await h.request(
      'POST',
      `/api/admin/users/${worker.user.id}/pin-reset-requests/${request.requestId}/approve`,
      { token: null, cookie },
    );
    expect(fromConsole.status).toBe(410);
    expect((await errorOf(fromConsole)).code).toBe('PIN_RESET_REQUEST_EXPIRED');
    expect(await auditOf('pin.resetApprovalRefused', worker.user.id)).toHaveLength(1);
    expect(await status(request)).toMatchObject({ status: 'expired' });
  });

  test('unknown, forged and disabled badges: the same 401 QR_CODE_NOT_RECOGNIZED as a bad sign-in', async () => {
    const { worker, address } = await storeWithPeople();
    const disabled = await createWorker(h);
    await h.request('PATCH', `/api/admin/users/${disabled.user.id}`, { body: { accountEnabled: false } });
    const [prefix] = worker.qr.split(/:(?=[^:]*$)/);
    const forged = `${prefix}:${'A'.repeat(worker.qr.length - prefix!.length - 1)}`;
    const bodies = [
      { qr: 'SP1:NOPE:ABCDEFGHJKMNPQRS:ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
      { qr: 'not a badge' },
      { qr: forged },
      { qr: disabled.qr },
    ];
    const signInAnswer = await errorOf(await signIn(h, 'not a badge', '11111111').then((r) => r.res));
    for (const body of bodies) {
      const res = await open(body, address);
      expect(res.status, JSON.stringify(body)).toBe(401);
      expect(await errorOf(res)).toEqual(signInAnswer);
    }
  });

  test('the manager’s wrong PIN counts toward the manager’s own lockout, as at sign-in', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    const res = await approve(request, manager, '11112222', address);
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({
      code: 'PIN_INCORRECT',
      remainingAttempts: expect.any(Number),
    });
    const [counters] = await queryRows(
      h,
      'SELECT consecutive_failures FROM qr_pin_methods WHERE user_id = ?',
      [manager.user.id],
    );
    expect(counters!.consecutive_failures).toBe(1);
    const [workerCounters] = await queryRows(
      h,
      'SELECT consecutive_failures FROM qr_pin_methods WHERE user_id = ?',
      [worker.user.id],
    );
    expect(workerCounters!.consecutive_failures).toBe(0);
    // The right PIN afterwards resets the manager's counters, as a sign-in does.
    expect((await approve(request, manager, MANAGER_PIN, address)).status).toBe(200);
    const [after] = await queryRows(h, 'SELECT consecutive_failures FROM qr_pin_methods WHERE user_id = ?', [
      manager.user.id,
    ]);
    expect(after!.consecutive_failures).toBe(0);
  });
});

describe('rate limits', () => {
  test('per badge: the 4th request within the hour is 429 with retryAfterSeconds', async () => {
    const { worker, address } = await storeWithPeople();
    for (let i = 0; i < 3; i += 1) await opened(worker, address);
    const res = await open({ qr: worker.qr }, address);
    expect(res.status).toBe(429);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'PIN_RESET_TOO_MANY_REQUESTS', retryAfterSeconds: 3600 });
    h.clock.advanceSeconds(3600);
    expect((await open({ qr: worker.qr }, address)).status).toBe(201);
  });

  test('per manager: the 11th approval within the hour is 429 with retryAfterSeconds', async () => {
    const { store, manager, address } = await storeWithPeople();
    for (let i = 0; i < 10; i += 1) {
      const worker = await createWorker(h, { user: { groupIds: [store.id] } });
      const request = await opened(worker, address);
      expect((await approve(request, manager, MANAGER_PIN, address)).status).toBe(200);
    }
    const last = await createWorker(h, { user: { groupIds: [store.id] } });
    const request = await opened(last, address);
    const res = await approve(request, manager, MANAGER_PIN, address);
    expect(res.status).toBe(429);
    expect(await errorOf(res)).toMatchObject({
      code: 'APPROVALS_TOO_MANY',
      retryAfterSeconds: expect.any(Number),
    });
    // The console counts the same approvals.
    const cookie = await consoleCookie(manager.user.id);
    const fromConsole = await h.request(
      'POST',
      `/api/admin/users/${last.user.id}/pin-reset-requests/${request.requestId}/approve`,
      { token: null, cookie },
    );
    expect(fromConsole.status).toBe(429);
  });
});

describe('from the console', () => {
  test('a manager of the store sees the request, approves it, and the kiosk learns it by polling', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    const cookie = await consoleCookie(manager.user.id);
    const list = await h.request('GET', `/api/admin/users/${worker.user.id}/pin-reset-requests`, {
      token: null,
      cookie,
    });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({
      value: [
        {
          id: request.requestId,
          createdDateTime: h.clock.now().toISOString(),
          expiresDateTime: request.expiresDateTime,
          device: null,
        },
      ],
    });
    expect(await status(request)).toMatchObject({ status: 'pending', approvedBy: null });
    const res = await h.request(
      'POST',
      `/api/admin/users/${worker.user.id}/pin-reset-requests/${request.requestId}/approve`,
      { token: null, cookie },
    );
    expect(res.status).toBe(204);
    expect(await status(request)).toMatchObject({ status: 'approved' });
    expect((await newPin(request, NEW_PIN, address)).status).toBe(204);
    expect((await signIn(h, worker.qr, NEW_PIN)).res.status).toBe(200);
    const [approval] = await auditOf('pin.resetApproved', worker.user.id);
    expect(JSON.parse(approval!.details as string)).toMatchObject({
      via: 'console',
      approvedBy: manager.user.displayName,
    });
    // Approved requests are no longer listed.
    const after = await h.request('GET', `/api/admin/users/${worker.user.id}/pin-reset-requests`, {
      token: null,
      cookie,
    });
    expect(await after.json()).toEqual({ value: [] });
  });

  test('a manager of another store cannot see the person (404), an admin can approve', async () => {
    const { worker, otherManager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    const other = await consoleCookie(otherManager.user.id);
    const path = `/api/admin/users/${worker.user.id}/pin-reset-requests`;
    expect((await h.request('GET', path, { token: null, cookie: other })).status).toBe(404);
    expect(
      (await h.request('POST', `${path}/${request.requestId}/approve`, { token: null, cookie: other }))
        .status,
    ).toBe(404);
    const admin = await createUser(h, { role: 'admin' });
    const adminCookie = await consoleCookie(admin.id);
    expect(
      (await h.request('POST', `${path}/${request.requestId}/approve`, { token: null, cookie: adminCookie }))
        .status,
    ).toBe(204);
  });

  test('an API token cannot approve: 403', async () => {
    const { worker, address } = await storeWithPeople();
    const request = await opened(worker, address);
    const res = await h.request(
      'POST',
      `/api/admin/users/${worker.user.id}/pin-reset-requests/${request.requestId}/approve`,
    );
    expect(res.status).toBe(403);
  });

  test('declined: the kiosk is told, and no new PIN can be set', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    const cookie = await consoleCookie(manager.user.id);
    const res = await h.request(
      'POST',
      `/api/admin/users/${worker.user.id}/pin-reset-requests/${request.requestId}/decline`,
      { token: null, cookie },
    );
    expect(res.status).toBe(204);
    expect(await status(request)).toMatchObject({ status: 'declined' });
    expect((await errorOf(await newPin(request, NEW_PIN, address))).code).toBe('PIN_RESET_DECLINED');
    expect(await auditOf('pin.resetDeclined', worker.user.id)).toHaveLength(1);
  });
});

describe('abandoned on the kiosk', () => {
  test('Cancel closes the request: no approval or new PIN afterwards', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const request = await opened(worker, address);
    const cancel = await h.request('POST', '/api/auth/qr-pin/forgot-pin/cancel', {
      body: { requestId: request.requestId, requestSecret: request.requestSecret },
      token: null,
    });
    expect(cancel.status).toBe(204);
    expect((await errorOf(await approve(request, manager, MANAGER_PIN, address))).code).toBe(
      'PIN_RESET_REQUEST_USED',
    );
    expect(await status(request)).toMatchObject({ status: 'closed' });
  });

  test('a new request for the same badge ends the earlier one', async () => {
    const { worker, manager, address } = await storeWithPeople();
    const first = await opened(worker, address);
    const second = await opened(worker, address);
    expect((await errorOf(await approve(first, manager, MANAGER_PIN, address))).code).toBe(
      'PIN_RESET_REQUEST_USED',
    );
    expect((await approve(second, manager, MANAGER_PIN, address)).status).toBe(200);
  });
});
