/**
 * Step-up by a manager for a store app ("the cash office app needs a manager"): a policy that names
 * only the app leaves the worker's kiosk sign-in alone, and the app's sign-in answers
 * SECOND_FACTOR_REQUIRED with a co-sign challenge bound to the worker's kiosk session. A manager of the
 * worker's store co-signs it on that phone: the same session is stepped up (no new cookie), the app's
 * sign-in then completes and the app gets its code, and its sign-in log row names the manager.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type * as client from 'openid-client';
import type { PolicyView } from '../../server/contracts/conditional-access.js';
import type { SignInLogView } from '../../server/contracts/logs.js';
import type { StepUpOffer } from '../../server/contracts/step-up.js';
import type { AppRow } from '../../server/features/apps/apps-repository.js';
import {
  addGroup,
  createWorker,
  readError,
  readJson,
  signedInUser,
  type Worker,
} from '../support/api-harness.js';
import {
  browse,
  CookieJar,
  discoverAs,
  kioskLogin,
  redeem,
  registerApp,
  startAuthorization,
  startOidcServer,
} from '../support/oidc-harness.js';

type Server = Awaited<ReturnType<typeof startOidcServer>>;

let s: Server;
let cashOffice: { app: AppRow; config: client.Configuration };
let store: { id: string };
let manager: Worker;
let policy: PolicyView;

beforeAll(async () => {
  s = await startOidcServer();
  const { app, secret } = await registerApp(s.h, { displayName: 'Cash office' });
  cashOffice = { app, config: await discoverAs(s.issuer, app, secret) };
  store = await addGroup(s.h, 'Porto store');
  manager = await createWorker(s.h, {
    user: { displayName: 'Maria Lopes', role: 'manager', groupIds: [store.id] },
  });
  const res = await s.h.request('POST', '/api/admin/conditional-access/policies', {
    body: {
      displayName: 'Cash office needs a manager',
      state: 'enabled',
      grant: 'requireSecondFactor',
      conditions: { apps: { include: [app.id] } },
    },
  });
  policy = await readJson<PolicyView>(res);
});
afterAll(async () => {
  await s.h.request('DELETE', `/api/admin/conditional-access/policies/${policy.id}`);
  await s.close();
});

/** A signed-in worker asks for the cash office app: its refusal, and the interaction left waiting. */
async function appRefused(worker: Worker & { cookie: string }) {
  const jar = new CookieJar();
  const started = await startAuthorization(cashOffice.config, jar, s.origin);
  const uid = started.landing.searchParams.get('oidc')!;
  const res = await kioskLogin(s.origin, uid, worker.cookie);
  expect(res.status).toBe(403);
  const { error } = await readError(res);
  expect(error.code).toBe('SECOND_FACTOR_REQUIRED');
  return { jar, started, uid, offer: error.stepUp as StepUpOffer };
}

function coSign(challenge: string, cookie: string | undefined, by: Worker = manager) {
  return fetch(`${s.origin}/api/auth/qr-pin/co-sign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: s.origin, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ challenge, qr: by.qr, pin: by.pin }),
  });
}

describe('a store app that needs a manager', () => {
  test('the manager co-signs the worker’s kiosk session; the app then gets its code, and its row names the manager', async () => {
    const worker = await signedInUser(s.h, { displayName: 'Ana Costa', groupIds: [store.id] });
    const { jar, started, uid, offer } = await appRefused(worker);
    expect(offer).toMatchObject({ expiresInSeconds: 300, displayName: 'Ana Costa', mustChangePin: false });

    const res = await coSign(offer.challenge, worker.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await res.json()).toEqual({
      user: { id: worker.user.id, displayName: 'Ana Costa', role: 'worker' },
      mustChangePin: false,
    });

    const login = await kioskLogin(s.origin, uid, worker.cookie);
    expect(login.status).toBe(200);
    const { returnTo } = (await login.json()) as { returnTo: string };
    const { url: callback } = await browse(jar, s.origin, returnTo);
    const tokens = await redeem(cashOffice.config, { ...started, callback });
    expect(tokens.claims()!.sub).toBe(worker.user.id);

    const logs = await s.h.request('GET', `/api/admin/sign-in-logs?userId=${worker.user.id}`);
    const rows = (await readJson<{ value: SignInLogView[] }>(logs)).value.filter(
      (row) => row.authMethod === 'sso',
    );
    expect(rows.find((row) => row.result === 'success')).toMatchObject({
      details: { stepUp: { coSignedBy: { id: manager.user.id, displayName: 'Maria Lopes' } } },
    });
    expect(rows.find((row) => row.result === 'failure')).toMatchObject({
      failureCode: 'SECOND_FACTOR_REQUIRED',
    });
  });

  test('the challenge is for that kiosk session only: from another browser it is refused', async () => {
    const worker = await signedInUser(s.h, { groupIds: [store.id] });
    const other = await signedInUser(s.h, { groupIds: [store.id] });
    const { offer } = await appRefused(worker);
    const res = await coSign(offer.challenge, other.cookie);
    expect(res.status).toBe(410);
    expect((await readError(res)).error.code).toBe('STEP_UP_CHALLENGE_EXPIRED');
    const anonymous = await coSign(offer.challenge, undefined);
    expect(anonymous.status).toBe(410);
  });

  test('a manager of another store cannot step the session up', async () => {
    const worker = await signedInUser(s.h, { groupIds: [store.id] });
    const elsewhere = await addGroup(s.h, 'Braga store');
    const otherManager = await createWorker(s.h, { user: { role: 'manager', groupIds: [elsewhere.id] } });
    const { offer, uid } = await appRefused(worker);
    const res = await coSign(offer.challenge, worker.cookie, otherManager);
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('APPROVER_NOT_OF_STORE');
    // Still refused: nobody confirmed this session.
    expect((await kioskLogin(s.origin, uid, worker.cookie)).status).toBe(403);
  });
});
