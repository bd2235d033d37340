/**
 * Step-up by a manager: a conditional-access policy that requires a second factor is met at the kiosk
 * by a manager of one of the worker's stores co-signing on the same phone with their own badge + PIN
 * (POST /api/auth/qr-pin/co-sign). The worker's SECOND_FACTOR_REQUIRED answer carries a single-use,
 * five-minute challenge; the co-sign makes the worker's session as a sign-in does; each refusal has its
 * own code and a log row; the manager's wrong PINs count toward their own lockout; the sign-in log
 * names both people.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { PolicyView } from '../../server/contracts/conditional-access.js';
import type { StepUpOffer } from '../../server/contracts/step-up.js';
import {
  addGroup,
  createWorker,
  getSession,
  queryRows,
  readError,
  readJson,
  sessionCookieFrom,
  startHarness,
  tokenOfCookie,
  type Harness,
  type Worker,
} from '../support/api-harness.js';
import { deviceBinding, enrolDevice } from '../support/device.js';

const CA = '/api/admin/conditional-access';
const POLICY = '/api/admin/policies/qr-code-pin';
const WRONG_PIN = '40617395';

let h: Harness;
let store: { id: string };
let otherStore: { id: string };
let worker: Worker;
let manager: Worker;
let otherManager: Worker;
let otherWorker: Worker;

beforeAll(async () => {
  h = await startHarness();
  store = await addGroup(h, 'Porto store');
  otherStore = await addGroup(h, 'Braga store');
  worker = await createWorker(h, { user: { displayName: 'Ana Costa', groupIds: [store.id] } });
  manager = await createWorker(h, {
    user: { displayName: 'Maria Lopes', role: 'manager', groupIds: [store.id] },
  });
  otherManager = await createWorker(h, {
    user: { displayName: 'Rui Braga', role: 'manager', groupIds: [otherStore.id] },
  });
  otherWorker = await createWorker(h, { user: { displayName: 'Tiago Silva', groupIds: [store.id] } });
  await addPolicy({
    displayName: 'Cash office needs a manager',
    state: 'enabled',
    grant: 'requireSecondFactor',
    conditions: { roles: { include: ['worker'] } },
  });
});
afterAll(() => h.close());

let addressCounter = 0;
/** A network address no other attempt in this file uses, so the per-client budget never answers. */
const freshAddress = () => {
  addressCounter += 1;
  return `10.7.${addressCounter >> 8}.${addressCounter & 255}`;
};

async function addPolicy(body: Record<string, unknown>): Promise<PolicyView> {
  const res = await h.request('POST', `${CA}/policies`, { body });
  if (res.status !== 201) throw new Error(`addPolicy: ${res.status} ${await res.text()}`);
  return readJson<PolicyView>(res);
}

/** The worker's badge + PIN, refused for a second factor: the challenge it carries. */
async function challengeFor(who: Worker, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr: who.qr, pin: who.pin, ...extra },
    token: null,
    clientAddress: freshAddress(),
  });
  expect(res.status).toBe(403);
  const { error } = await readError(res);
  expect(error.code).toBe('SECOND_FACTOR_REQUIRED');
  const offer = error.stepUp as StepUpOffer;
  expect(offer.expiresInSeconds).toBe(300);
  return offer.challenge;
}

function coSign(challenge: string, by: Worker, pin = by.pin, extra: Record<string, unknown> = {}) {
  return h.request('POST', '/api/auth/qr-pin/co-sign', {
    body: { challenge, qr: by.qr, pin, ...extra },
    token: null,
    clientAddress: freshAddress(),
  });
}

async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect((await readError(res)).error.code).toBe(code);
  expect(res.headers.getSetCookie()).toEqual([]);
}

interface LogRow {
  userId: string | null;
  result: string;
  failureCode: string | null;
  details: Record<string, unknown>;
}

async function logRows(userId: string): Promise<LogRow[]> {
  const rows = await queryRows(
    h,
    'SELECT user_id, result, failure_code, details FROM sign_in_logs WHERE user_id = ? ORDER BY created_at DESC, rowid DESC',
    [userId],
  );
  return rows.map((row) => ({
    userId: (row.user_id as string | null) ?? null,
    result: String(row.result),
    failureCode: (row.failure_code as string | null) ?? null,
    details: JSON.parse(String(row.details)) as Record<string, unknown>,
  }));
}

afterEach(async () => {
  await h.request('PATCH', POLICY, { body: { lockout: { threshold: 10 } } });
});

