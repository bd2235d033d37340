/**
 * A sign-in an access rule sends to a second factor, confirmed by a manager on the same phone
 * (KioskFlow's `step-up`), against a fake server, browser and clock: what the screen shows, what
 * reaches the server, and that nothing of the sign-in stays after Cancel, walking away or the end.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { messagesFor } from '../../../src/lib/i18n/catalogue.js';
import { AppSignIn } from '../../../src/lib/kiosk/app-sign-in.svelte.js';
import { KioskFlow } from '../../../src/lib/kiosk/kiosk-flow.svelte.js';
import type { SessionView } from '../../../server/contracts/schemas.js';
import type { StepUpOffer } from '../../../server/contracts/step-up.js';
import {
  FakeAddressBar,
  FakeServer,
  installBrowser,
  ok,
  refusal,
  sessionView,
  settle,
  shown,
} from './fakes.js';

const en = messagesFor('en');
const ISSUER = 'ACME';
const BADGE = `SP1:${ISSUER}:ABCDEFGHJKMNPQRS:ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const MANAGER_BADGE = `SP1:${ISSUER}:MNPQRSABCDEFGHJK:ZYXWVUTSRQPONMLKJIHGFEDCBA`;
const PIN = '24681357';
const MANAGER_PIN = '91357024';
const CHALLENGE = 'challenge-from-the-server';

let server: FakeServer;
let signedIn: SessionView | null;
let flows: KioskFlow[];

const offer = (overrides: Partial<StepUpOffer> = {}): StepUpOffer => ({
  challenge: CHALLENGE,
  expiresInSeconds: 300,
  displayName: 'Ana Silva',
  mustChangePin: false,
  ...overrides,
});

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  installBrowser(server);
  signedIn = null;
  flows = [];
  server
    .answer('GET /kiosk/config', ok({ issuerId: ISSUER, pinLength: 8 }))
    .handle('GET /auth/session', () => (signedIn ? ok(signedIn) : refusal(401, 'UNAUTHENTICATED')))
    .handle('POST /auth/sign-out', () => {
      signedIn = null;
      return ok();
    })
    .answer('POST /auth/qr-pin/sign-in', refusal(403, 'SECOND_FACTOR_REQUIRED', { stepUp: offer() }));
});

afterEach(() => {
  for (const flow of flows) flow.destroy();
  expect(server.unexpected).toEqual([]);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The manager's co-sign: right with MANAGER_PIN, else PIN_INCORRECT. */
function acceptManager(session: SessionView = sessionView()) {
  server.handle('POST /auth/qr-pin/co-sign', (request) => {
    if ((request.body as { pin: string }).pin !== MANAGER_PIN) {
      return refusal(401, 'PIN_INCORRECT', { remainingAttempts: 9 });
    }
    signedIn = session;
    return ok({ user: session.user, mustChangePin: session.mustChangePin });
  });
}

/** Scan + PIN, refused for a second factor: the step-up screen. */
async function waitingForManager(): Promise<KioskFlow> {
  const flow = new KioskFlow();
  flows.push(flow);
  await flow.load();
  flow.badgeScanned(BADGE);
  await flow.submitPin(PIN);
  expect(flow.step).toBe('step-up');
  return flow;
}

