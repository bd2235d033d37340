/**
 * A store app waiting for the kiosk's sign-in (single sign-on): the provider sends the browser to
 * `/?oidc=<uid>`, and the kiosk (KioskFlow with AppSignIn) signs the worker in as always, completes the
 * interaction and leaves for the provider. Against a fake server, a fake browser and address bar, and
 * the fake clock.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { messagesFor } from '../../../src/lib/i18n/catalogue.js';
import { describe as describeNotice } from '../../../src/lib/i18n/describe.js';
import { AppSignIn } from '../../../src/lib/kiosk/app-sign-in.svelte.js';
import { KioskFlow } from '../../../src/lib/kiosk/kiosk-flow.svelte.js';
import type { SessionView } from '../../../server/contracts/schemas.js';
import {
  FakeAddressBar,
  FakeServer,
  installBrowser,
  ok,
  pageTransition,
  refusal,
  sessionView,
  settle,
  shown,
  type FakeBrowser,
} from './fakes.js';

const en = messagesFor('en');
const es = messagesFor('es');
const ISSUER = 'ACME';
const BADGE = `SP1:${ISSUER}:ABCDEFGHJKMNPQRS:ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const PIN = '24681357';
const NEW_PIN = '58203917';
const KIOSK = 'https://kiosk.example.com';
const UID = 'V1StGXR8_Z5jdHi6B-myT';
const LOGIN = `POST /oidc/interactions/${UID}/login`;
const LOOK_UP = `GET /oidc/interactions/${UID}`;
const RETURN_TO = `${KIOSK}/oidc/auth/${UID}`;

let server: FakeServer;
let browser: FakeBrowser;
let address: FakeAddressBar;
/** Who the fake server says is signed in (the cookie it would have set), or nobody. */
let signedIn: SessionView | null;
let flows: KioskFlow[];

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  browser = installBrowser(server);
  address = new FakeAddressBar(`${KIOSK}/?oidc=${UID}`);
  signedIn = null;
  flows = [];
  server
    .answer('GET /kiosk/config', ok({ issuerId: ISSUER, pinLength: 8 }))
    .handle('GET /auth/session', () => (signedIn ? ok(signedIn) : refusal(401, 'UNAUTHENTICATED')))
    .handle('POST /auth/sign-out', () => {
      signedIn = null;
      return ok();
    })
    .answer(LOOK_UP, ok({ appName: 'Rota' }))
    .handle(LOGIN, () => {
      if (!signedIn) return refusal(401, 'UNAUTHENTICATED');
      if (signedIn.mustChangePin) return refusal(403, 'PIN_CHANGE_REQUIRED');
      return ok({ returnTo: RETURN_TO });
    });
});

