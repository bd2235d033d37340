/**
 * Badge + PIN is single-factor (docs/security.md, "Who may do what"): an admin signed in that way at a kiosk gets a manager's
 * reach, not the admin console's. Full admin rights take a console session or an API token.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  addGroup,
  createWorker,
  readError,
  signedInAdmin,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

test('an admin on a badge session may not change the policy, but may look after their own store', async () => {
  const store = await addGroup(h);
  const other = await addGroup(h);
  const admin = await signedInUser(h, { role: 'admin', groupIds: [store.id] });
  const ownWorker = await createWorker(h, { user: { groupIds: [store.id] } });
  const otherWorker = await createWorker(h, { user: { groupIds: [other.id] } });
  const asAdminBadge = { token: null, cookie: admin.cookie };

  const policy = await h.request('PATCH', '/api/admin/policies/qr-code-pin', {
    ...asAdminBadge,
    body: { pinLength: 9 },
  });
  expect(policy.status).toBe(403);
  expect((await readError(policy)).error.code).toBe('FORBIDDEN');

  const own = await h.request(
    'PUT',
    `/api/admin/users/${ownWorker.user.id}/qr-code-pin-method/temporary-qr-code`,
    {
      ...asAdminBadge,
      body: {},
    },
  );
  expect(own.status).toBe(201);
  const foreign = await h.request(
    'POST',
    `/api/admin/users/${otherWorker.user.id}/qr-code-pin-method/unlock`,
    asAdminBadge,
  );
  expect(foreign.status).toBe(404);
});

test('the same admin with a console session has full rights', async () => {
  const admin = await signedInAdmin(h);
  const res = await h.request('PATCH', '/api/admin/policies/qr-code-pin', {
    token: null,
    cookie: admin.cookie,
    body: { temporaryQRCodeLifetimeInHours: 5 },
  });
  expect(res.status).toBe(200);
});
