/**
 * The console's session rules (ConsoleSession) and its re-authentication prompt (ReauthGate,
 * withReauth): idle warning and sign-out, check-ins that follow activity, a session ended elsewhere,
 * a manager's kiosk session; against a fake server, a fake browser and the fake clock.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ConsoleSession, type SignOutReason } from '../../../src/lib/admin/console-session.svelte.js';
import { consoleText } from '../../../src/lib/admin/messages.js';
import { ReauthGate, withReauth } from '../../../src/lib/admin/reauth.svelte.js';
import type { ApiResult } from '../../../src/lib/api/client.js';
import { openSignOutChannel } from '../../../src/lib/session/sign-out-channel.js';
import { FakeServer, installBrowser, ok, refusal, sessionView, settle, type FakeBrowser } from './fakes.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

let server: FakeServer;
let browser: FakeBrowser;
let signedOut: SignOutReason[];
let consoleSession: ConsoleSession;
/** Whether the fake server still honours the session. */
let sessionStands: boolean;

const consoleView = (idleTimeoutSeconds = 15 * 60) => sessionView({ kind: 'console', idleTimeoutSeconds });

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  browser = installBrowser(server);
  signedOut = [];
  sessionStands = true;
  server
    .handle('GET /auth/session', () => (sessionStands ? ok(consoleView()) : refusal(401, 'UNAUTHENTICATED')))
    .handle('POST /auth/sign-out', () => {
      sessionStands = false;
      return ok();
    });
  consoleSession = new ConsoleSession((reason) => {
    signedOut.push(reason);
  });
});

afterEach(() => {
  consoleSession.stop();
  expect(server.unexpected).toEqual([]);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a console session', () => {
  test('idle for the policy’s time, it warns a minute before and then signs out', async () => {
    consoleSession.start(consoleView(15 * 60));
    await vi.advanceTimersByTimeAsync(13 * MINUTE + 59 * SECOND);
    expect(consoleSession.warningSecondsLeft).toBeNull();

    await vi.advanceTimersByTimeAsync(31 * SECOND);
    expect(consoleText.shell.idleWarning(consoleSession.warningSecondsLeft!)).toBe(
      'You will be signed out in 30 s because nothing happened for a while.',
    );
    expect(signedOut).toEqual([]);

    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(signedOut).toEqual(['idle']);
    expect(sessionStands).toBe(false);
    expect(consoleSession.warningSecondsLeft).toBeNull();
  });

  test('with a short idle limit the warning comes at half of it', async () => {
    consoleSession.start(consoleView(60));
    await vi.advanceTimersByTimeAsync(29 * SECOND);
    expect(consoleSession.warningSecondsLeft).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    expect(consoleSession.warningSecondsLeft).toBe(29);
  });

  test('“Stay signed in” closes the warning, restarts the idle time and tells the server', async () => {
    consoleSession.start(consoleView(15 * 60));
    await vi.advanceTimersByTimeAsync(14 * MINUTE + 30 * SECOND);
    expect(consoleSession.warningSecondsLeft).not.toBeNull();
    consoleSession.stay();
    await settle();
    expect(consoleSession.warningSecondsLeft).toBeNull();
    expect(server.count('GET /auth/session')).toBe(1);

    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    expect(signedOut).toEqual([]);
  });

  test('someone at work is never warned, and the server hears of it at most once a minute', async () => {
    consoleSession.start(consoleView(15 * 60));
    for (let i = 0; i < 40; i++) {
      await vi.advanceTimersByTimeAsync(30 * SECOND);
      browser.window.dispatchEvent(new Event('keydown'));
    }
    expect(consoleSession.warningSecondsLeft).toBeNull();
    expect(signedOut).toEqual([]);
    // 20 minutes of typing every 30 seconds: one check-in a minute.
    expect(server.count('GET /auth/session')).toBe(20);
  });

  test('a session ended elsewhere (revoked, expired) sends the tab to the sign-in page at the next activity', async () => {
    consoleSession.start(consoleView());
    sessionStands = false;
    await vi.advanceTimersByTimeAsync(MINUTE);
    browser.touch();
    await settle();
    expect(signedOut).toEqual(['ended']);
    expect(server.count('POST /auth/sign-out')).toBe(0);
  });

  test('a check-in that fails for want of network signs nobody out', async () => {
    consoleSession.start(consoleView());
    server.offline = true;
    await vi.advanceTimersByTimeAsync(MINUTE);
    browser.touch();
    await settle();
    expect(signedOut).toEqual([]);
  });

  test('Sign out ends the session on the server and leaves the browser’s other data alone', async () => {
    browser.sessionStorage.setItem('console-draft', 'x');
    consoleSession.start(consoleView());
    await consoleSession.signOut('user');
    expect(signedOut).toEqual(['user']);
    expect(sessionStands).toBe(false);
    expect(browser.sessionStorage.length).toBe(1);
    // Nothing runs after the sign-out: no idle sign-out later.
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(signedOut).toEqual(['user']);
  });

  test('leaving the console stops the idle clock and the check-ins', async () => {
    consoleSession.start(consoleView(60));
    consoleSession.stop();
    browser.touch();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(signedOut).toEqual([]);
    expect(server.count('GET /auth/session')).toBe(0);
  });
});

