/** Session lifetime on the server: idle and absolute timeouts, token strength, one worker per browser. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createWorker,
  getSession,
  readError,
  signIn,
  startHarness,
  tokenOfCookie,
  type Harness,
  type Worker,
} from '../support/api-harness.js';

const MINUTE = 60;

let h: Harness;
let worker: Worker;
beforeAll(async () => {
  h = await startHarness();
  worker = await createWorker(h);
});
afterAll(() => h.close());

async function newSession(): Promise<string> {
  const { res, cookie } = await signIn(h, worker.qr, worker.pin);
  expect(res.status).toBe(200);
  return cookie!;
}

async function expectSignedOut(cookie: string): Promise<void> {
  const res = await getSession(h, cookie);
  expect(res.status).toBe(401);
  expect(await readError(res)).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
}

describe('idle timeout (15 minutes)', () => {
  test('a session untouched for 15 minutes has ended; 1 ms less and it is alive', async () => {
    const idle = await newSession();
    const probe = await newSession();
    h.clock.advanceMs(15 * MINUTE * 1000 - 1);
    expect((await getSession(h, probe)).status).toBe(200);
    h.clock.advanceMs(1);
    await expectSignedOut(idle);
  });

  test('activity keeps a session alive past 15 minutes, until it idles again', async () => {
    const cookie = await newSession();
    for (let i = 0; i < 4; i++) {
      h.clock.advanceSeconds(14 * MINUTE + 59);
      expect((await getSession(h, cookie)).status, `after ${i + 1} idle gaps`).toBe(200);
    }
    h.clock.advanceSeconds(15 * MINUTE);
    await expectSignedOut(cookie);
    // Activity after the end does not bring it back.
    h.clock.advanceSeconds(1);
    await expectSignedOut(cookie);
  });
});

describe('absolute timeout (12 hours)', () => {
  test('a busy session ends at exactly 12 hours after sign-in', async () => {
    const started = h.clock.now().getTime();
    const { res, cookie } = await signIn(h, worker.qr, worker.pin);
    expect(res.headers.getSetCookie()[0]).toMatch(/Max-Age=43200(;|$)/);
    const end = started + 12 * 3600 * 1000;
    while (h.clock.now().getTime() + 10 * MINUTE * 1000 < end) {
      h.clock.advanceSeconds(10 * MINUTE);
      expect((await getSession(h, cookie!)).status).toBe(200);
    }
    h.clock.setTime(end - 1);
    expect((await getSession(h, cookie!)).status).toBe(200);
    h.clock.setTime(end);
    await expectSignedOut(cookie!);
  });
});

describe('the session token', () => {
  test('is at least 128 random bits, different on every sign-in', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const token = tokenOfCookie(await newSession());
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      tokens.add(token);
    }
    expect(tokens.size).toBe(8);
  });

  test.each([
    ['an unknown token', '__Host-shiftpass_session=' + 'A'.repeat(43)],
    ['a short token', '__Host-shiftpass_session=abc'],
    ['a very long token', '__Host-shiftpass_session=' + 'A'.repeat(4000)],
    ['broken percent-encoding', '__Host-shiftpass_session=%E0%A4%A'],
    ['an empty value', '__Host-shiftpass_session='],
    ['a cookie without the __Host- prefix', 'shiftpass_session=' + 'A'.repeat(43)],
  ])('%s is 401 UNAUTHENTICATED, never an error', async (_name, cookie) => {
    await expectSignedOut(cookie);
  });

  test('a cookie naming an ended session is removed from the browser with the 401', async () => {
    const cookie = await newSession();
    expect((await h.request('POST', '/api/auth/sign-out', { cookie })).status).toBe(204);
    const res = await getSession(h, cookie);
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-shiftpass_session=;.*Max-Age=0/);
    // No cookie, nothing to remove.
    expect(
      (await h.request('GET', '/api/auth/session', { token: null })).headers.get('set-cookie'),
    ).toBeNull();
  });

  test('a changed token does not work, the original still does', async () => {
    const cookie = await newSession();
    const last = cookie.at(-1) === 'A' ? 'B' : 'A';
    await expectSignedOut(cookie.slice(0, -1) + last);
    expect((await getSession(h, cookie)).status).toBe(200);
  });
});

describe('one worker per browser', () => {
  test('the next worker signing in on a browser ends the previous worker’s session', async () => {
    const first = await newSession();
    const other = await createWorker(h);
    const { res, cookie: second } = await signIn(h, other.qr, other.pin, { cookie: first });
    expect(res.status).toBe(200);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    await expectSignedOut(first);
    expect(await (await getSession(h, second!)).json()).toMatchObject({ user: { id: other.user.id } });
  });

  test('a failed sign-in leaves the current session alone', async () => {
    const current = await newSession();
    const { res } = await signIn(h, worker.qr, '00000000', { cookie: current });
    expect(res.status).toBe(401);
    expect((await getSession(h, current)).status).toBe(200);
  });

  test('sign-out without a session still clears the browser', async () => {
    const res = await h.request('POST', '/api/auth/sign-out', { token: null });
    expect(res.status).toBe(204);
    expect(res.headers.get('clear-site-data')).toBe('"cache", "cookies"');
  });
});
