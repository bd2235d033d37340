/** The audit log records admin changes and the sign-in log records every badge attempt, without secrets. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ADMIN_TOKEN,
  createUser,
  issueMethod,
  queryRows,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ISSUER_ID: 'LOGSTORE' });
});
afterAll(() => h.close());

const parse = (details: unknown) =>
  details === null ? null : (JSON.parse(String(details)) as Record<string, unknown>);

async function bootstrapTokenId(): Promise<string> {
  const [row] = await queryRows(h, "SELECT id FROM api_tokens WHERE display_name = 'Bootstrap API token'");
  return String(row!.id);
}

describe('audit log', () => {
  test('creating a user and issuing the method leave rows naming the actor, with no PIN', async () => {
    h.clock.advanceSeconds(60);
    const user = await createUser(h, { displayName: 'Audit Worker' });
    const issued = await issueMethod(h, user.id);
    const rows = await queryRows(
      h,
      'SELECT activity, activity_at, actor_type, actor_id, target_type, target_id, details FROM audit_logs WHERE target_id = ? ORDER BY activity_at, rowid',
      [user.id],
    );
    expect(rows.map((r) => r.activity)).toEqual(['user.created', 'qrPinMethod.issued']);
    const tokenId = await bootstrapTokenId();
    for (const row of rows) {
      expect(row).toMatchObject({ actor_type: 'api_token', actor_id: tokenId, target_type: 'user' });
      expect(row.activity_at).toBe(h.clock.now().getTime());
      const details = String(row.details);
      expect(details).not.toContain(issued.pin.code);
      expect(details).not.toContain(issued.standardQRCode.image.rawContent.split(':').at(-1));
      expect(details).not.toContain(ADMIN_TOKEN);
    }
    expect(parse(rows[0]!.details)).toMatchObject({
      after: { id: user.id, displayName: 'Audit Worker', role: 'worker' },
    });
    expect(parse(rows[1]!.details)).toEqual({
      standardQRCode: {
        id: issued.standardQRCode.id,
        startDateTime: issued.standardQRCode.startDateTime,
        expireDateTime: issued.standardQRCode.expireDateTime,
      },
      pinGenerated: true,
      replacedMethod: false,
    });
  });

  test('an admin-chosen PIN is recorded as not generated, and not recorded itself', async () => {
    const user = await createUser(h);
    await issueMethod(h, user.id, { pin: { code: '60539184' } });
    const [row] = await queryRows(
      h,
      "SELECT details FROM audit_logs WHERE target_id = ? AND activity = 'qrPinMethod.issued'",
      [user.id],
    );
    expect(parse(row!.details)).toMatchObject({ pinGenerated: false });
    expect(String(row!.details)).not.toContain('60539184');
  });

  test('a refused request leaves no audit row', async () => {
    const before = await queryRows(h, 'SELECT count(*) AS n FROM audit_logs');
    const res = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'nobody', displayName: 'Nobody' },
      token: 'not-the-admin-token-0123456789',
    });
    expect(res.status).toBe(401);
    expect(await queryRows(h, 'SELECT count(*) AS n FROM audit_logs')).toEqual(before);
  });
});

describe('sign-in log', () => {
  test('every attempt gets one row with its result and failure code', async () => {
    const user = await createUser(h);
    const issued = await issueMethod(h, user.id, { pin: { code: '60539184' } });
    const qr = issued.standardQRCode.image.rawContent;
    const codeId = issued.standardQRCode.id;
    const forged = qr.replace(/:[A-Z2-7]{26}$/, `:${'A'.repeat(26)}`);

    const since = h.clock.now().getTime();
    const attempts: [string, string, number][] = [
      [qr, '82614075', 401],
      [forged, '60539184', 401],
      ['not a badge', '60539184', 401],
      [qr, '60539184', 200],
    ];
    for (const [text, pin, status] of attempts) {
      h.clock.advanceSeconds(1);
      expect((await signIn(h, text, pin)).res.status).toBe(status);
    }

    const rows = await queryRows(
      h,
      'SELECT created_at, result, failure_code, auth_method, user_id, code_id, ip_address, details FROM sign_in_logs WHERE created_at > ? ORDER BY created_at',
      [since],
    );
    expect(rows).toHaveLength(attempts.length);
    expect(rows.map((r) => [r.result, r.failure_code])).toEqual([
      ['failure', 'PIN_INCORRECT'],
      ['failure', 'QR_CODE_NOT_RECOGNIZED'],
      ['failure', 'QR_CODE_NOT_RECOGNIZED'],
      ['success', null],
    ]);
    expect(rows.map((r) => r.created_at)).toEqual([1, 2, 3, 4].map((s) => since + s * 1000));
    for (const row of rows) expect(row).toMatchObject({ auth_method: 'qr_pin', ip_address: '127.0.0.1' });
    expect(rows[0]).toMatchObject({ user_id: user.id, code_id: codeId });
    expect(rows[3]).toMatchObject({ user_id: user.id, code_id: codeId });
    expect(rows[2]).toMatchObject({ user_id: null, code_id: null });

    const stored = JSON.stringify(rows);
    for (const secret of ['60539184', '82614075', qr.split(':').at(-1)!, 'A'.repeat(26)]) {
      expect(stored).not.toContain(secret);
    }
  });

  test('expired and not-yet-active badges are logged with their codes', async () => {
    const user = await createUser(h);
    const start = h.clock.now().getTime() + 3600_000;
    const issued = await issueMethod(h, user.id, {
      standardQRCode: {
        startDateTime: new Date(start).toISOString(),
        // A standard code lives at least a day.
        expireDateTime: new Date(start + 24 * 3600_000).toISOString(),
      },
    });
    const qr = issued.standardQRCode.image.rawContent;
    expect((await signIn(h, qr, issued.pin.code)).res.status).toBe(401);
    h.clock.setTime(start + 24 * 3600_000);
    expect((await signIn(h, qr, issued.pin.code)).res.status).toBe(401);
    const rows = await queryRows(
      h,
      'SELECT result, failure_code FROM sign_in_logs WHERE user_id = ? ORDER BY created_at',
      [user.id],
    );
    expect(rows).toEqual([
      { result: 'failure', failure_code: 'QR_CODE_NOT_YET_ACTIVE' },
      { result: 'failure', failure_code: 'QR_CODE_EXPIRED' },
    ]);
  });

  test('a request refused before sign-in is attempted (bad JSON) is not a sign-in attempt', async () => {
    const before = await queryRows(h, 'SELECT count(*) AS n FROM sign_in_logs');
    const res = await h.request('POST', '/api/auth/qr-pin/sign-in', { raw: '{', token: null });
    expect(res.status).toBe(400);
    expect(await queryRows(h, 'SELECT count(*) AS n FROM sign_in_logs')).toEqual(before);
  });
});
