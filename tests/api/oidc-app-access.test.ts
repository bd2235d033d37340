/**
 * Conditional access targeting store apps (issue 12, item 5: Entra's "target resources"): a policy
 * that names apps speaks only about sign-ins to those apps, evaluated with the facts of that moment,
 * both when the kiosk completes an app's sign-in and when a signed-in phone gets an app's code
 * silently; the worker's kiosk sign-in and other apps are untouched. Also the `device_id` claim.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as client from 'openid-client';
import { readError, readJson, signedInUser } from '../support/api-harness.js';
import {
  CookieJar,
  discoverAs,
  kioskLogin,
  redeem,
  registerApp,
  signInThroughKiosk,
  startAuthorization,
  startOidcServer,
} from '../support/oidc-harness.js';
import type { SignInLogView } from '../../server/contracts/logs.js';
import type { PolicyView, WhatIfResult } from '../../server/contracts/conditional-access.js';
import type { AppRow } from '../../server/features/apps/apps-repository.js';

type Server = Awaited<ReturnType<typeof startOidcServer>>;

let s: Server;
let rota: { app: AppRow; config: client.Configuration };
let payroll: { app: AppRow; config: client.Configuration };

async function register(displayName: string) {
  const { app, secret } = await registerApp(s.h, { displayName });
  return { app, config: await discoverAs(s.issuer, app, secret) };
}

async function createPolicy(body: Record<string, unknown>): Promise<PolicyView> {
  const res = await s.h.request('POST', '/api/admin/conditional-access/policies', { body });
  expect(res.status).toBe(201);
  return readJson<PolicyView>(res);
}

async function deletePolicy(id: string) {
  expect((await s.h.request('DELETE', `/api/admin/conditional-access/policies/${id}`)).status).toBe(204);
}

async function appRowsOf(userId: string): Promise<SignInLogView[]> {
  const res = await s.h.request('GET', `/api/admin/sign-in-logs?userId=${encodeURIComponent(userId)}`);
  return (await readJson<{ value: SignInLogView[] }>(res)).value.filter((row) => row.authMethod === 'sso');
}

beforeAll(async () => {
  s = await startOidcServer();
  rota = await register('Rota');
  payroll = await register('Payroll');
});
afterAll(async () => {
  await s.close();
});

describe('a policy blocking one app', () => {
  let policy: PolicyView;
  beforeAll(async () => {
    policy = await createPolicy({
      displayName: 'No payroll on kiosks',
      state: 'enabled',
      grant: 'block',
      conditions: { apps: { include: [payroll.app.id] } },
    });
  });
  afterAll(() => deletePolicy(policy.id));

  test('the worker still signs in on the kiosk and opens other apps', async () => {
    const worker = await signedInUser(s.h);
    const tokens = await redeem(
      rota.config,
      await signInThroughKiosk(rota.config, new CookieJar(), s.origin, worker.cookie),
    );
    expect(tokens.claims()!.sub).toBe(worker.user.id);
  });

  test('the kiosk cannot complete the blocked app: 403 ACCESS_BLOCKED_BY_POLICY, logged with the verdict', async () => {
    const worker = await signedInUser(s.h);
    const { landing } = await startAuthorization(payroll.config, new CookieJar(), s.origin);
    const res = await kioskLogin(s.origin, landing.searchParams.get('oidc')!, worker.cookie);
    expect(res.status).toBe(403);
    const { error } = await readError(res);
    expect(error.code).toBe('ACCESS_BLOCKED_BY_POLICY');
    const [row] = await appRowsOf(worker.user.id);
    expect(row).toMatchObject({
      result: 'failure',
      failureCode: 'ACCESS_BLOCKED_BY_POLICY',
      details: {
        via: 'sso',
        app: { id: payroll.app.id, name: 'Payroll' },
        conditionalAccess: {
          decision: 'block',
          decidedBy: [policy.id],
          context: { app: { id: payroll.app.id, name: 'Payroll' } },
        },
      },
    });
  });

  test('a phone already signed in to another app gets access_denied for the blocked one, and it is logged', async () => {
    const worker = await signedInUser(s.h);
    const jar = new CookieJar();
    await redeem(rota.config, await signInThroughKiosk(rota.config, jar, s.origin, worker.cookie));
    const { landing } = await startAuthorization(payroll.config, jar, s.origin);
    // Straight back to the app (no kiosk step), with the standard error and the reason.
    expect(landing.origin + landing.pathname).toBe('https://app.example.test/callback');
    expect(landing.searchParams.get('error')).toBe('access_denied');
    expect(landing.searchParams.get('error_description')).toContain('No payroll on kiosks');
    expect(landing.searchParams.get('code')).toBeNull();
    // The harness clock stands still: rows are told apart by their app, not their order.
    const rows = await appRowsOf(worker.user.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.result === 'failure')).toMatchObject({
      failureCode: 'ACCESS_BLOCKED_BY_POLICY',
      details: { app: { name: 'Payroll' }, silent: true },
    });
    // The kiosk session and the other app are untouched: Rota still signs in silently.
    const again = await startAuthorization(rota.config, jar, s.origin);
    expect(again.landing.searchParams.get('code')).toEqual(expect.any(String));
  });

  test('a report-only copy of the policy reports but refuses nothing', async () => {
    await s.h.request('PATCH', `/api/admin/conditional-access/policies/${policy.id}`, {
      body: { state: 'reportOnly' },
    });
    try {
      const worker = await signedInUser(s.h);
      const tokens = await redeem(
        payroll.config,
        await signInThroughKiosk(payroll.config, new CookieJar(), s.origin, worker.cookie),
      );
      expect(tokens.claims()!.sub).toBe(worker.user.id);
      const [row] = await appRowsOf(worker.user.id);
      expect(row).toMatchObject({
        result: 'success',
        details: { conditionalAccess: { decision: 'allow', reportOnlyDecision: 'block' } },
      });
    } finally {
      await s.h.request('PATCH', `/api/admin/conditional-access/policies/${policy.id}`, {
        body: { state: 'enabled' },
      });
    }
  });

  test('the what-if answers for the app, and for the kiosk itself', async () => {
    const worker = await signedInUser(s.h);
    const ask = async (appId?: string) => {
      const res = await s.h.request('POST', '/api/admin/conditional-access/what-if', {
        body: { userId: worker.user.id, device: null, method: 'qrPin', ...(appId ? { appId } : {}) },
      });
      expect(res.status).toBe(200);
      return readJson<WhatIfResult>(res);
    };
    expect((await ask(payroll.app.id)).decision).toBe('block');
    const kiosk = await ask();
    expect(kiosk.decision).toBe('allow');
    expect(kiosk.verdicts.find((verdict) => verdict.policyId === policy.id)).toMatchObject({
      applies: false,
      reasons: ['a sign-in to Shiftpass itself, not to an app'],
    });
  });

  test('the app cannot be deleted while the policy names it: 409 APP_IN_USE naming the policy', async () => {
    const res = await s.h.request('DELETE', `/api/admin/apps/${payroll.app.id}`);
    expect(res.status).toBe(409);
    const { error } = await readError(res);
    expect(error.code).toBe('APP_IN_USE');
    expect(error.message).toContain('No payroll on kiosks');
  });
});

describe('an allow policy for one app ("payroll only on enrolled kiosks")', () => {
  test('a worker without an enrolled phone is refused the app, and keeps the others', async () => {
    const policy = await createPolicy({
      displayName: 'Payroll only on enrolled kiosks',
      state: 'enabled',
      grant: 'allow',
      conditions: { apps: { include: [payroll.app.id] }, deviceStates: ['enrolled'] },
    });
    try {
      const worker = await signedInUser(s.h);
      const { landing } = await startAuthorization(payroll.config, new CookieJar(), s.origin);
      const res = await kioskLogin(s.origin, landing.searchParams.get('oidc')!, worker.cookie);
      expect((await readError(res)).error.code).toBe('ACCESS_BLOCKED_BY_POLICY');
      const other = await signInThroughKiosk(rota.config, new CookieJar(), s.origin, worker.cookie);
      expect((await redeem(rota.config, other)).claims()!.sub).toBe(worker.user.id);
    } finally {
      await deletePolicy(policy.id);
    }
  });
});

describe('policies naming apps: bad input', () => {
  test('an app id that does not exist is refused with the field', async () => {
    const res = await s.h.request('POST', '/api/admin/conditional-access/policies', {
      body: {
        displayName: 'Ghost app',
        state: 'enabled',
        grant: 'block',
        conditions: { apps: { include: ['7b0f0c1e-0000-4000-8000-000000000000'] } },
      },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'conditions.apps.include',
    });
  });

  test('a what-if for an app that does not exist is refused with the field', async () => {
    const worker = await signedInUser(s.h);
    const res = await s.h.request('POST', '/api/admin/conditional-access/what-if', {
      body: { userId: worker.user.id, device: null, method: 'qrPin', appId: 'no-such-app' },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'appId' });
  });
});

describe('the device_id claim', () => {
  test('an app signed in on an enrolled kiosk learns the phone; one signed in on a plain browser does not', async () => {
    const bound = await signedInUser(s.h);
    const token = bound.cookie.split('=')[1]!;
    const { createHash } = await import('node:crypto');
    await s.h.runtime.database.client.execute({
      sql: 'UPDATE sessions SET device_id = ? WHERE token_hash = ?',
      args: ['front-till-device', createHash('sha256').update(token).digest('hex')],
    });
    const tokens = await redeem(
      rota.config,
      await signInThroughKiosk(rota.config, new CookieJar(), s.origin, bound.cookie),
    );
    const info = await client.fetchUserInfo(rota.config, tokens.access_token, bound.user.id);
    expect(info.device_id).toBe('front-till-device');
    expect(tokens.claims()!.amr).toEqual(['pin', 'hwk']);

    const plain = await signedInUser(s.h);
    const plainTokens = await redeem(
      rota.config,
      await signInThroughKiosk(rota.config, new CookieJar(), s.origin, plain.cookie),
    );
    const plainInfo = await client.fetchUserInfo(rota.config, plainTokens.access_token, plain.user.id);
    expect(plainInfo).not.toHaveProperty('device_id');
  });
});
