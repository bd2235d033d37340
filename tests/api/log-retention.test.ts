/**
 * Issue 13, finding 1: admins set how long the sign-in and audit logs are kept; a background sweep
 * deletes older rows in bounded batches without holding up sign-ins, forgets throttle rows past any
 * budget window and console lockout rows of names that are no account after 30 quiet days, and an
 * admin can export what the sweep will delete first.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { newId } from '../../server/platform/crypto.js';
import { sweepExpiredData } from '../../server/features/logs/retention-sweep.js';
import {
  queryRows,
  readError,
  readJson,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import { createConsoleUser, post } from '../support/console.js';

const RETENTION = '/api/admin/policies/log-retention';
const DAY_MS = 24 * 3600 * 1000;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.close());

const count = async (sql: string, args: (string | number)[] = []) =>
  Number(Object.values((await queryRows(h, sql, args))[0]!)[0]);

/** `n` sign-in log rows written `daysAgo` days before the test clock's now, marked with `tag`. */
async function addSignInRows(n: number, daysAgo: number, tag: string): Promise<void> {
  const at = new Date(h.clock.now().getTime() - daysAgo * DAY_MS);
  for (let i = 0; i < n; i++) {
    await h.runtime.deps.repos.logs.signIn({
      id: newId(),
      createdDateTime: new Date(at.getTime() + i),
      result: 'failure',
      failureCode: 'PIN_INCORRECT',
      authMethod: 'qr_pin',
      ipAddress: '192.0.2.1',
      userAgent: tag,
      details: {},
    });
  }
}

async function addAuditRow(daysAgo: number, activity: string): Promise<void> {
  await h.runtime.deps.repos.logs.audit({
    id: newId(),
    activityDateTime: new Date(h.clock.now().getTime() - daysAgo * DAY_MS),
    actorType: 'system',
    activity,
  });
}

describe('the retention settings', () => {
  test('default to 90 days of sign-ins and a year of audit entries', async () => {
    const res = await h.request('GET', RETENTION);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signInLogRetentionInDays: 90, auditLogRetentionInDays: 365 });
  });

  test('an admin changes them; the change is audited with before and after', async () => {
    const res = await h.request('PATCH', RETENTION, { body: { signInLogRetentionInDays: 30 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signInLogRetentionInDays: 30, auditLogRetentionInDays: 365 });
    const [entry] = await queryRows(
      h,
      "SELECT details FROM audit_logs WHERE activity = 'policy.logRetention.updated' ORDER BY activity_at DESC LIMIT 1",
    );
    expect(JSON.parse(entry!.details as string)).toMatchObject({
      before: { signInLogRetentionInDays: 90 },
      after: { signInLogRetentionInDays: 30 },
    });
    await h.request('PATCH', RETENTION, { body: { signInLogRetentionInDays: 90 } });
  });

  test.each([
    [{ signInLogRetentionInDays: 6 }, 'signInLogRetentionInDays'],
    [{ signInLogRetentionInDays: 3651 }, 'signInLogRetentionInDays'],
    [{ auditLogRetentionInDays: 29 }, 'auditLogRetentionInDays'],
    [{ auditLogRetentionInDays: 90.5 }, 'auditLogRetentionInDays'],
    [{ auditLogRetentionInDays: '365' }, 'auditLogRetentionInDays'],
    [{ keepForever: true }, undefined],
  ])('%j is refused with 400 VALIDATION_FAILED and changes nothing', async (body, field) => {
    const res = await h.request('PATCH', RETENTION, { body });
    expect(res.status).toBe(400);
    const { error } = await readError(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    if (field) expect(error.field).toBe(field);
    expect(await (await h.request('GET', RETENTION)).json()).toEqual({
      signInLogRetentionInDays: 90,
      auditLogRetentionInDays: 365,
    });
  });

  test('workers and managers cannot read or change them', async () => {
    const worker = await signedInUser(h);
    const read = await h.request('GET', RETENTION, { token: null, cookie: worker.cookie });
    expect(read.status).toBe(403);
    const write = await h.request('PATCH', RETENTION, {
      token: null,
      cookie: worker.cookie,
      body: { signInLogRetentionInDays: 7 },
    });
    expect(write.status).toBe(403);
  });
});

