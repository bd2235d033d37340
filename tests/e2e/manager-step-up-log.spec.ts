/**
 * The console's sign-in log after a manager's step-up: the worker's sign-in detail says "Confirmed by
 * Maria Lopes", the manager's own check says whose sign-in it was for, in English and Spanish, at
 * 1366×768 and 390×844, with axe. The sign-in and the co-sign are made through the API (the kiosk's
 * side is tests/e2e/manager-step-up.spec.ts); the policy names only this test's store and is deleted.
 */
import { request } from '@playwright/test';
import { expect, test } from './console-fixtures.js';
import { chooseConsoleLanguage, screens } from './console-screens.js';
import { addStore } from './kiosk-device.js';

const CA = '/api/admin/conditional-access';

test('the sign-in log detail names the manager who confirmed, and the manager’s row whom for', async ({
  adminApi,
  provisionWorker,
  baseURL,
  signedInConsole,
}) => {
  const storeId = await addStore(adminApi, `Porto log ${Date.now() % 100_000}`);
  const worker = await provisionWorker('Ana Costa', { groupIds: [storeId] });
  const manager = await provisionWorker('Maria Lopes', { groupIds: [storeId], role: 'manager' });
  const created = await adminApi.post(`${CA}/policies`, {
    data: {
      displayName: `Cash office needs a manager (${storeId})`,
      state: 'enabled',
      grant: 'requireSecondFactor',
      conditions: { roles: { include: ['worker'] }, groups: { include: [storeId] } },
    },
  });
  expect(created.status()).toBe(201);
  const policyId = ((await created.json()) as { id: string }).id;
  try {
    const phone = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    const refused = await phone.post('/api/auth/qr-pin/sign-in', {
      data: { qr: worker.rawContent, pin: worker.pin },
    });
    expect(refused.status()).toBe(403);
    const { error } = (await refused.json()) as { error: { stepUp: { challenge: string } } };
    const coSigned = await phone.post('/api/auth/qr-pin/co-sign', {
      data: { challenge: error.stepUp.challenge, qr: manager.rawContent, pin: manager.pin },
    });
    expect(coSigned.status()).toBe(200);
    await phone.dispose();

    const { page } = await signedInConsole({ role: 'admin' });
    const found: string[] = [];
    for (const [who, expected] of [
      [worker.id, ['Confirmed by Maria Lopes', 'Confirmado por Maria Lopes']],
      [manager.id, ['For the sign-in of Ana Costa', 'Para el inicio de sesión de Ana Costa']],
    ] as const) {
      await page.goto(`/admin/logs?userId=${who}`);
      for (const [i, locale] of (['en', 'es'] as const).entries()) {
        await chooseConsoleLanguage(page, locale);
        const success = page
          .getByRole('table', { name: /^(Sign-ins|Inicios de sesión)/ })
          .locator('tbody tr')
          .filter({ hasText: locale === 'en' ? 'Success' : 'Correcto' })
          .first();
        await success.getByRole('button').first().click();
        const panel = page.getByRole('dialog');
        await expect(panel).toContainText(expected[i]!);
        const name = who === worker.id ? 'step-up-log-worker' : 'step-up-log-manager';
        await screens(page, name, found, locale);
        await page.keyboard.press('Escape');
        await expect(panel).toBeHidden();
      }
    }
    await chooseConsoleLanguage(page, 'en');
    expect(found).toEqual([]);
  } finally {
    await adminApi.delete(`${CA}/policies/${policyId}`);
  }
});
