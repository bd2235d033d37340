import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHarness, type Harness } from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

test('parallel creates of one userPrincipalName give one user and clean 409s, never a 500', async () => {
  const responses = await Promise.all(
    Array.from({ length: 8 }, () =>
      h.request('POST', '/api/admin/users', {
        body: { userPrincipalName: 'Same.Person', displayName: 'Same' },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  for (const r of responses.filter((r) => r.status === 409)) {
    expect(await r.json()).toMatchObject({ error: { code: 'USER_ALREADY_EXISTS' } });
  }
});

test('parallel badge issues for different users all succeed, each badge signs in', async () => {
  const users = await Promise.all(
    Array.from({ length: 6 }, async (_, i) => {
      const res = await h.request('POST', '/api/admin/users', {
        body: { userPrincipalName: `w${i}`, displayName: `W ${i}` },
      });
      return ((await res.json()) as { id: string }).id;
    }),
  );
  const issued = await Promise.all(
    users.map((id) => h.request('PUT', `/api/admin/users/${id}/qr-code-pin-method`, { body: {} })),
  );
  expect(issued.map((r) => r.status)).toEqual(users.map(() => 201));
  const badges = (await Promise.all(issued.map((r) => r.json()))) as {
    standardQRCode: { image: { rawContent: string } };
    pin: { code: string };
  }[];
  const signIns = await Promise.all(
    badges.map((b) =>
      h.request('POST', '/api/auth/qr-pin/sign-in', {
        token: null,
        body: { qr: b.standardQRCode.image.rawContent, pin: b.pin.code },
      }),
    ),
  );
  expect(signIns.map((r) => r.status)).toEqual(users.map(() => 200));
});