describe('the retention sweep', () => {
  test('deletes only sign-in rows older than the retention, audit entries older than theirs, and says so once', async () => {
    await addSignInRows(3, 91, 'old-sign-in');
    await addSignInRows(2, 89, 'kept-sign-in');
    await addAuditRow(366, 'test.old');
    await addAuditRow(364, 'test.kept');

    const counts = await h.runtime.retention.tick();

    expect(counts).toMatchObject({ signInLogs: 3, auditLogs: 1 });
    expect(await count("SELECT count(*) FROM sign_in_logs WHERE user_agent = 'old-sign-in'")).toBe(0);
    expect(await count("SELECT count(*) FROM sign_in_logs WHERE user_agent = 'kept-sign-in'")).toBe(2);
    expect(await count("SELECT count(*) FROM audit_logs WHERE activity = 'test.old'")).toBe(0);
    expect(await count("SELECT count(*) FROM audit_logs WHERE activity = 'test.kept'")).toBe(1);
    const [deleted] = await queryRows(
      h,
      "SELECT actor_type, details FROM audit_logs WHERE activity = 'logs.retention.deleted'",
    );
    expect(deleted!.actor_type).toBe('system');
    expect(JSON.parse(deleted!.details as string)).toMatchObject({ signInLogs: 3, auditLogs: 1 });

    // Later sweeps that day find nothing new and audit nothing.
    h.clock.advanceSeconds(600);
    expect(await h.runtime.retention.tick()).toMatchObject({ signInLogs: 0, auditLogs: 0 });
    expect(await count("SELECT count(*) FROM audit_logs WHERE activity = 'logs.retention.deleted'")).toBe(1);
  });

  test('a shorter retention set by an admin takes effect at the next sweep', async () => {
    await addSignInRows(2, 40, 'forty-days');
    await addSignInRows(1, 20, 'twenty-days');
    await h.runtime.retention.tick();
    expect(await count("SELECT count(*) FROM sign_in_logs WHERE user_agent = 'forty-days'")).toBe(2);
    await h.request('PATCH', RETENTION, { body: { signInLogRetentionInDays: 30 } });
    try {
      expect((await h.runtime.retention.tick()).signInLogs).toBeGreaterThanOrEqual(2);
      expect(await count("SELECT count(*) FROM sign_in_logs WHERE user_agent = 'forty-days'")).toBe(0);
      expect(await count("SELECT count(*) FROM sign_in_logs WHERE user_agent = 'twenty-days'")).toBe(1);
    } finally {
      await h.request('PATCH', RETENTION, { body: { signInLogRetentionInDays: 90 } });
    }
  });

  test('deletes a backlog in batches, letting other work run between them', async () => {
    await addSignInRows(1200, 200, 'backlog');
    const deleteBatch = vi.spyOn(h.runtime.deps.repos.logs, 'deleteSignInLogsBefore');
    let otherWorkRanAt: number | null = null;
    try {
      const sweep = sweepExpiredData(h.runtime.deps);
      // Queued after the sweep started: it runs between two batches, not after the whole backlog.
      setImmediate(() => {
        otherWorkRanAt = deleteBatch.mock.calls.length;
      });
      const counts = await sweep;
      expect(counts.signInLogs).toBe(1200);
      expect(deleteBatch.mock.calls.map(([, limit]) => limit)).toEqual([500, 500, 500]);
      expect(otherWorkRanAt).toBeGreaterThanOrEqual(1);
      expect(otherWorkRanAt).toBeLessThan(3);
    } finally {
      deleteBatch.mockRestore();
    }
    expect(await count("SELECT count(*) FROM sign_in_logs WHERE user_agent = 'backlog'")).toBe(0);
  });

  test('an admin can export the rows the next sweep will delete before they go', async () => {
    await addSignInRows(2, 100, 'about-to-go');
    await addSignInRows(1, 10, 'recent');
    const cutoff = new Date(h.clock.now().getTime() - 90 * DAY_MS).toISOString();
    const res = await h.request('GET', `/api/admin/sign-in-logs/export?to=${encodeURIComponent(cutoff)}`);
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv.split('about-to-go').length - 1).toBe(2);
    expect(csv).not.toContain('recent');
    await h.runtime.retention.tick();
    expect(await count("SELECT count(*) FROM sign_in_logs WHERE user_agent = 'about-to-go'")).toBe(0);
  });

  test('forgets throttle rows past every budget window, and a client still over its budget stays refused', async () => {
    const policy = await h.request('PATCH', '/api/admin/policies/qr-code-pin', {
      body: { lockout: { clientThreshold: 10 } },
    });
    expect(policy.status).toBe(200);
    const attempt = (clientAddress: string) =>
      h.request('POST', '/api/auth/qr-pin/sign-in', {
        body: { qr: 'SP1.not-a-badge', pin: '00000000' },
        token: null,
        clientAddress,
      });
    for (let i = 0; i < 50; i++) await attempt(`198.51.100.${i}`);
    expect(await count("SELECT count(*) FROM throttles WHERE key LIKE '%198.51.100.%'")).toBe(50);

    // A day and a second later (the longest window a budget may have), a new client floods.
    h.clock.advanceSeconds(24 * 3600 + 1);
    for (let i = 0; i < 10; i++) await attempt('203.0.113.9');
    const counts = await h.runtime.retention.tick();

    // (and any older row of the earlier tests)
    expect(counts.throttles).toBeGreaterThanOrEqual(50);
    expect(await count("SELECT count(*) FROM throttles WHERE key LIKE '%198.51.100.%'")).toBe(0);
    const refused = await attempt('203.0.113.9');
    expect(refused.status).toBe(429);
    expect((await readJson<{ error: { code: string } }>(refused)).error.code).toBe('TOO_MANY_ATTEMPTS');
  });
});

