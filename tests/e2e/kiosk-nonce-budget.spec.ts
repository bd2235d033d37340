/**
 * A real enrolled kiosk asks for its server nonces as itself (issue 13, finding 3): the browser sends
 * its attestation and a proof signed with its non-extractable key, and the server charges the nonce to
 * the device's own budget, so a flood from the store's shared address cannot starve the kiosk. Read
 * from the server's budget table: the unit lands on the device's key, not the network's.
 */
import { createClient } from '@libsql/client';
import { join } from 'node:path';
import { expect, signInToHome, test } from './fixtures.js';
import { enrolKiosk, revokeQuietly, typeBadgeCode } from './kiosk-device.js';

/** The units counted on the e2e server's budget keys matching `pattern` (SQL LIKE), 0 when none. */
async function budgetUsed(pattern: string, except = ''): Promise<number> {
  const db = createClient({ url: `file:${join(process.env.E2E_DATA_DIR!, 'shiftpass.db')}` });
  try {
    const result = await db.execute({
      sql: 'SELECT coalesce(sum(failures), 0) AS used FROM throttles WHERE key LIKE ? AND key NOT LIKE ?',
      args: [pattern, except],
    });
    return Number(result.rows[0]?.used ?? 0);
  } finally {
    db.close();
  }
}

test("an enrolled kiosk's nonces are charged to the device's own budget, not to the store's address", async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  let deviceId: string | undefined;
  try {
    const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Nonces');
    deviceId = kiosk.deviceId;
    const { page, worker } = kiosk;
    // Whatever address the browser comes from (127.0.0.1 or ::1): every network's nonce budget.
    const networkBefore = await budgetUsed('nonce:%', 'nonce:device:%');

    await typeBadgeCode(page, worker);
    const nonceRequest = page.waitForRequest('**/api/devices/nonce');
    await signInToHome(page, worker);
    const body = (await nonceRequest).postDataJSON() as { device?: { attestation: string; proof: string } };
    expect(body.device?.attestation).toEqual(expect.any(String));
    expect(body.device?.proof).toEqual(expect.any(String));

    expect(await budgetUsed(`nonce:device:${deviceId}`)).toBeGreaterThanOrEqual(1);
    expect(await budgetUsed('nonce:%', 'nonce:device:%')).toBe(networkBefore);
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});