afterEach(() => {
  for (const flow of flows) flow.destroy();
  expect(server.unexpected).toEqual([]);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The server signs `session`'s worker in when the PIN is `pin`. */
function acceptPin(pin: string, session: SessionView = sessionView()) {
  server.handle('POST /auth/qr-pin/sign-in', (request) => {
    if ((request.body as { pin: string }).pin !== pin) {
      return refusal(401, 'PIN_INCORRECT', { remainingAttempts: 9 });
    }
    signedIn = session;
    return ok({ user: session.user, mustChangePin: session.mustChangePin });
  });
}

/** The kiosk page opened at the address bar's current address. */
async function openKiosk(): Promise<{ flow: KioskFlow; app: AppSignIn }> {
  const app = new AppSignIn(address);
  const flow = new KioskFlow(null, app);
  flows.push(flow);
  await flow.load();
  return { flow, app };
}

describe('a worker already signed in on the kiosk', () => {
  test('is taken straight back to the app, with only “Opening the app…” on screen', async () => {
    signedIn = sessionView();
    const { flow, app } = await openKiosk();
    expect(server.count(LOGIN)).toBe(1);
    expect(address.visited).toEqual([RETURN_TO]);
    expect(app.opening).toBe(true);
    expect(en.appSignIn.openingApp(app.appName!)).toBe('Opening Rota…');
    expect(flow.step).toBe('home');
    expect(flow.notice).toBeNull();
  });

  test('whose app sign-in already expired stays on home, told so, and nothing is sent for it', async () => {
    signedIn = sessionView();
    server.answer(LOOK_UP, refusal(410, 'OIDC_INTERACTION_NOT_FOUND'));
    const { flow } = await openKiosk();
    expect(flow.step).toBe('home');
    expect(shown(flow.notice)).toBe(en.appSignIn.expired);
    expect(server.count(LOGIN)).toBe(0);
    expect(address.visited).toEqual([]);
  });

  test('whose PIN change was left unfinished (a reload) is signed out, and the app gets nobody', async () => {
    signedIn = sessionView({ mustChangePin: true });
    const { flow, app } = await openKiosk();
    expect(flow.step).toBe('scan');
    expect(signedIn).toBeNull();
    expect(app.waiting).toBe(false);
    expect(server.count(LOGIN)).toBe(0);
    expect(shown(flow.notice)).toBe(en.signOut.pinChangeUnfinished);
  });

  test('is asked to sign in again when the server wants a PIN change first, and after the change goes to the app', async () => {
    signedIn = sessionView();
    server.answer(LOGIN, refusal(403, 'PIN_CHANGE_REQUIRED'), ok({ returnTo: RETURN_TO }));
    server.answer('POST /auth/qr-pin/change-pin', ok());
    // This page does not hold the worker's PIN, so a fresh scan + PIN leads to the change.
    const { flow, app } = await openKiosk();
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(en.signOut.freshSignIn);
    expect(app.waiting).toBe(true);
    expect(address.visited).toEqual([]);

    acceptPin(PIN, sessionView({ mustChangePin: true }));
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('change-pin');
    for (const digit of NEW_PIN) flow.pinChange!.typeDigit(digit);
    flow.pinChange!.next();
    for (const digit of NEW_PIN) flow.pinChange!.typeDigit(digit);
    await flow.savePin();
    expect(server.count(LOGIN)).toBe(2);
    expect(address.visited).toEqual([RETURN_TO]);
  });
});

describe('an app that asks for a fresh sign-in (prompt=login, max_age)', () => {
  test('signs the current worker out, says why, and gives the app the new scan + PIN', async () => {
    signedIn = sessionView();
    acceptPin(PIN);
    let fresh = false;
    server.handle(LOGIN, () => {
      if (!signedIn) return refusal(401, 'UNAUTHENTICATED');
      // The server refuses the session that was open when the app asked, and takes a new one.
      if (!fresh) return refusal(403, 'OIDC_FRESH_SIGN_IN_REQUIRED');
      return ok({ returnTo: RETURN_TO });
    });
    server.handle('POST /auth/sign-out', () => {
      signedIn = null;
      fresh = true;
      return ok();
    });
    const { flow, app } = await openKiosk();
    expect(server.count('POST /auth/sign-out')).toBe(1);
    expect(flow.step).toBe('scan');
    expect(address.visited).toEqual([]);
    expect(app.waiting).toBe(true);
    expect(shown(flow.notice)).toBe('The app asks you to sign in again. Scan your badge and type your PIN.');
    expect(es.signOut.freshSignIn).toBe(
      'La aplicación le pide que vuelva a iniciar sesión. Escanee su credencial y escriba su PIN.',
    );

    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(address.visited).toEqual([RETURN_TO]);
    expect(app.waiting).toBe(false);
  });
});

describe('with nobody signed in', () => {
  test('the scan screen says an app is waiting, and scan + PIN lead back to the app', async () => {
    acceptPin(PIN);
    const { flow, app } = await openKiosk();
    expect(flow.step).toBe('scan');
    expect(app.waiting).toBe(true);
    expect(en.appSignIn.waitingFor(app.appName!)).toBe('Sign in to continue to Rota');
    expect(server.count(LOGIN)).toBe(0);

    flow.badgeScanned(BADGE);
    await flow.submitPin('11112222');
    expect(flow.step).toBe('pin');
    expect(server.count(LOGIN)).toBe(0);

    await flow.submitPin(PIN);
    expect(server.count(LOGIN)).toBe(1);
    expect(address.visited).toEqual([RETURN_TO]);
    expect(app.waiting).toBe(false);
  });

  test('an app whose name the server cannot give is still waited for, as “the app”', async () => {
    acceptPin(PIN);
    server.answer(LOOK_UP, refusal(500, 'INTERNAL_ERROR'));
    const { flow, app } = await openKiosk();
    expect(app.waiting).toBe(true);
    expect(app.appName).toBeNull();
    expect(en.appSignIn.waiting).toBe('Sign in to continue to the app');
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(address.visited).toEqual([RETURN_TO]);
  });

  test('an app sign-in that expired before the kiosk opened is said at once, before anyone scans', async () => {
    acceptPin(PIN);
    server.answer(LOOK_UP, refusal(410, 'OIDC_INTERACTION_NOT_FOUND'));
    const { flow, app } = await openKiosk();
    expect(flow.step).toBe('scan');
    expect(app.waiting).toBe(false);
    expect(shown(flow.notice)).toBe(en.appSignIn.expired);
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
    expect(server.count(LOGIN)).toBe(0);
  });

  test('the typed badge code leads back to the app as well', async () => {
    acceptPin(PIN);
    const { flow } = await openKiosk();
    flow.typeCodeInstead();
    flow.codeTyped('7kq4m 2xj9p');
    await flow.submitPin(PIN);
    expect(address.visited).toEqual([RETURN_TO]);
  });

  test('a first sign-in with a forced PIN change reaches the app only once the new PIN is set', async () => {
    acceptPin(PIN, sessionView({ mustChangePin: true }));
    server.handle('POST /auth/qr-pin/change-pin', () => {
      signedIn = sessionView();
      return ok();
    });
    const { flow } = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('change-pin');
    expect(server.count(LOGIN)).toBe(0);

    for (const digit of NEW_PIN) flow.pinChange!.typeDigit(digit);
    flow.pinChange!.next();
    for (const digit of NEW_PIN) flow.pinChange!.typeDigit(digit);
    await flow.savePin();
    expect(server.bodies('POST /auth/qr-pin/change-pin')).toEqual([{ currentPin: PIN, newPin: NEW_PIN }]);
    expect(server.count(LOGIN)).toBe(1);
    expect(address.visited).toEqual([RETURN_TO]);
  });

  test('Cancel on the PIN screen keeps the app waiting for the next scan', async () => {
    acceptPin(PIN);
    const { flow, app } = await openKiosk();
    flow.badgeScanned(BADGE);
    flow.backToScan();
    expect(app.waiting).toBe(true);
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(address.visited).toEqual([RETURN_TO]);
  });
});

describe('an app sign-in that cannot be completed', () => {
  test('an expired one is explained, and the worker lands on home, still signed in', async () => {
    acceptPin(PIN);
    server.answer(LOGIN, refusal(410, 'OIDC_INTERACTION_NOT_FOUND'));
    const { flow, app } = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
    expect(flow.worker?.displayName).toBe('Ana Silva');
    expect(shown(flow.notice)).toBe(
      'This sign-in request from the app has expired. Go back to the app and try again.',
    );
    expect(app.waiting).toBe(false);
    expect(app.opening).toBe(false);
    expect(address.visited).toEqual([]);
  });

  test.each([
    [
      'a console session',
      refusal(403, 'OIDC_KIOSK_SESSION_REQUIRED'),
      'Apps open from a kiosk sign-in with your badge and PIN. Sign out, scan your badge, then open the app again.',
    ],
    ['a server error', refusal(500, 'INTERNAL_ERROR'), en.appSignIn.failed],
    ['an answer with no address', ok({}), en.appSignIn.failed],
    ['an address that is not a web page', ok({ returnTo: 'javascript:alert(1)' }), en.appSignIn.failed],
    ['a lost network', 'network-error' as const, en.appSignIn.offline],
    [
      'an access policy blocking the app',
      refusal(403, 'ACCESS_BLOCKED_BY_POLICY'),
      'Your organization’s access rules do not allow Rota on this phone right now. Your other apps still work. Ask your manager.',
    ],
    [
      'an access policy asking for a second factor',
      refusal(403, 'SECOND_FACTOR_REQUIRED'),
      en.appSignIn.secondFactorApp('Rota'),
    ],
  ])('%s is explained in words, never as a code, on the signed-in home', async (_case, answer, words) => {
    signedIn = sessionView();
    server.answer(LOGIN, answer);
    const { flow } = await openKiosk();
    expect(flow.step).toBe('home');
    expect(shown(flow.notice)).toBe(words);
    expect(shown(flow.notice)).not.toMatch(/[A-Z]{4,}_/);
    expect(address.visited).toEqual([]);
  });

  test('a session that ended on the server signs the worker out, with words, and the app is no longer waiting', async () => {
    signedIn = sessionView();
    server.handle(LOGIN, () => {
      signedIn = null; // revoked between the session check and the completion
      return refusal(401, 'UNAUTHENTICATED');
    });
    const { flow, app } = await openKiosk();
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('Your session ended. Scan your badge to sign in again.');
    expect(app.waiting).toBe(false);
  });

  test('Spanish has the words too', () => {
    expect(describeNotice(es, { kind: 'app-sign-in', problem: 'expired' }, 8)).toBe(
      'Esta solicitud de inicio de sesión de la aplicación ha caducado. Vuelva a la aplicación e inténtelo de nuevo.',
    );
    expect(es.appSignIn.waiting).toBe('Inicie sesión para continuar en la aplicación');
    expect(es.appSignIn.opening).toBe('Abriendo la aplicación…');
    expect(es.appSignIn.waitingFor('Rota')).toBe('Inicie sesión para continuar en Rota');
    expect(es.appSignIn.openingApp('Rota')).toBe('Abriendo Rota…');
    for (const problem of ['console-session', 'offline', 'blocked', 'second-factor', 'failed'] as const) {
      const notice = { kind: 'app-sign-in' as const, problem };
      expect(describeNotice(es, notice, 8)).not.toBe(describeNotice(en, notice, 8));
    }
  });
});

describe('the interaction id', () => {
  test('is taken off the address bar at once, keeping the rest of the address', async () => {
    address = new FakeAddressBar(`${KIOSK}/?lang=es&oidc=${UID}#top`);
    await openKiosk();
    expect(address.href).toBe(`${KIOSK}/?lang=es#top`);
  });

  test('is used once: a reload or Back to the kiosk does not complete the app sign-in again', async () => {
    signedIn = sessionView();
    await openKiosk();
    expect(server.count(LOGIN)).toBe(1);

    // The same page loaded again (reload, Back): the address no longer carries the interaction.
    const { app } = await openKiosk();
    expect(app.waiting).toBe(false);
    expect(server.count(LOGIN)).toBe(1);
    expect(address.visited).toEqual([RETURN_TO]);
  });

  test('is used once: after an expired app sign-in, the next sign-in on the page stays on the kiosk', async () => {
    acceptPin(PIN);
    server.answer(LOGIN, refusal(410, 'OIDC_INTERACTION_NOT_FOUND'));
    const { flow } = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    await flow.signOut('button');
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
    expect(flow.notice).toBeNull();
    expect(server.count(LOGIN)).toBe(1);
  });

  test('Back from the app shows the kiosk again, not “Opening the app…”', async () => {
    signedIn = sessionView();
    const { flow, app } = await openKiosk();
    expect(app.opening).toBe(true);
    browser.window.dispatchEvent(pageTransition('pagehide', true));
    browser.window.dispatchEvent(pageTransition('pageshow', true));
    await settle();
    expect(app.opening).toBe(false);
    expect(flow.step).toBe('home');
    expect(server.count(LOGIN)).toBe(1);
  });

  test('a worker who signs out before the app gets its sign-in takes the wait with them', async () => {
    acceptPin(PIN, sessionView({ mustChangePin: true }));
    const { flow, app } = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('change-pin');
    await flow.cancelPinChange();
    expect(app.waiting).toBe(false);
    acceptPin(PIN);
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
    expect(server.count(LOGIN)).toBe(0);
  });

  test.each([
    ['too short', 'abc123'],
    ['too long', 'a'.repeat(65)],
    ['with other characters', 'V1StGXR8/Z5jdHi6B.myT'],
    ['empty', ''],
  ])('one %s is ignored: the kiosk stays a plain kiosk', async (_case, uid) => {
    signedIn = sessionView();
    address = new FakeAddressBar(`${KIOSK}/?oidc=${encodeURIComponent(uid)}`);
    const { flow, app } = await openKiosk();
    expect(app.waiting).toBe(false);
    expect(flow.step).toBe('home');
    expect(server.requests.some((r) => r.path.startsWith('/oidc/'))).toBe(false);
    expect(address.href).toBe(`${KIOSK}/`);
  });

  test('with no interaction in the address the kiosk never asks about apps', async () => {
    signedIn = sessionView();
    address = new FakeAddressBar(`${KIOSK}/`);
    const { app } = await openKiosk();
    expect(app.waiting).toBe(false);
    expect(server.requests.some((r) => r.path.startsWith('/oidc/'))).toBe(false);
  });
});
