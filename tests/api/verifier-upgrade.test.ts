/** Changing the argon2id parameters upgrades each PIN verifier at that worker's next successful sign-in. */
import { afterAll, expect, test } from 'vitest';
import { createWorker, queryRows, signIn, startHarness, type Harness } from '../support/api-harness.js';

const open: Harness[] = [];
afterAll(() => {
  for (const h of open.reverse()) h.close();
});

test('a verifier made with weaker parameters is rehashed at OWASP parameters after a correct PIN', async () => {
  const old = await startHarness({}, { argon2: { memoryCost: 8192, timeCost: 1, parallelism: 1 } });
  open.push(old);
  const worker = await createWorker(old);
  const pinHash = async (h: Harness) =>
    String(
      (await queryRows(h, 'SELECT pin_hash FROM qr_pin_methods WHERE user_id = ?', [worker.user.id]))[0]!
        .pin_hash,
    );
  expect(await pinHash(old)).toMatch(/^\$argon2id\$v=19\$m=8192,t=1,p=1\$/);
  old.stop();

  const upgraded = await startHarness({}, { dataDir: old.dir });
  open.push(upgraded);
  // A wrong PIN changes nothing.
  const wrongPin = worker.pin === '47382916' ? '47382917' : '47382916';
  expect((await signIn(upgraded, worker.qr, wrongPin)).res.status).toBe(401);
  expect(await pinHash(upgraded)).toMatch(/^\$argon2id\$v=19\$m=8192,t=1,p=1\$/);

  expect((await signIn(upgraded, worker.qr, worker.pin)).res.status).toBe(200);
  expect(await pinHash(upgraded)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  // And the upgraded verifier still accepts the same PIN.
  expect((await signIn(upgraded, worker.qr, worker.pin)).res.status).toBe(200);
});