describe('a manager confirms the sign-in', () => {
  test('“A manager must confirm this sign-in”, the manager’s badge, their PIN: the worker is home', async () => {
    acceptManager();
    const flow = await waitingForManager();
    expect(flow.stepUp?.workerName).toBe('Ana Silva');
    expect(flow.stepUp?.confirm.step).toBe('intro');
    expect(flow.worker).toBeNull();
    flow.stepUp!.confirm.ask();
    expect(flow.stepUp!.confirm.badgeScanned(MANAGER_BADGE)).toBe(true);
    expect(await flow.stepUp!.confirm.pinEntered(MANAGER_PIN)).toBe(true);
    expect(flow.step).toBe('home');
    expect(flow.worker?.displayName).toBe('Ana Silva');
    expect(flow.stepUp).toBeNull();
    // The challenge and the manager's badge + PIN went; the worker's PIN did not go again.
    expect(server.bodies('POST /auth/qr-pin/co-sign')).toEqual([
      { challenge: CHALLENGE, qr: MANAGER_BADGE, pin: MANAGER_PIN },
    ]);
  });

  test('a wrong manager PIN stays on the manager’s PIN with the tries left', async () => {
    acceptManager();
    const flow = await waitingForManager();
    flow.stepUp!.confirm.ask();
    flow.stepUp!.confirm.badgeScanned(MANAGER_BADGE);
    expect(await flow.stepUp!.confirm.pinEntered('00000000')).toBe(false);
    expect(flow.step).toBe('step-up');
    expect(flow.stepUp!.confirm.step).toBe('pin');
    expect(shown(flow.stepUp!.confirm.notice)).toBe(en.signInErrors.pinIncorrectTries(9));
  });

  test('a manager of another store is told so, and another manager can still confirm', async () => {
    server.answer('POST /auth/qr-pin/co-sign', refusal(403, 'APPROVER_NOT_OF_STORE'));
    const flow = await waitingForManager();
    flow.stepUp!.confirm.ask();
    flow.stepUp!.confirm.badgeScanned(MANAGER_BADGE);
    await flow.stepUp!.confirm.pinEntered(MANAGER_PIN);
    expect(flow.step).toBe('step-up');
    expect(flow.stepUp!.confirm.step).toBe('scan');
    expect(shown(flow.stepUp!.confirm.notice)).toBe(en.signInErrors.APPROVER_NOT_OF_STORE);
  });

  test('an expired or used challenge sends the worker back to scan, with why', async () => {
    server.answer('POST /auth/qr-pin/co-sign', refusal(410, 'STEP_UP_CHALLENGE_EXPIRED'));
    const flow = await waitingForManager();
    flow.stepUp!.confirm.ask();
    flow.stepUp!.confirm.badgeScanned(MANAGER_BADGE);
    await flow.stepUp!.confirm.pinEntered(MANAGER_PIN);
    expect(flow.step).toBe('scan');
    expect(flow.stepUp).toBeNull();
    expect(shown(flow.notice)).toBe(en.signInErrors.STEP_UP_CHALLENGE_EXPIRED);
  });

  test('a forced PIN change after the co-sign uses the PIN the worker typed, kept only for it', async () => {
    server.answer(
      'POST /auth/qr-pin/sign-in',
      refusal(403, 'SECOND_FACTOR_REQUIRED', { stepUp: offer({ mustChangePin: true }) }),
    );
    acceptManager(sessionView({ mustChangePin: true }));
    server.answer('POST /auth/qr-pin/change-pin', ok());
    const flow = await waitingForManager();
    flow.stepUp!.confirm.ask();
    flow.stepUp!.confirm.badgeScanned(MANAGER_BADGE);
    await flow.stepUp!.confirm.pinEntered(MANAGER_PIN);
    expect(flow.step).toBe('change-pin');
  });
});

