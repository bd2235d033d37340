/**
 * Conditional access on real phones: with the template "Workers only on enrolled devices in their own
 * store's network" switched on for one store, a worker of that store is refused on a plain browser —
 * with the reason on screen and every policy's verdict in the sign-in log — and let in on the store's
 * kiosk. Then an admin manages that kiosk on the console's Devices page (rename, suspend, resume,
 * revoke) and the kiosk follows. Last, what the real kiosk sent is replayed, edited and re-signed
 * with another key from outside the browser, and each is refused with its own code.
 *
 * The policy is limited to this test's own store (the e2e server is shared) and deleted at the end,
 * with its named location; the kiosk is revoked.
 */
import { request, type APIRequestContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import type { PolicyTemplateView } from '../../server/contracts/conditional-access.js';
import type { SignInLogView } from '../../server/contracts/logs.js';
import { expect, test } from './console-fixtures.js';
import { SCAN_TIMEOUT, signInToHome } from './fixtures.js';
import {
  deviceStatus,
  enrolKiosk,
  expectNoSeriousViolations,
  KIOSK_NAME,
  revokeQuietly,
  signInLogs,
  typeBadgeCode,
} from './kiosk-device.js';

const CA = '/api/admin/conditional-access';
const TEMPLATE = "Workers only on enrolled devices in their own store's network";

async function created(adminApi: APIRequestContext, path: string, data: unknown): Promise<string> {
  const res = await adminApi.post(path, { data });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The template, switched on and limited to one store, its network being this machine. */
async function enableTemplateFor(adminApi: APIRequestContext, storeId: string, storeName: string) {
  const locationId = await created(adminApi, `${CA}/named-locations`, {
    displayName: `${storeName} network`,
    // The journeys' browsers reach the server over loopback.
    cidrs: ['127.0.0.0/8', '::1/128'],
    groupId: storeId,
  });
  const templates = await adminApi.get(`${CA}/templates`);
  expect(templates.status()).toBe(200);
  const template = ((await templates.json()) as { value: PolicyTemplateView[] }).value.find(
    (t) => t.displayName === TEMPLATE,
  );
  expect(template, 'the template ships').toBeDefined();
  const policyName = `${TEMPLATE} (${storeName})`;
  const policyId = await created(adminApi, `${CA}/policies`, {
    ...template!.policy,
    displayName: policyName,
    state: 'enabled',
    conditions: { ...template!.policy.conditions, groups: { include: [storeId] } },
  });
  return { locationId, policyId, policyName };
}

test('the template refuses a worker on a plain browser with a readable reason, lets them in on the store kiosk, and the console manages that kiosk', async ({
  adminApi,
  provisionWorker,
  openKiosk,
  signedInConsole,
}) => {
  let deviceId: string | undefined;
  let policyId: string | undefined;
  let locationId: string | undefined;
  try {
    const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Access');
    deviceId = kiosk.deviceId;
    const { worker } = kiosk;
    const storeId = (await adminApi.get(`/api/admin/users/${worker.id}`).then((r) => r.json())) as {
      groupIds: string[];
    };
    const policy = await enableTemplateFor(adminApi, storeId.groupIds[0]!, kiosk.storeName);
    policyId = policy.policyId;
    locationId = policy.locationId;

    // 1. The same worker on a browser that was never set up as a kiosk: right badge, right PIN, refused.
    const plain = await openKiosk({ badge: worker.rawContent });
    await expect(plain.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
      timeout: SCAN_TIMEOUT,
    });
    await plain.getByLabel('PIN', { exact: true }).fill(worker.pin);
    await plain.getByRole('button', { name: 'Sign in' }).click();
    // One short sentence the worker can act on; the policy's name and long reason stay in the log.
    const refusal = plain.getByRole('alert');
    await expect(refusal).toHaveText('This phone is not a store kiosk. Sign in on your store’s kiosk.');
    await plain.setViewportSize({ width: 390, height: 844 });
    await plain.screenshot({ path: 'test-results/screens/kiosk-access-refused-390x844.png', fullPage: true });
    await expectNoSeriousViolations(plain, 'sign-in refused by an access policy');
    expect((await plain.context().cookies()).filter((c) => c.name.includes('session'))).toEqual([]);
    await plain.context().close();

    // The same in Spanish, on a phone set to Spanish.
    const spanish = await openKiosk({ badge: worker.rawContent, locale: 'es-ES' });
    await expect(spanish.getByRole('heading', { name: 'Introduzca su PIN' })).toBeVisible({
      timeout: SCAN_TIMEOUT,
    });
    await spanish.getByLabel('PIN', { exact: true }).fill(worker.pin);
    await spanish.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect(spanish.getByRole('alert')).toHaveText(
      'Este teléfono no es un quiosco de la tienda. Inicie sesión en el quiosco de su tienda.',
    );
    await spanish.setViewportSize({ width: 390, height: 844 });
    await spanish.screenshot({
      path: 'test-results/screens/kiosk-access-refused-390x844-es.png',
      fullPage: true,
    });
    await expectNoSeriousViolations(spanish, 'sign-in refused by an access policy, in Spanish');
    await spanish.context().close();

    const [refused] = await signInLogs(adminApi, `userId=${worker.id}`);
    expect(
      (refused as { details: { conditionalAccess: { reason: string } } }).details.conditionalAccess.reason,
    ).toContain(`no allow policy was met: '${policy.policyName}' (no device information`);
    expect(refused).toMatchObject({
      result: 'failure',
      failureCode: 'ACCESS_BLOCKED_BY_POLICY',
      deviceId: null,
    });
    // The allow policy could not vouch for a sign-in without a device, and it speaks about this worker:
    // refused by the allow-list rule, the policy's verdict saying why.
    const access = (
      refused as SignInLogView & {
        details: { conditionalAccess: { decision: string; decidedBy: string[]; verdicts: unknown[] } };
      }
    ).details.conditionalAccess;
    expect(access).toMatchObject({ decision: 'block', decidedBy: [policyId] });
    expect(access.verdicts).toContainEqual(
      expect.objectContaining({
        policyId,
        applies: 'unknown',
        result: 'notApplicable',
        reasons: expect.arrayContaining(['no device information']),
      }),
    );

    // 2. On the store's kiosk the same worker gets in: enrolled, compliant, fresh, in the store network.
    const { page } = kiosk;
    await typeBadgeCode(page, worker);
    await signInToHome(page, worker);
    const [allowed] = await signInLogs(adminApi, `userId=${worker.id}`);
    expect(allowed).toMatchObject({ result: 'success', deviceId });
    expect(
      (
        allowed as SignInLogView & {
          details: { conditionalAccess: { decision: string; decidedBy: string[] } };
        }
      ).details.conditionalAccess,
    ).toMatchObject({ decision: 'allow', decidedBy: [policyId] });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText(`Kiosk: ${KIOSK_NAME}`)).toBeVisible();

    // 3. An admin manages the kiosk on the Devices page.
    const admin = await signedInConsole({ role: 'admin' });
    const consolePage = admin.page;

    // What-if with the kiosk picked by name: its live record (enrolled, compliant, fresh) lets the worker in.
    await consolePage.goto('/admin/conditional-access/what-if');
    await consolePage.getByRole('combobox', { name: 'Person' }).fill(worker.displayName);
    // Other journeys' workers share the name's start: the option whose name line is exactly this one.
    await consolePage
      .getByRole('option')
      .filter({ has: consolePage.getByText(worker.displayName, { exact: true }) })
      .click();
    await expect(consolePage.getByText(`Chosen: ${worker.displayName}`)).toBeVisible();
    await consolePage.getByRole('combobox', { name: 'Device' }).click();
    await consolePage.getByRole('option', { name: 'An enrolled kiosk' }).click();
    await consolePage
      .getByRole('combobox', { name: 'Kiosk', exact: true })
      .pressSequentially(kiosk.storeName);
    await consolePage.getByRole('option', { name: `${KIOSK_NAME} (${kiosk.storeName})` }).click();
    await expect(
      consolePage.getByText('As it is now: Enrolled in kiosk mode: yes, Compliant: yes'),
    ).toBeVisible();
    await consolePage.getByLabel('Client address (optional)').fill('127.0.0.1');
    await consolePage.getByRole('button', { name: 'Evaluate' }).click();
    const answer = consolePage.getByRole('region', { name: 'Result' });
    await expect(answer.getByText('Allowed', { exact: true })).toBeVisible();
    await expect(answer.getByRole('listitem', { name: policy.policyName })).toContainText(
      'Applies and lets this sign-in in.',
    );
    await expect(answer).toContainText(`Device ${KIOSK_NAME}: Enrolled in kiosk mode: yes`);
    await consolePage.getByRole('link', { name: 'Devices' }).click();
    await expect(consolePage.getByRole('heading', { name: 'Kiosk devices' })).toBeVisible();
    await consolePage.getByRole('combobox', { name: 'Store' }).fill(kiosk.storeName);
    await consolePage.getByRole('option', { name: kiosk.storeName, exact: true }).click();
    await consolePage.getByRole('button', { name: 'Search' }).click();
    // Other journeys enrol kiosks of the same name in their own stores: the filter leaves this one.
    await expect(consolePage).toHaveURL(/groupId=/);
    const row = consolePage.getByRole('row', { name: new RegExp(KIOSK_NAME) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(kiosk.storeName);
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Compliant');
    // Sign-ins: the worker's, on it (cells follow the row's name header: store … sign-ins, actions).
    await expect(row.getByRole('cell').nth(6)).toHaveText('1');
    await expectNoSeriousViolations(consolePage, 'devices page');

    await row.getByRole('button', { name: `Edit ${KIOSK_NAME}` }).click();
    await expectNoSeriousViolations(consolePage, 'devices page, edit dialog');
    await consolePage.getByLabel('Device name').fill('Back office till');
    await consolePage.getByRole('button', { name: 'Save' }).click();
    await expect(
      consolePage.getByRole('status').filter({ hasText: 'Saved Back office till.' }),
    ).toBeVisible();
    const renamed = consolePage.getByRole('row', { name: /Back office till/ });

    await renamed.getByRole('button', { name: 'Suspend Back office till' }).click();
    await consolePage.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click();
    await expect(renamed).toContainText('Suspended');
    expect(await deviceStatus(adminApi, deviceId)).toBe('suspended');

    await renamed.getByRole('button', { name: 'Resume Back office till' }).click();
    await expect(renamed).toContainText('Active');

    await renamed.getByRole('button', { name: 'Revoke Back office till' }).click();
    await consolePage.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(renamed).toContainText('Revoked');
    await expect(renamed.getByRole('button')).toHaveCount(0);
    expect(await deviceStatus(adminApi, deviceId)).toBe('revoked');

    // The revoked kiosk refuses the worker at once, though its attestation is still valid.
    await typeBadgeCode(page, worker);
    await page.getByLabel('PIN', { exact: true }).fill('58203917');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('no longer set up as a kiosk');
  } finally {
    if (policyId) await adminApi.delete(`${CA}/policies/${policyId}`);
    if (locationId) await adminApi.delete(`${CA}/named-locations/${locationId}`);
    await revokeQuietly(adminApi, deviceId);
  }
});

const b64url = (data: string | ArrayBuffer) =>
  Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : new Uint8Array(data)).toString(
    'base64url',
  );
const partsOf = (jws: string) => {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const read = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: read(header), payload: read(payload), signature };
};
const withParts = (header: unknown, payload: unknown, signature: string) =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;