describe('a manager of the worker’s store co-signs', () => {
  test('the worker is signed in with the same session a sign-in gives, and the challenge never shows in the log', async () => {
    const challenge = await challengeFor(worker);
    const res = await coSign(challenge, manager);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({
      user: { id: worker.user.id, displayName: 'Ana Costa', role: 'worker' },
      mustChangePin: true,
    });
    const cookie = sessionCookieFrom(res)!;
    const session = await readJson<{ user: { id: string }; mustChangePin: boolean }>(
      await getSession(h, cookie),
    );
    expect(session.user.id).toBe(worker.user.id);
    // A badge as issued still has to have its PIN changed, as after any first sign-in.
    expect(session.mustChangePin).toBe(true);
    const logText = JSON.stringify(await queryRows(h, 'SELECT details FROM sign_in_logs'));
    expect(logText).not.toContain(challenge);
  });

  test('the sign-in log has both rows: the worker’s naming the manager, the manager’s own check naming the worker', async () => {
    const challenge = await challengeFor(worker);
    expect((await coSign(challenge, manager)).status).toBe(200);
    const [signedIn, refused] = await logRows(worker.user.id);
    expect(refused).toMatchObject({ result: 'failure', failureCode: 'SECOND_FACTOR_REQUIRED' });
    const challengeId = (refused!.details.stepUp as { challengeId: string }).challengeId;
    expect(signedIn).toMatchObject({
      result: 'success',
      failureCode: null,
      details: {
        via: 'qr',
        stepUp: { challengeId, coSignedBy: { id: manager.user.id, displayName: 'Maria Lopes' } },
        conditionalAccess: { decision: 'requireSecondFactor' },
      },
    });
    const [check] = await logRows(manager.user.id);
    expect(check).toMatchObject({
      result: 'success',
      details: {
        purpose: 'stepUpApproval',
        stepUp: { challengeId, coSignFor: { id: worker.user.id, displayName: 'Ana Costa' } },
      },
    });
  });

  test('an admin may co-sign for any store', async () => {
    const admin = await createWorker(h, { user: { displayName: 'Ines Admin', role: 'admin' } });
    expect((await coSign(await challengeFor(worker), admin)).status).toBe(200);
  });
});