describe('nothing of the sign-in stays', () => {
  test('Cancel returns to a fresh scan; the manager step is gone', async () => {
    const flow = await waitingForManager();
    flow.stepUp!.confirm.ask();
    flow.cancelStepUp();
    expect(flow.step).toBe('scan');
    expect(flow.stepUp).toBeNull();
    expect(flow.notice).toBeNull();
  });

  test('walking away: two minutes without a touch return to scan', async () => {
    const flow = await waitingForManager();
    await vi.advanceTimersByTimeAsync(121_000);
    expect(flow.step).toBe('scan');
    expect(flow.stepUp).toBeNull();
    expect(shown(flow.notice)).toBe(en.signInErrors.STEP_UP_CHALLENGE_EXPIRED);
  });

  test('the challenge’s end returns to scan even while people keep touching the screen', async () => {
    server.answer(
      'POST /auth/qr-pin/sign-in',
      refusal(403, 'SECOND_FACTOR_REQUIRED', { stepUp: offer({ expiresInSeconds: 60 }) }),
    );
    const flow = await waitingForManager();
    for (let i = 0; i < 6; i++) {
      window.dispatchEvent(new Event('pointerdown'));
      await vi.advanceTimersByTimeAsync(10_000);
    }
    await settle();
    expect(flow.step).toBe('scan');
  });

  test('a co-sign answered after Cancel signs that session out at once', async () => {
    let answer!: () => void;
    server.handle(
      'POST /auth/qr-pin/co-sign',
      () =>
        new Promise((resolve) => {
          answer = () => {
            signedIn = sessionView();
            resolve(ok({ user: signedIn.user, mustChangePin: false }));
          };
        }),
    );
    const flow = await waitingForManager();
    flow.stepUp!.confirm.ask();
    flow.stepUp!.confirm.badgeScanned(MANAGER_BADGE);
    const pending = flow.stepUp!.confirm.pinEntered(MANAGER_PIN);
    await settle();
    flow.cancelStepUp();
    answer();
    await pending;
    await settle();
    expect(flow.step).toBe('scan');
    expect(flow.worker).toBeNull();
    expect(server.count('POST /auth/sign-out')).toBe(1);
    expect(signedIn).toBeNull();
  });

  test('without a challenge (an older server) the refusal shows as before', async () => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(403, 'SECOND_FACTOR_REQUIRED'));
    const flow = new KioskFlow();
    flows.push(flow);
    await flow.load();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(en.signInErrors.SECOND_FACTOR_REQUIRED);
  });
});

describe('a store app that needs a manager for the signed-in worker', () => {
  const KIOSK = 'https://kiosk.example.com';
  const UID = 'V1StGXR8_Z5jdHi6B-myT';
  const LOGIN = `POST /oidc/interactions/${UID}/login`;
  const RETURN_TO = `${KIOSK}/oidc/auth/${UID}`;
  let confirmed: boolean;
  let address: FakeAddressBar;

  beforeEach(() => {
    confirmed = false;
    address = new FakeAddressBar(`${KIOSK}/?oidc=${UID}`);
    signedIn = sessionView();
    server
      .answer(`GET /oidc/interactions/${UID}`, ok({ appName: 'Cash office' }))
      .handle(LOGIN, () =>
        confirmed ? ok({ returnTo: RETURN_TO }) : refusal(403, 'SECOND_FACTOR_REQUIRED', { stepUp: offer() }),
      );
  });

  async function openForApp(): Promise<KioskFlow> {
    const flow = new KioskFlow(null, new AppSignIn(address));
    flows.push(flow);
    await flow.load();
    return flow;
  }

  test('the manager confirms the session on the phone and the app opens, with no new sign-in', async () => {
    server.handle('POST /auth/qr-pin/co-sign', () => {
      confirmed = true;
      return ok({ user: signedIn!.user, mustChangePin: false });
    });
    const flow = await openForApp();
    expect(flow.step).toBe('step-up');
    expect(flow.stepUp).toMatchObject({ forApp: true, app: 'Cash office', workerName: 'Ana Silva' });
    expect(en.stepUp.explanationApp('Ana Silva', 'Cash office')).toContain('To open Cash office');
    flow.stepUp!.confirm.ask();
    flow.stepUp!.confirm.badgeScanned(MANAGER_BADGE);
    expect(await flow.stepUp!.confirm.pinEntered(MANAGER_PIN)).toBe(true);
    expect(address.visited).toEqual([RETURN_TO]);
    expect(server.count(LOGIN)).toBe(2);
    expect(server.count('POST /auth/qr-pin/sign-in')).toBe(0);
    expect(server.count('POST /auth/sign-out')).toBe(0);
  });

  test('Cancel keeps the worker signed in on home, told why the app did not open', async () => {
    const flow = await openForApp();
    flow.cancelStepUp();
    expect(flow.step).toBe('home');
    expect(flow.worker?.displayName).toBe('Ana Silva');
    expect(shown(flow.notice)).toBe(en.appSignIn.secondFactorApp('Cash office'));
    expect(address.visited).toEqual([]);
    expect(server.count('POST /auth/sign-out')).toBe(0);
  });
});
