import { expect, SCAN_TIMEOUT, test } from './fixtures.js';

/** The checklist item for a rule under "All PIN rules", found by its words. */
const rule = (page: import('@playwright/test').Page, words: string) =>
  page.getByRole('list', { name: 'Rules for your new PIN' }).getByRole('listitem').filter({ hasText: words });

test('a worker choosing a PIN sees the keypad-shape and years rules in words, and Next names the rule it breaks', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Rui Rows');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();

  const newPin = page.getByLabel('New PIN', { exact: true });
  const stillNeeded = page.getByRole('list', { name: 'Rules not met yet:' });
  const years = rule(page, 'Not a date or years');
  const keypad = rule(page, 'Not a keypad shape');
  await page.getByText('All PIN rules').click();

  // Two years side by side: only the date rule is unmet.
  await newPin.fill('19411945');
  await expect(stillNeeded.getByRole('listitem')).toHaveText([/Not a date or years \(like 19841990\)$/]);
  await expect(years).toContainText('Not met:');
  await expect(keypad).toContainText('Met:');

  // The keypad's rows in another order: the rules say so, and Next refuses in the server's words.
  await newPin.fill('78945612');
  await expect(stillNeeded.getByRole('listitem')).toHaveText([/Not a keypad shape \(like 14789632\)$/]);
  await expect(keypad).toContainText('Not met:');
  await expect(years).not.toContainText('Not met:');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Shapes on the keypad, like 14789632 or rows such as 78945612, are too easy to guess.',
  );
  await expect(newPin).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Confirm new PIN')).toHaveCount(0);

  // A PIN that meets every rule is saved.
  await newPin.fill('58203917');
  await expect(newPin).not.toHaveAttribute('aria-invalid');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Confirm new PIN').fill('58203917');
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Rui Rows' })).toBeVisible();
});