describe('the challenge', () => {
  test('is single use: a second co-sign with it is refused', async () => {
    const challenge = await challengeFor(worker);
    expect((await coSign(challenge, manager)).status).toBe(200);
    await expectRefused(await coSign(challenge, manager), 409, 'STEP_UP_CHALLENGE_USED');
  });

  test('two co-signs racing for one challenge make one session', async () => {
    const challenge = await challengeFor(worker);
    const results = await Promise.all([coSign(challenge, manager), coSign(challenge, manager)]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
  });

  test('expires after five minutes', async () => {
    const challenge = await challengeFor(worker);
    h.clock.advanceSeconds(301);
    await expectRefused(await coSign(challenge, manager), 410, 'STEP_UP_CHALLENGE_EXPIRED');
  });

  test('an unknown challenge is refused, after the manager’s check', async () => {
    await expectRefused(await coSign('not-a-challenge', manager), 404, 'STEP_UP_CHALLENGE_NOT_FOUND');
  });

  test('a badge replaced since the offer ends it', async () => {
    const replaced = await createWorker(h, { user: { groupIds: [store.id] } });
    const challenge = await challengeFor(replaced);
    await h.request('DELETE', `/api/admin/users/${replaced.user.id}/qr-code-pin-method`);
    await expectRefused(await coSign(challenge, manager), 410, 'STEP_UP_CHALLENGE_EXPIRED');
  });
});

describe('who may co-sign', () => {
  test('not the worker themselves', async () => {
    const self = await createWorker(h, { user: { role: 'manager', groupIds: [store.id] } });
    const res = await h.request('POST', `${CA}/policies`, {
      body: {
        displayName: 'Second factor for this manager',
        state: 'enabled',
        grant: 'requireSecondFactor',
        conditions: { users: { include: [self.user.id] } },
      },
    });
    const policy = await readJson<PolicyView>(res);
    const challenge = await challengeFor(self);
    await expectRefused(await coSign(challenge, self), 403, 'APPROVER_IS_REQUESTER');
    await h.request('DELETE', `${CA}/policies/${policy.id}`);
  });

  test('not a worker of the same store', async () => {
    const challenge = await challengeFor(worker);
    await expectRefused(await coSign(challenge, otherWorker), 403, 'APPROVER_NOT_A_MANAGER');
  });

  test('not a manager of another store, and the refusal is logged on the manager’s row', async () => {
    const challenge = await challengeFor(worker);
    await expectRefused(await coSign(challenge, otherManager), 403, 'APPROVER_NOT_OF_STORE');
    const [row] = await logRows(otherManager.user.id);
    expect(row).toMatchObject({
      result: 'failure',
      failureCode: 'APPROVER_NOT_OF_STORE',
      details: { purpose: 'stepUpApproval', stepUp: { coSignFor: { id: worker.user.id } } },
    });
    // The refusal left the challenge for the right manager.
    expect((await coSign(challenge, manager)).status).toBe(200);
  });

  test('an unknown badge is refused as at sign-in', async () => {
    const challenge = await challengeFor(worker);
    const res = await coSign(challenge, { ...manager, qr: manager.qr.slice(0, -4) + 'AAAA' });
    await expectRefused(res, 401, 'QR_CODE_NOT_RECOGNIZED');
  });
});

describe('the manager’s PIN', () => {
  test('wrong PINs count toward the manager’s own lockout, not the worker’s', async () => {
    await h.request('PATCH', POLICY, { body: { lockout: { threshold: 3 } } });
    const lockedManager = await createWorker(h, {
      user: { displayName: 'Locked Manager', role: 'manager', groupIds: [store.id] },
    });
    const challenge = await challengeFor(worker);
    const first = await coSign(challenge, lockedManager, WRONG_PIN);
    expect(first.status).toBe(401);
    expect(await readError(first)).toMatchObject({ error: { code: 'PIN_INCORRECT', remainingAttempts: 2 } });
    await coSign(challenge, lockedManager, WRONG_PIN);
    await expectRefused(await coSign(challenge, lockedManager, WRONG_PIN), 423, 'METHOD_LOCKED');
    // Locked: even the right PIN waits.
    await expectRefused(await coSign(challenge, lockedManager), 423, 'METHOD_LOCKED');
    const state = await h.request('GET', `/api/admin/users/${lockedManager.user.id}/qr-code-pin-method`);
    expect((await readJson<{ lockout: { isLocked: boolean } }>(state)).lockout.isLocked).toBe(true);
    const workerState = await h.request('GET', `/api/admin/users/${worker.user.id}/qr-code-pin-method`);
    expect((await readJson<{ lockout: { isLocked: boolean } }>(workerState)).lockout.isLocked).toBe(false);
    // Another manager can still confirm the same sign-in.
    expect((await coSign(challenge, manager)).status).toBe(200);
  });
});

describe('the policies at the moment of the co-sign', () => {
  test('a block rule saved meanwhile refuses the worker, on both rows', async () => {
    const challenge = await challengeFor(worker);
    const block = await addPolicy({
      displayName: 'Block Ana now',
      state: 'enabled',
      grant: 'block',
      conditions: { users: { include: [worker.user.id] } },
    });
    await expectRefused(await coSign(challenge, manager), 403, 'ACCESS_BLOCKED_BY_POLICY');
    const [row] = await logRows(worker.user.id);
    expect(row).toMatchObject({
      failureCode: 'ACCESS_BLOCKED_BY_POLICY',
      details: { stepUp: { coSignedBy: { id: manager.user.id } } },
    });
    await h.request('DELETE', `${CA}/policies/${block.id}`);
  });
});

describe('on an enrolled kiosk', () => {
  test('the challenge is confirmed on the same kiosk only, and the session is bound to it', async () => {
    const kiosk = await enrolDevice(h, { groupId: store.id, displayName: 'Cash office phone' });
    const otherKiosk = await enrolDevice(h, { groupId: store.id, displayName: 'Front till' });
    const challenge = await challengeFor(worker, { device: await deviceBinding(h, kiosk) });
    const url = '/api/auth/qr-pin/co-sign';
    await expectRefused(await coSign(challenge, manager), 403, 'STEP_UP_DEVICE_MISMATCH');
    await expectRefused(
      await coSign(challenge, manager, manager.pin, { device: await deviceBinding(h, otherKiosk, { url }) }),
      403,
      'STEP_UP_DEVICE_MISMATCH',
    );
    const res = await coSign(challenge, manager, manager.pin, {
      device: await deviceBinding(h, kiosk, { url }),
    });
    expect(res.status).toBe(200);
    const tokenHash = createHash('sha256')
      .update(tokenOfCookie(sessionCookieFrom(res)!))
      .digest('hex');
    const rows = await queryRows(h, 'SELECT user_id, device_id FROM sessions WHERE token_hash = ?', [
      tokenHash,
    ]);
    expect(rows[0]).toMatchObject({ user_id: worker.user.id, device_id: kiosk.id });
  });
});

describe('bad input', () => {
  test.each([
    ['no challenge', { qr: 'x', pin: '1234' }],
    ['no badge', { challenge: 'c', pin: '1234' }],
    ['both badge forms', { challenge: 'c', qr: 'x', shortCode: 'ABCDE-FGHJK', pin: '1234' }],
    ['an unknown field', { challenge: 'c', qr: 'x', pin: '1234', workerPin: '1' }],
  ])('%s is a 400', async (_name, body) => {
    const res = await h.request('POST', '/api/auth/qr-pin/co-sign', { body, token: null });
    expect(res.status).toBe(400);
    expect((await readError(res)).error.code).toBe('VALIDATION_FAILED');
  });
});