let consoleAddress = 100;

describe('console lockout rows', () => {
  test('a typed name that is no account is forgotten after 30 quiet days; a real account keeps its count', async () => {
    const admin = await createConsoleUser(h);
    const wrong = (userPrincipalName: string) =>
      post(
        h,
        '/api/auth/console/sign-in',
        { userPrincipalName, password: 'not the password' },
        { clientAddress: `192.0.2.${++consoleAddress}` },
      );
    const keyOf = (name: string) => h.runtime.deps.consoleSecrets.accountKey(name);
    const failuresOf = async (name: string) =>
      (await h.runtime.deps.repos.consoleAuth.findLockout(keyOf(name)))?.consecutiveFailures ?? 0;

    expect((await wrong(admin.userPrincipalName)).status).toBe(401);
    expect((await wrong('nobody.here@example.test')).status).toBe(401);
    expect(await failuresOf('nobody.here@example.test')).toBe(1);

    h.clock.advanceSeconds(29 * 24 * 3600);
    await h.runtime.retention.tick();
    expect(await failuresOf('nobody.here@example.test')).toBe(1);

    h.clock.advanceSeconds(24 * 3600 + 1);
    expect((await wrong('someone.new@example.test')).status).toBe(401);
    const counts = await h.runtime.retention.tick();

    expect(counts.consoleLockouts).toBe(1);
    expect(await failuresOf('nobody.here@example.test')).toBe(0);
    expect(await failuresOf('someone.new@example.test')).toBe(1);
    expect(await failuresOf(admin.userPrincipalName)).toBe(1);
  });
});