test('what the real kiosk sends cannot be replayed, altered or re-signed with another key', async ({
  adminApi,
  provisionWorker,
  openKiosk,
  baseURL,
}) => {
  let deviceId: string | undefined;
  const outsider = await request.newContext({ baseURL });
  try {
    const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Replay');
    deviceId = kiosk.deviceId;
    const { page, worker } = kiosk;
    await typeBadgeCode(page, worker);
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/auth/qr-pin/sign-in'));
    await signInToHome(page, worker);
    const body = (await sent).postDataJSON() as {
      shortCode: string;
      pin: string;
      device: { attestation: string; proof: string };
    };
    expect(body.device.attestation.split('.')).toHaveLength(3);

    const signIn = async (device: { attestation: string; proof: string }) => {
      const res = await outsider.post('/api/auth/qr-pin/sign-in', { data: { ...body, device } });
      return { status: res.status(), code: ((await res.json()) as { error?: { code: string } }).error?.code };
    };

    // 1. The captured request, sent again: its nonce was used.
    expect(await signIn(body.device)).toEqual({ status: 401, code: 'DEVICE_NONCE_REPLAYED' });

    // 2. The attestation edited (another store, say), its signature kept.
    const attestation = partsOf(body.device.attestation);
    const edited = withParts(
      attestation.header,
      { ...attestation.payload, store: null },
      attestation.signature,
    );
    expect(await signIn({ ...body.device, attestation: edited })).toEqual({
      status: 401,
      code: 'DEVICE_ATTESTATION_INVALID',
    });

    // 3. The attestation re-labelled as unsigned (alg "none").
    const unsigned = withParts({ ...attestation.header, alg: 'none' }, attestation.payload, '');
    expect(await signIn({ ...body.device, attestation: unsigned })).toEqual({
      status: 401,
      code: 'DEVICE_TOKEN_ALGORITHM_REFUSED',
    });

    // 4. The real attestation with a fresh proof signed by a key that is not the phone's.
    const nonceRes = await outsider.post('/api/devices/nonce', { data: {} });
    expect(nonceRes.status()).toBe(200);
    const { nonce } = (await nonceRes.json()) as { nonce: string };
    const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const proof = partsOf(body.device.proof);
    const input = `${b64url(JSON.stringify(proof.header))}.${b64url(
      JSON.stringify({
        ...proof.payload,
        nonce,
        ath: createHash('sha256').update(body.device.attestation).digest('base64url'),
      }),
    )}`;
    const signature = b64url(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, Buffer.from(input, 'utf8')),
    );
    expect(await signIn({ ...body.device, proof: `${input}.${signature}` })).toEqual({
      status: 401,
      code: 'DEVICE_KEY_MISMATCH',
    });

    // Each refusal is in the sign-in log with its own code; the ones that got as far as the device name it.
    const logged = (await signInLogs(adminApi, `deviceId=${deviceId}`)).map((e) => e.failureCode);
    expect(logged.slice(0, 3)).toEqual(['DEVICE_KEY_MISMATCH', 'DEVICE_NONCE_REPLAYED', null]);
  } finally {
    await outsider.dispose();
    await revokeQuietly(adminApi, deviceId);
  }
});