describe('a manager’s console session from the kiosk', () => {
  const kioskView = () =>
    sessionView({
      kind: 'kiosk',
      idleTimeoutSeconds: 15 * 60,
      kioskIdle: { signOutAfterSeconds: 120, warningSeconds: 30 },
    });

  test('follows the kiosk’s short idle sign-out', async () => {
    consoleSession.start(kioskView());
    await vi.advanceTimersByTimeAsync(91 * SECOND);
    expect(consoleSession.warningSecondsLeft).toBe(29);
    await vi.advanceTimersByTimeAsync(29 * SECOND);
    expect(signedOut).toEqual(['idle']);
  });

  test('signing out wipes what the kiosk wipes and tells the phone’s other tabs', async () => {
    const otherTab: string[] = [];
    const channel = openSignOutChannel(() => otherTab.push('signed out'));
    browser.sessionStorage.setItem('draft', 'x');
    browser.cacheNames.add('worker-data').add('shell-v1');
    consoleSession.start(kioskView());
    await consoleSession.signOut('user');
    await settle();
    expect(signedOut).toEqual(['user']);
    expect(browser.sessionStorage.length).toBe(0);
    expect([...browser.cacheNames]).toEqual(['shell-v1']);
    expect(otherTab).toEqual(['signed out']);
    channel.close();
  });

  test('a sign-out in another tab of the phone wipes and ends this one too', async () => {
    const otherTab = openSignOutChannel(() => undefined);
    browser.sessionStorage.setItem('draft', 'x');
    consoleSession.start(kioskView());
    otherTab.announce();
    await settle();
    expect(signedOut).toEqual(['ended']);
    expect(browser.sessionStorage.length).toBe(0);
    otherTab.close();
  });
});

describe('confirming it’s you before a sensitive action', () => {
  const saved: ApiResult<string> = { ok: true, status: 200, data: 'saved' };
  const stale: ApiResult<string> = {
    ok: false,
    status: 401,
    error: { code: 'REAUTHENTICATION_REQUIRED', message: 'Confirm your password.', maxAgeSeconds: 300 },
  };

  test('a save refused for a stale sign-in opens the dialog, and goes through once confirmed', async () => {
    const gate = new ReauthGate();
    const answers = [stale, saved];
    const call = vi.fn(() => Promise.resolve(answers.shift()!));
    const result = withReauth(call, gate);
    await settle();
    expect(gate.open).toBe(true);
    gate.finish(true);
    expect(await result).toEqual(saved);
    expect(gate.open).toBe(false);
    expect(call).toHaveBeenCalledTimes(2);
  });

  test('cancelling the dialog saves nothing and returns the refusal', async () => {
    const gate = new ReauthGate();
    const call = vi.fn(() => Promise.resolve(stale));
    const result = withReauth(call, gate);
    await settle();
    gate.finish(false);
    expect(await result).toEqual(stale);
    expect(call).toHaveBeenCalledTimes(1);
  });

  test('other answers pass straight through without asking', async () => {
    const gate = new ReauthGate();
    const forbidden: ApiResult<string> = {
      ok: false,
      status: 403,
      error: { code: 'FORBIDDEN', message: 'no' },
    };
    expect(await withReauth(() => Promise.resolve(saved), gate)).toEqual(saved);
    expect(await withReauth(() => Promise.resolve(forbidden), gate)).toEqual(forbidden);
    expect(gate.open).toBe(false);
  });

  test('a second prompt while one is open cancels the first', async () => {
    const gate = new ReauthGate();
    const first = gate.request();
    const second = gate.request();
    expect(await first).toBe(false);
    gate.finish(true);
    expect(await second).toBe(true);
  });
});
