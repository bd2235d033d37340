/**
 * Conditional access in the console: an admin adds a store network as a named location (told next to
 * the field what is wrong with a range), creates the "workers only on enrolled devices" policy from
 * its template, and asks the what-if page about a worker on an ordinary browser: blocked, with the
 * reason in words. The e2e server is shared, so everything made here is deleted before the end.
 */
import { expect, seriousViolations, test } from './console-fixtures.js';

const tag = `${Date.now()}`;

// Even when a step fails, nothing made here may stay: an enabled allow policy for workers would refuse
// every other journey's worker sign-in.
test.afterEach(async ({ adminApi }) => {
  for (const kind of ['policies', 'named-locations']) {
    const list = (await (await adminApi.get(`/api/admin/conditional-access/${kind}`)).json()) as {
      value: { id: string; displayName: string }[];
    };
    for (const item of list.value.filter((entry) => entry.displayName.includes(tag))) {
      await adminApi.delete(`/api/admin/conditional-access/${kind}/${item.id}`);
    }
  }
});

test('an admin creates a named location and a policy from the template, and what-if says a worker without a device is blocked', async ({
  signedInConsole,
  adminApi,
}) => {
  const storeName = `Access store ${tag}`;
  const store = await adminApi.post('/api/admin/groups', {
    data: { displayName: storeName, timeZone: 'Europe/Lisbon' },
  });
  expect(store.status(), await store.text()).toBe(201);
  const storeId = ((await store.json()) as { id: string }).id;
  const workerName = `Access Worker ${tag}`;
  const worker = await adminApi.post('/api/admin/users', {
    data: {
      userPrincipalName: `access.worker.${tag}@store.example`,
      displayName: workerName,
      groupIds: [storeId],
    },
  });
  expect(worker.status(), await worker.text()).toBe(201);

  const { page } = await signedInConsole({ role: 'admin' });
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Access' }).click();
  await expect(page.getByRole('heading', { name: 'Access policies', level: 1 })).toBeVisible();
  const found = await seriousViolations(page, 'access policies');

  // A named location for the store, first with a range that has host bits set.
  await page.getByRole('link', { name: 'Named locations (networks)' }).click();
  await expect(page.getByRole('heading', { name: 'Named locations', level: 1 })).toBeVisible();
  const locationName = `Store network ${tag}`;
  await page.getByRole('textbox', { name: 'Name' }).fill(locationName);
  const cidrs = page.getByLabel('Address ranges, one per line');
  await cidrs.fill('192.0.2.0/24\n10.0.0.1/8');
  await page.getByLabel('Store (optional)').selectOption({ label: storeName });
  await page.getByRole('button', { name: 'Save named location' }).click();
  await expect(
    page.getByText("Line 2: '10.0.0.1/8' has host bits set: did you mean 10.0.0.0/8 (the network)"),
  ).toBeVisible();
  await expect(cidrs).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await seriousViolations(page, 'named locations with an error')));
  await page.screenshot({ path: 'test-results/access-locations-error.png', fullPage: true });
  await cidrs.fill('192.0.2.0/24\n2001:db8:a::/48');
  await page.getByRole('button', { name: 'Save named location' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${locationName}”.` })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(locationName) })).toContainText(storeName);

  // The policy from the template, switched on.
  await page.getByRole('link', { name: 'Back to access policies' }).click();
  await page.getByRole('combobox', { name: 'Template' }).selectOption({
    label: "Workers only on enrolled devices in their own store's network",
  });
  await page.getByRole('button', { name: 'Use this template' }).click();
  const policyName = `Workers on kiosks ${tag}`;
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(policyName);
  await expect(page.getByLabel('Workers')).toBeChecked();
  await expect(page.getByLabel('Enrolled in kiosk mode')).toBeChecked();
  await expect(page.getByLabel("The networks of the person's own stores").first()).toBeChecked();
  // A time window with a bad time zone: refused next to that field.
  await page.getByRole('button', { name: 'Add a time window' }).click();
  await page.getByLabel('Time zone (optional)').fill('Mars/Olympus');
  await page.getByRole('combobox', { name: 'State', exact: true }).selectOption({ label: 'On' });
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText('must be an IANA time zone name such as Europe/Lisbon')).toBeVisible();
  await expect(page.getByLabel('Time zone (optional)')).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await seriousViolations(page, 'policy form with an error')));
  await page.screenshot({ path: 'test-results/access-policy-form-error.png', fullPage: true });
  await page.getByRole('button', { name: 'Remove time window 1' }).click();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${policyName}”.` })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(policyName) });
  await expect(row).toContainText('On');
  await expect(row).toContainText(
    'Roles: Workers · Device: Enrolled in kiosk mode, Compliant, Attestation fresh · Network: own stores',
  );

  // What-if: the worker on an ordinary browser, from the store's network.
  await page.getByRole('link', { name: 'Try a sign-in (what-if)' }).click();
  await expect(page.getByRole('heading', { name: 'Try a sign-in (what-if)', level: 1 })).toBeVisible();
  await page.getByLabel('Search people by name or username').fill(workerName);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText(`Chosen: ${workerName}`)).toBeVisible();
  await page.getByLabel('No device information (an ordinary browser)').check();
  await page.getByLabel('Client address (optional)').fill('192.0.2.40');
  await page.getByLabel('Sign-in method').selectOption('qrPin');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByText('Blocked', { exact: true })).toBeVisible();
  await expect(result).toContainText(`no allow policy was met: '${policyName}' (no device information`);
  await expect(result.getByRole('row', { name: new RegExp(policyName) })).toContainText('Does not apply');
  await expect(result).toContainText('Time zone Europe/Lisbon (user store)');
  found.push(...(await seriousViolations(page, 'what-if result')));
  await page.screenshot({ path: 'test-results/access-what-if.png', fullPage: true });

  // Put everything back: other journeys on this server sign workers in.
  await page.getByRole('link', { name: 'Back to access policies' }).click();
  await page.getByRole('button', { name: `Delete ${policyName}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${policyName}”.` })).toBeVisible();
  await page.getByRole('link', { name: 'Named locations (networks)' }).click();
  await page.getByRole('button', { name: `Delete ${locationName}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete named location' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${locationName}”.` })).toBeVisible();
  const left = (await (await adminApi.get('/api/admin/conditional-access/policies')).json()) as {
    value: { displayName: string }[];
  };
  expect(left.value.map((p) => p.displayName)).not.toContain(policyName);

  expect(found).toEqual([]);
});
