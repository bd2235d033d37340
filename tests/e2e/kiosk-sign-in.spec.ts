import { expect, SCAN_TIMEOUT, test } from './fixtures.js';

test('a new worker scans their badge, types the PIN, chooses their own PIN and signs out', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Ana Silva');
  const page = await openKiosk({ badge: worker.rawContent });

  // The PIN screen is reachable only by decoding the badge from the camera.
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
  await page.getByLabel('New PIN', { exact: true }).fill('58203917');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Confirm new PIN').fill('58203917');
  await page.getByRole('button', { name: 'Save PIN' }).click();

  await expect(page.getByRole('heading', { name: 'Hello, Ana Silva' })).toBeVisible();
  const session = await page.request.get('/api/auth/session');
  expect(session.status()).toBe(200);
  expect((await session.json()).user.displayName).toBe('Ana Silva');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Ana Silva' })).toBeHidden();
  expect(await page.context().cookies()).toEqual([]);
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);

  // Back on the scan screen, the badge still in front of the camera is read again;
  // the worker's own PIN now signs in straight to the home screen.
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel('PIN', { exact: true }).fill('58203917');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Ana Silva' })).toBeVisible();
});

test('a wrong PIN is refused in the browser and nobody is signed in; the right one then signs in', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Ben Okafor');
  const page = await openKiosk({ badge: worker.rawContent });

  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  const wrongPin = worker.pin === '24681357' ? '24681359' : '24681357';
  await page.getByLabel('PIN', { exact: true }).fill(wrongPin);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toHaveText('That PIN is not right. 9 tries left.');
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  expect(await page.context().cookies()).toEqual([]);
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);

  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
});

test('a temporary badge signs the worker in with their PIN', async ({
  provisionWorker,
  openKiosk,
  adminApi,
}) => {
  const worker = await provisionWorker('Tess Temporary');
  const issued = await adminApi.put(`/api/admin/users/${worker.id}/qr-code-pin-method/temporary-qr-code`, {
    data: {},
  });
  expect(issued.status()).toBe(201);
  const temporary = (await issued.json()) as { image: { rawContent: string }; expireDateTime: string };
  expect(temporary.image.rawContent).not.toBe(worker.rawContent);

  const page = await openKiosk({ badge: temporary.image.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
});

test('an expired badge is refused with words that say what to do', async ({
  provisionWorker,
  openKiosk,
  adminApi,
}) => {
  const worker = await provisionWorker('Eve Expired');
  // A temporary badge that ends in a few seconds: by the time it is scanned and the PIN typed, it has.
  // It started an hour before that, as a temporary badge lives at least an hour.
  const expireAt = Date.now() + 3_000;
  const issued = await adminApi.put(`/api/admin/users/${worker.id}/qr-code-pin-method/temporary-qr-code`, {
    data: {
      startDateTime: new Date(expireAt - 3_600_000).toISOString(),
      expireDateTime: new Date(expireAt).toISOString(),
    },
  });
  expect(issued.status()).toBe(201);
  const temporary = (await issued.json()) as { image: { rawContent: string } };

  const page = await openKiosk({ badge: temporary.image.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  // Not a sleep: wait for the instant the badge ends (same machine, same clock as the server), looking
  // every 100 ms rather than at expect.poll's default widening steps (up to a second late).
  await expect.poll(() => Date.now(), { timeout: 10_000, intervals: [100] }).toBeGreaterThan(expireAt);
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('This badge has expired. Ask your manager for a new one.');
  // Back on the scan screen, the refused badge still in view is not read again straight away: the words stay.
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('This badge has expired. Ask your manager for a new one.');
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);
});

test("another organization's badge is refused before any PIN is asked", async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Chen Wei');
  const foreign = worker.rawContent.replace(/^SP1:[A-Z0-9]+:/, 'SP1:OTHERSITE:');
  const page = await openKiosk({ badge: foreign });

  await expect(page.getByRole('alert')).toHaveText(/belongs to another organization/);
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.getByLabel('PIN', { exact: true })).toHaveCount(0);
});

test('a blocked camera is explained in words with a way forward', async ({ openKiosk }) => {
  const page = await openKiosk({ badge: null, camera: false });

  await expect(page.getByRole('alert')).toContainText('The camera is blocked');
  await expect(page.getByRole('button', { name: 'Try the camera again' })).toBeVisible();
});

test('ten wrong PINs lock the badge: the PIN screen counts down and refuses until it ends', async ({
  provisionWorker,
  openKiosk,
  adminApi,
}) => {
  const worker = await provisionWorker('Hana Locked');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.clock.install();
  const wrongPin = worker.pin === '24681357' ? '24681359' : '24681357';
  const pinField = page.getByLabel('PIN', { exact: true });
  const signIn = page.getByRole('button', { name: 'Sign in' });

  for (let left = 9; left >= 1; left--) {
    await pinField.fill(wrongPin);
    await signIn.click();
    await expect(page.getByRole('alert')).toContainText(left === 1 ? '1 try left' : `${left} tries left`);
  }
  await pinField.fill(wrongPin);
  await signIn.click();
  await expect(page.getByRole('alert')).toHaveText('Too many wrong PINs. Try again in 1:00.');
  await expect(signIn).toBeDisabled();
  await expect(page.getByRole('button', { name: '5', exact: true })).toBeDisabled();

  await page.clock.fastForward('00:30');
  await expect(page.getByRole('alert')).toContainText(/Try again in 0:(29|30)\./);
  await page.clock.fastForward('00:31');
  await expect(signIn).toBeEnabled();
  await expect(page.getByRole('button', { name: '5', exact: true })).toBeEnabled();

  // A manager unlocks the badge (the server's lock runs on real time); the right PIN then works.
  expect((await adminApi.post(`/api/admin/users/${worker.id}/qr-code-pin-method/unlock`)).status()).toBe(204);
  await pinField.fill(worker.pin);
  await signIn.click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
});

test('the PIN can be shown and hidden again', async ({ provisionWorker, openKiosk }) => {
  const worker = await provisionWorker('Ivo Reveal');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  const pinField = page.getByLabel('PIN', { exact: true });
  await pinField.fill('1234');
  await expect(pinField).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show PIN' }).click();
  await expect(pinField).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Hide PIN' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Hide PIN' }).click();
  await expect(pinField).toHaveAttribute('type', 'password');
});
