/**
 * Conditional access in the console, as an admin meets it: the "own store's network" template warns
 * before and after saving while no store has a named location (with a way to the Named locations
 * page, where the admin is told next to the field what is wrong with a range), the warning goes once
 * the store's network is there; the form shows every problem next to its field and excludes a person
 * picked by name; what-if says one sentence per policy. Screenshots at 1366×768 and 390×844 with axe.
 * The e2e server is shared, so everything made here is deleted before the end.
 */
import type { Page } from '@playwright/test';
import type { NamedLocationView, PolicyTemplateView } from '../../server/contracts/conditional-access.js';
import { expect, seriousViolations, test } from './console-fixtures.js';

const tag = `${Date.now()}`;
const TEMPLATE = "Workers only on enrolled devices in their own store's network";
const WARNING = 'no named location is linked to a store yet: every sign-in it covers will be refused';

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

/** The page as it is now at both console sizes, back at the laptop size afterwards. */
async function screens(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const [width, height] of [
    [390, 844],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${screen}-${width}x${height}.png`, fullPage: true });
    found.push(...(await seriousViolations(page, `${screen} at ${width}×${height}`)));
  }
  return found;
}

test('the own-network template warns until a store has a network; the form shows every problem; what-if says one sentence per policy', async ({
  signedInConsole,
  adminApi,
}) => {
  // The warning is about the whole server: no journey may have left a store network behind.
  const locations = (await (await adminApi.get('/api/admin/conditional-access/named-locations')).json()) as {
    value: NamedLocationView[];
  };
  expect(locations.value.filter((l) => l.groupId).map((l) => l.displayName)).toEqual([]);

  const storeName = `Access store ${tag}`;
  const store = await adminApi.post('/api/admin/groups', {
    data: { displayName: storeName, timeZone: 'Europe/Lisbon' },
  });
  expect(store.status(), await store.text()).toBe(201);
  const storeId = ((await store.json()) as { id: string }).id;
  const workerName = `Access Worker ${tag}`;
  const managerName = `Access Manager ${tag}`;
  for (const [name, role] of [
    [workerName, 'worker'],
    [managerName, 'manager'],
  ] as const) {
    const person = await adminApi.post('/api/admin/users', {
      data: {
        userPrincipalName: `${role}.${tag}@access.example`,
        displayName: name,
        role,
        groupIds: [storeId],
      },
    });
    expect(person.status(), await person.text()).toBe(201);
  }

  const { page } = await signedInConsole({ role: 'admin' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Access' }).click();
  await expect(page.getByRole('heading', { name: 'Access policies', level: 1 })).toBeVisible();

  // 1. The template warns before it is used, and the form opened from it too.
  const templates = page.getByRole('region', { name: 'New policy from template' });
  await templates.getByRole('combobox', { name: 'Template' }).click();
  await page.getByRole('option', { name: TEMPLATE }).click();
  await expect(templates.getByText(WARNING)).toBeVisible();
  await templates.getByRole('button', { name: 'Use this template' }).click();
  const editor = page.getByRole('region', { name: 'New policy', exact: true });
  await expect(editor.getByText(WARNING)).toBeVisible();
  const policyName = `Workers on kiosks ${tag}`;
  await editor.getByRole('textbox', { name: 'Name', exact: true }).fill(policyName);
  await editor.getByRole('button', { name: 'Save policy' }).click();

  // 2. Saved (a warning never refuses), and the list says what is wrong, with the way to fix it.
  await expect(page.getByRole('status').filter({ hasText: `Saved “${policyName}”.` })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(policyName) });
  await expect(row).toContainText(WARNING);
  const found = await screens(page, 'access-policies-warning');
  await row.getByRole('link', { name: 'Open Named locations' }).click();

  // 3. The store's network, first with a range that has host bits set.
  await expect(page.getByRole('heading', { name: 'Named locations', level: 1 })).toBeVisible();
  const locationName = `Store network ${tag}`;
  await page.getByRole('textbox', { name: 'Name' }).fill(locationName);
  const cidrs = page.getByLabel('Address ranges, one per line');
  await cidrs.fill('192.0.2.0/24\n10.0.0.1/8');
  await page.getByRole('button', { name: 'Show stores' }).click();
  await page.getByRole('option', { name: storeName }).click();
  await page.getByRole('button', { name: 'Save named location' }).click();
  await expect(
    page.getByText("Line 2: '10.0.0.1/8' has host bits set: did you mean 10.0.0.0/8 (the network)"),
  ).toBeVisible();
  await expect(cidrs).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await seriousViolations(page, 'named locations with an error')));
  await cidrs.fill('192.0.2.0/24\n2001:db8:a::/48');
  await page.getByRole('button', { name: 'Save named location' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${locationName}”.` })).toBeVisible();
  await page.getByRole('link', { name: 'Back to access policies' }).click();
  await expect(row).toContainText('Network: own stores');
  await expect(row).not.toContainText(WARNING);

  // 4. Two problems at once, each next to its field; then a person excluded by name, and switched on.
  await row.getByRole('button', { name: `Edit ${policyName}` }).click();
  const form = page.getByRole('region', { name: `Edit “${policyName}”` });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('');
  await form.getByRole('button', { name: 'Add a time window' }).click();
  await form.getByLabel('Time zone (optional)').fill('Mars/Olympus');
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(form.getByRole('alert')).toContainText('The policy was not saved');
  await expect(form.getByText('Enter a name.')).toBeVisible();
  await expect(
    form.getByText('Time zone of time window 1 must be an IANA time zone name such as Europe/Lisbon.'),
  ).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(form.getByLabel('Time zone (optional)')).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await screens(page, 'access-policy-form-problems')));
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(policyName);
  await form.getByRole('button', { name: 'Remove time window 1' }).click();
  const exclude = form.getByRole('combobox', { name: 'Never these people (add a person)' });
  await exclude.fill(managerName);
  await page.getByRole('option', { name: new RegExp(managerName) }).click();
  await expect(form.getByRole('list', { name: 'Never these people (add a person)' })).toContainText(
    managerName,
  );
  await form.getByRole('combobox', { name: 'State', exact: true }).click();
  await page.getByRole('option', { name: 'On', exact: true }).click();
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${policyName}”.` })).toBeVisible();
  await expect(row).toContainText('On');
  await expect(row).toContainText(
    `People: all except ${managerName} · Roles: Workers · Device: Enrolled in kiosk mode, Compliant, Attestation fresh · Network: own stores`,
  );

  // 5. What-if: the worker on an ordinary browser is blocked, and the policy's one sentence says why.
  await page.getByRole('link', { name: 'Try a sign-in (what-if)' }).click();
  await expect(page.getByRole('heading', { name: 'Try a sign-in (what-if)', level: 1 })).toBeVisible();
  // No device information (an ordinary browser) and a QR code + PIN sign-in are what-if's defaults.
  await page.getByRole('combobox', { name: 'Person' }).fill(workerName);
  await page.getByRole('option', { name: new RegExp(workerName) }).click();
  await expect(page.getByText(`Chosen: ${workerName}`)).toBeVisible();
  await page.getByLabel('Client address (optional)').fill('192.0.2.40');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByText('Blocked', { exact: true })).toBeVisible();
  const verdict = result.getByRole('listitem', { name: policyName });
  await expect(verdict).toContainText(
    'Applies to this person, but its conditions are not met (no device information), so it blocks this sign-in',
  );
  await expect(verdict).not.toContainText('Does not apply');
  await expect(result).toContainText("Time zone Europe/Lisbon (the person's store)");
  found.push(...(await screens(page, 'access-what-if')));

  // The excluded manager: the policy does not apply, in one sentence.
  await page.getByRole('combobox', { name: 'Person' }).fill(managerName);
  await page.getByRole('option', { name: new RegExp(managerName) }).click();
  await expect(page.getByText(`Chosen: ${managerName}`)).toBeVisible();
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(verdict).toContainText('Does not apply because user is excluded.');

  // Put everything back: other journeys on this server sign workers in.
  await page.getByRole('link', { name: 'Back to access policies' }).click();
  await page.getByRole('button', { name: `Delete ${policyName}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${policyName}”.` })).toBeVisible();
  await page.getByRole('link', { name: 'Named locations (networks)' }).click();
  await page.getByRole('button', { name: `Delete ${locationName}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete named location' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${locationName}”.` })).toBeVisible();
  const templatesNow = (await (await adminApi.get('/api/admin/conditional-access/templates')).json()) as {
    value: PolicyTemplateView[];
  };
  expect(templatesNow.value.find((t) => t.displayName === TEMPLATE)?.warnings).toHaveLength(1);

  expect(found).toEqual([]);
});
