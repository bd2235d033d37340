/**
 * Lockout under load: attempts are counted before the PIN is checked, in one atomic statement,
 * so 50 wrong PINs fired at once can never buy more than `threshold` PIN checks.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PasswordHasher } from '../../server/platform/password-hasher.js';
import { createWorker, queryRows, readError, startHarness, type Harness } from '../support/api-harness.js';

let h: Harness;
let verifications: number;

beforeAll(async () => {
  h = await startHarness();
  // Count every argon2id verification the server runs, decoys included.
  const real: PasswordHasher = h.runtime.deps.hasher;
  verifications = 0;
  h.runtime.deps.hasher = {
    ...real,
    verify: (verifier, secret) => {
      verifications += 1;
      return real.verify(verifier, secret);
    },
  };
});
afterAll(() => h.close());

test('50 parallel wrong PINs: exactly 10 are checked, the rest are refused as locked', async () => {
  const worker = await createWorker(h);
  const wrongPin = worker.pin === '47382916' ? '47382917' : '47382916';
  verifications = 0;

  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      h.request('POST', '/api/auth/qr-pin/sign-in', {
        body: { qr: worker.qr, pin: wrongPin },
        token: null,
        // Spread over many addresses so the per-client budget plays no part here.
        clientAddress: `10.0.${Math.floor(i / 200)}.${i % 200}`,
      }),
    ),
  );

  expect(verifications).toBe(10);
  const codes = await Promise.all(
    responses.map(async (r) => `${r.status} ${(await readError(r)).error.code}`),
  );
  const counts = codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});
  expect(counts).toEqual({ '401 PIN_INCORRECT': 9, '423 METHOD_LOCKED': 41 });

  // Locked for the base delay, and the right PIN is not checked while locked.
  verifications = 0;
  const right = await h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr: worker.qr, pin: worker.pin },
    token: null,
  });
  expect(right.status).toBe(423);
  expect(verifications).toBe(0);

  const logged = await queryRows(
    h,
    'SELECT failure_code, count(*) AS n FROM sign_in_logs WHERE user_id = ? GROUP BY failure_code ORDER BY failure_code',
    [worker.user.id],
  );
  expect(logged).toEqual([
    { failure_code: 'METHOD_LOCKED', n: 42 },
    { failure_code: 'PIN_INCORRECT', n: 9 },
  ]);
});
