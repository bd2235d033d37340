/**
 * The worker's journey on the kiosk (KioskFlow), against a fake server, a fake browser and the fake
 * clock: what the screen shows after each step, and what reaches the server.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { messagesFor } from '../../../src/lib/i18n/catalogue.js';
import { pinRuleText, timeLeftText } from '../../../src/lib/i18n/describe.js';
import { i18n } from '../../../src/lib/i18n/i18n.svelte.js';
import { KioskFlow, type DeviceBinding } from '../../../src/lib/kiosk/kiosk-flow.svelte.js';
import { formatCountdown } from '../../../src/lib/kiosk/notice.js';
import { PinChange } from '../../../src/lib/kiosk/pin-change.svelte.js';
import type { ApiResult, ClientError } from '../../../src/lib/api/client.js';
import type { DeviceProofBody } from '../../../server/contracts/devices.js';
import type { SessionView } from '../../../server/contracts/schemas.js';
import {
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
const ISSUER = 'ACME';
const BADGE = `SP1:${ISSUER}:ABCDEFGHJKMNPQRS:ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const FOREIGN_BADGE = BADGE.replace(`SP1:${ISSUER}:`, 'SP1:OTHERSITE:');
const SHORT_CODE = '7KQ4M2XJ9P';
const PIN = '24681357';
const NEW_PIN = '58203917';
const PENDING_SIGN_OUT = 'shiftpass.pendingSignOut';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

let server: FakeServer;
let browser: FakeBrowser;
/** Who the fake server says is signed in (the cookie it would have set), or nobody. */
let signedIn: SessionView | null;
let flows: KioskFlow[];

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  browser = installBrowser(server);
  signedIn = null;
  flows = [];
  server
    .answer('GET /kiosk/config', ok({ issuerId: ISSUER, pinLength: 8 }))
    .handle('GET /auth/session', () => (signedIn ? ok(signedIn) : refusal(401, 'UNAUTHENTICATED')))
    .handle('POST /auth/sign-out', () => {
      signedIn = null;
      return ok();
    });
});

afterEach(() => {
  for (const flow of flows) flow.destroy();
  expect(server.unexpected).toEqual([]);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The server signs `session`'s worker in when the PIN is `pin`; any other PIN is wrong. */
function acceptPin(pin: string, session: SessionView = sessionView()) {
  server.handle('POST /auth/qr-pin/sign-in', (request) => {
    if ((request.body as { pin: string }).pin !== pin) {
      return refusal(401, 'PIN_INCORRECT', { remainingAttempts: 9 });
    }
    signedIn = session;
    return ok({ user: session.user, mustChangePin: session.mustChangePin });
  });
}

async function openKiosk(device: DeviceBinding | null = null): Promise<KioskFlow> {
  const flow = new KioskFlow(device);
  flows.push(flow);
  await flow.load();
  return flow;
}

/** Scan, PIN, home: the everyday sign-in. */
async function signedInKiosk(session: SessionView = sessionView()): Promise<KioskFlow> {
  acceptPin(PIN, session);
  const flow = await openKiosk();
  flow.badgeScanned(BADGE);
  await flow.submitPin(PIN);
  expect(flow.step).toBe('home');
  return flow;
}

describe('opening the kiosk', () => {
  test('with nobody signed in it opens on the scan screen and keeps the issuer for offline starts', async () => {
    const flow = await openKiosk();
    expect(flow.step).toBe('scan');
    expect(flow.notice).toBeNull();
    expect(flow.worker).toBeNull();
    expect(JSON.parse(browser.localStorage.getItem('shiftpass.kioskConfig')!)).toEqual({
      issuerId: ISSUER,
      pinLength: 8,
    });
  });

  test('a reload while someone is signed in goes straight to their home screen', async () => {
    signedIn = sessionView();
    const flow = await openKiosk();
    expect(flow.step).toBe('home');
    expect(flow.worker?.displayName).toBe('Ana Silva');
  });

  test('a reload during a forced PIN change signs that worker out and shows the scan screen, nothing of theirs kept', async () => {
    signedIn = sessionView({ mustChangePin: true });
    browser.sessionStorage.setItem('draft', 'left by the worker');
    const flow = await openKiosk();
    expect(flow.step).toBe('scan');
    expect(flow.pinChange).toBeNull();
    expect(flow.worker).toBeNull();
    expect(server.count('POST /auth/sign-out')).toBe(1);
    expect(signedIn).toBeNull();
    expect(browser.sessionStorage.length).toBe(0);
    expect(shown(flow.notice)).toBe(en.signOut.pinChangeUnfinished);
    expect(server.count('POST /auth/qr-pin/change-pin')).toBe(0);
  });

  test('started offline, nobody is signed in, the network is asked for, and the sign-out is sent once it is back', async () => {
    server.offline = true;
    browser.sessionStorage.setItem('draft', 'left by a worker');
    const flow = await openKiosk();
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toContain('Signing in needs the network');
    expect(browser.sessionStorage.length).toBe(0);
    expect(browser.localStorage.getItem(PENDING_SIGN_OUT)).toBe('1');

    server.offline = false;
    browser.window.dispatchEvent(new Event('online'));
    await settle();
    expect(server.count('POST /auth/sign-out')).toBe(1);
    expect(browser.localStorage.getItem(PENDING_SIGN_OUT)).toBeNull();
  });

  test('started offline, another organization’s badge is still refused before the PIN', async () => {
    browser.localStorage.setItem('shiftpass.kioskConfig', JSON.stringify({ issuerId: ISSUER, pinLength: 8 }));
    server.offline = true;
    const flow = await openKiosk();
    expect(flow.badgeScanned(FOREIGN_BADGE)).toBe(false);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(en.signInErrors.foreignBadge);
  });

  test('a reload while the kiosk is still asking who is signed in does not sign anyone out', async () => {
    let fail!: () => void;
    server.handle(
      'GET /auth/session',
      () => new Promise((resolve) => (fail = () => resolve('network-error'))),
    );
    const flow = new KioskFlow();
    flows.push(flow);
    const loading = flow.load();
    await settle();
    // The page goes away under the question, which then fails as a lost network would.
    browser.window.dispatchEvent(pageTransition('pagehide', false));
    fail();
    await loading;
    expect(browser.localStorage.getItem(PENDING_SIGN_OUT)).toBeNull();
    expect(server.count('POST /auth/sign-out')).toBe(0);
  });
});

describe('the badge', () => {
  test('another organization’s badge is refused before any PIN is asked', async () => {
    const flow = await openKiosk();
    expect(flow.badgeScanned(FOREIGN_BADGE)).toBe(false);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(
      'This badge belongs to another organization. Use your own badge for this store.',
    );
    expect(server.count('POST /auth/qr-pin/sign-in')).toBe(0);
  });

  test('a QR code that is not a Shiftpass badge is refused as not recognized', async () => {
    const flow = await openKiosk();
    expect(flow.badgeScanned('https://example.com/menu')).toBe(false);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(en.signInErrors.QR_CODE_NOT_RECOGNIZED);
  });

  test('this organization’s badge leads to the PIN screen', async () => {
    const flow = await openKiosk();
    expect(flow.badgeScanned(BADGE)).toBe(true);
    expect(flow.step).toBe('pin');
    expect(flow.notice).toBeNull();
  });

  test('Cancel on the PIN screen returns to the scan screen and forgets the badge', async () => {
    acceptPin(PIN);
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    flow.backToScan();
    expect(flow.step).toBe('scan');
    await flow.submitPin(PIN);
    expect(server.count('POST /auth/qr-pin/sign-in')).toBe(0);
    expect(flow.step).toBe('scan');
  });
});

describe('the typed badge code', () => {
  test('a typed code that cannot be a badge code is caught on the phone, without a sign-in attempt', async () => {
    const flow = await openKiosk();
    flow.typeCodeInstead();
    expect(flow.step).toBe('type-code');
    expect(flow.codeTyped('7kq4m 2xj9')).toBe(false);
    expect(flow.step).toBe('type-code');
    expect(shown(flow.notice)).toBe(en.typeCode.invalid);
    expect(server.count('POST /auth/qr-pin/sign-in')).toBe(0);
  });

  test('a code typed as a person reads it leads to the PIN and signs in with the canonical code', async () => {
    acceptPin(PIN);
    const flow = await openKiosk();
    flow.typeCodeInstead();
    expect(flow.codeTyped('7kq4m 2xj9p')).toBe(true);
    expect(flow.step).toBe('pin');
    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
    expect(server.bodies('POST /auth/qr-pin/sign-in')).toEqual([{ shortCode: SHORT_CODE, pin: PIN }]);
  });

  test('an unknown code comes back to the code field, as typed, with words saying so', async () => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(401, 'QR_CODE_NOT_RECOGNIZED'));
    const flow = await openKiosk();
    flow.typeCodeInstead();
    flow.codeTyped('zzzzz zzzzz');
    await flow.submitPin(NEW_PIN);
    expect(flow.step).toBe('type-code');
    expect(flow.typedCode).toBe('zzzzz zzzzz');
    expect(shown(flow.notice)).toBe(
      'This code is not recognized. Check it against your badge and type it again, or ask your manager.',
    );
    expect(signedIn).toBeNull();
  });

  test('a badge a hardware scanner typed into the field is read as a scan, and the field forgets it', async () => {
    acceptPin(PIN);
    const flow = await openKiosk();
    flow.typeCodeInstead();
    expect(flow.codeTyped(` ${BADGE}`)).toBe(true);
    expect(flow.step).toBe('pin');
    expect(flow.typedCode).toBe('');
    await flow.submitPin(PIN);
    expect(server.bodies('POST /auth/qr-pin/sign-in')).toEqual([{ qr: BADGE, pin: PIN }]);
  });

  test('half a badge or another organization’s badge typed by a scanner gets the scan screen’s words', async () => {
    const flow = await openKiosk();
    flow.typeCodeInstead();
    expect(flow.codeTyped(BADGE.slice(0, 30))).toBe(false);
    expect(flow.step).toBe('scan');
    expect(flow.typedCode).toBe('');
    expect(shown(flow.notice)).toBe(en.signInErrors.QR_CODE_NOT_RECOGNIZED);
    flow.typeCodeInstead();
    expect(flow.codeTyped(FOREIGN_BADGE)).toBe(false);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(en.signInErrors.foreignBadge);
    expect(server.count('POST /auth/qr-pin/sign-in')).toBe(0);
  });

  test('“Scan instead” returns to the scan screen with the field emptied', async () => {
    const flow = await openKiosk();
    flow.typeCodeInstead();
    flow.codeTyped('7kq4m');
    flow.backToScan();
    expect(flow.step).toBe('scan');
    expect(flow.typedCode).toBe('');
    expect(flow.notice).toBeNull();
  });
});

describe('the PIN', () => {
  test('the right PIN signs the worker in and shows their name, store, time left and safe apps only', async () => {
    const flow = await signedInKiosk(
      sessionView({
        kioskApps: [
          { name: 'Schedule', url: 'https://schedule.example.com/my-shifts' },
          { name: 'Sneaky', url: 'javascript:alert(1)' },
          { name: 'Plain', url: 'http://stock.example.com/' },
        ],
      }),
    );
    expect(flow.worker).toMatchObject({
      displayName: 'Ana Silva',
      stores: ['Harbour Mall'],
      managesStaff: false,
    });
    expect(flow.apps.map((app) => app.name)).toEqual(['Schedule']);
    expect(timeLeftText(en, flow.sessionSecondsLeft!)).toBe('Session time left: 12 h 0 min');
    expect(server.bodies('POST /auth/qr-pin/sign-in')).toEqual([{ qr: BADGE, pin: PIN }]);
  });

  test('a manager signed in at the kiosk is offered their manager pages', async () => {
    const manager = sessionView();
    manager.user = { ...manager.user, role: 'manager' };
    const flow = await signedInKiosk(manager);
    expect(flow.worker?.managesStaff).toBe(true);
  });

  test('a wrong PIN shows how many tries are left, keeps the PIN screen, and the right one then signs in', async () => {
    acceptPin(PIN);
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin('24681359');
    expect(flow.step).toBe('pin');
    expect(shown(flow.notice)).toBe('That PIN is not right. 9 tries left.');
    expect(signedIn).toBeNull();

    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
    expect(flow.notice).toBeNull();
  });

  test('the last try before the lock is named as such', async () => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(401, 'PIN_INCORRECT', { remainingAttempts: 1 }));
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin('24681359');
    expect(shown(flow.notice)).toBe(
      'That PIN is not right. 1 try left before your badge is locked for a while.',
    );
  });

  test('a locked badge shows the countdown, refuses the PIN meanwhile, and opens again when it ends', async () => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(423, 'METHOD_LOCKED', { retryAfterSeconds: 60 }));
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin('24681359');
    expect(flow.step).toBe('pin');
    expect(flow.notice).toBeNull();
    expect(en.pin.lockedFor(formatCountdown(flow.lockSecondsLeft!))).toBe(
      'Too many wrong PINs. Try again in 1:00.',
    );

    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(formatCountdown(flow.lockSecondsLeft!)).toBe('0:30');
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(flow.lockSecondsLeft).toBeNull();

    acceptPin(PIN);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
  });

  test('leaving the PIN screen of a locked badge stops the countdown', async () => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(423, 'METHOD_LOCKED', { retryAfterSeconds: 60 }));
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin('24681359');
    flow.backToScan();
    expect(flow.lockSecondsLeft).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('an expired badge is refused with words that say what to do, and is not read again while they show', async () => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(401, 'QR_CODE_EXPIRED'));
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('This badge has expired. Ask your manager for a new one.');

    // The same badge still in front of the camera: ignored for ten seconds, the words stay.
    expect(flow.badgeScanned(BADGE)).toBe(false);
    await vi.advanceTimersByTimeAsync(9 * SECOND);
    expect(flow.badgeScanned(BADGE)).toBe(false);
    expect(shown(flow.notice)).toBe('This badge has expired. Ask your manager for a new one.');
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    expect(flow.badgeScanned(BADGE)).toBe(true);
    expect(flow.step).toBe('pin');
  });

  test('offline, signing in says the network is needed and keeps the PIN screen; back online it signs in', async () => {
    acceptPin(PIN);
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    server.offline = true;
    await flow.submitPin(PIN);
    expect(flow.step).toBe('pin');
    expect(shown(flow.notice)).toBe(en.signInErrors.NETWORK_ERROR);
    expect(flow.busy).toBe(false);

    server.offline = false;
    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
  });

  test('a second tap on Sign in while the first is on its way sends one attempt', async () => {
    let answer!: () => void;
    server.handle(
      'POST /auth/qr-pin/sign-in',
      () => new Promise((resolve) => (answer = () => resolve(refusal(401, 'PIN_INCORRECT')))),
    );
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    const first = flow.submitPin(PIN);
    await settle();
    expect(flow.busy).toBe(true);
    await flow.submitPin(PIN);
    answer();
    await first;
    expect(server.count('POST /auth/qr-pin/sign-in')).toBe(1);
    expect(shown(flow.notice)).toBe(en.signInErrors.PIN_INCORRECT);
  });

  test('a sign-out made offline reaches the server before the next worker’s sign-in', async () => {
    acceptPin(PIN);
    browser.localStorage.setItem(PENDING_SIGN_OUT, '1');
    server.offline = true;
    const flow = await openKiosk();
    server.offline = false;
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    const order = server.requests.map((r) => `${r.method} ${r.path}`).filter((r) => r.startsWith('POST'));
    expect(order).toEqual(['POST /auth/sign-out', 'POST /auth/qr-pin/sign-in']);
    expect(flow.step).toBe('home');
  });
});

describe('the forced PIN change', () => {
  /** A first sign-in with the admin-issued PIN: the change screen's first step. */
  async function changingPin(): Promise<KioskFlow> {
    acceptPin(PIN, sessionView({ mustChangePin: true }));
    server.handle('POST /auth/qr-pin/change-pin', () => {
      signedIn = sessionView();
      return ok();
    });
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('change-pin');
    expect(flow.pinChange?.step).toBe('choose');
    return flow;
  }

  const typeOnPad = (flow: KioskFlow, digits: string) => {
    for (const digit of digits) flow.pinChange!.typeDigit(digit);
  };

  test('a first sign-in asks for a new PIN, then for it again, and sends it with the PIN just typed', async () => {
    const flow = await changingPin();
    typeOnPad(flow, NEW_PIN);
    expect(flow.pinChange!.next()).toBe(true);
    expect(flow.pinChange!.step).toBe('confirm');
    typeOnPad(flow, NEW_PIN);
    await flow.savePin();
    expect(flow.step).toBe('home');
    expect(server.bodies('POST /auth/qr-pin/change-pin')).toEqual([{ currentPin: PIN, newPin: NEW_PIN }]);
    // Neither the PIN just used nor the new one is kept once the change is done.
    expect(flow.pinChange).toBeNull();
  });

  test('the number pad fills the current step’s field: the new PIN first, then the one typed again', async () => {
    const flow = await changingPin();
    const change = flow.pinChange!;
    typeOnPad(flow, '5820');
    change.deleteLast();
    typeOnPad(flow, '03917');
    expect(change.newPin).toBe(NEW_PIN);
    change.next();
    typeOnPad(flow, '99');
    change.clear();
    typeOnPad(flow, NEW_PIN);
    expect(change.again).toBe(NEW_PIN);
    expect(change.newPin).toBe(NEW_PIN);
  });

  test('Next with nothing typed, or with a PIN a rule refuses, stays on the first step with words and sends nothing', async () => {
    const flow = await changingPin();
    const change = flow.pinChange!;
    expect(change.next()).toBe(false);
    expect(change.problem).toEqual({ kind: 'empty' });
    expect(en.changePin.emptyNew).toBe('Type a new PIN first.');

    typeOnPad(flow, '12345678');
    expect(change.problem).toBeNull();
    expect(change.next()).toBe(false);
    expect(change.step).toBe('choose');
    // The rule the server would name first, in its words.
    expect(change.problem).toEqual({ kind: 'rule', rule: 'sequential_digits' });
    expect(pinRuleText(en, 'sequential_digits', 8)).toBe(en.pinRules.sequential_digits(5));

    expect(server.count('POST /auth/qr-pin/change-pin')).toBe(0);
  });

  test('the PIN just used to sign in is refused as the new one', () => {
    const change = new PinChange('61094837', 8);
    change.value = '61094837';
    expect(change.next()).toBe(false);
    expect(change.problem).toEqual({ kind: 'rule', rule: 'same_as_current' });
    expect(change.verdicts.same_as_current).toBe(false);
  });

  test('Back returns to the first step with the new PIN still there', async () => {
    const flow = await changingPin();
    const change = flow.pinChange!;
    typeOnPad(flow, NEW_PIN);
    change.next();
    typeOnPad(flow, '582');
    change.back();
    expect(change.step).toBe('choose');
    expect(change.value).toBe(NEW_PIN);
    change.next();
    expect(change.value).toBe('');
  });

  test('a PIN typed again differently goes back to the first step, both emptied, and sends nothing', async () => {
    const flow = await changingPin();
    const change = flow.pinChange!;
    typeOnPad(flow, NEW_PIN);
    change.next();
    await flow.savePin();
    expect(change.step).toBe('confirm');
    expect(change.problem).toEqual({ kind: 'empty' });

    typeOnPad(flow, '58203918');
    await flow.savePin();
    expect(flow.step).toBe('change-pin');
    expect(change.step).toBe('choose');
    expect(change.problem).toEqual({ kind: 'mismatch' });
    expect([change.newPin, change.again]).toEqual(['', '']);
    expect(server.count('POST /auth/qr-pin/change-pin')).toBe(0);
  });

  test('a new PIN the server refuses is explained at the first step', async () => {
    const flow = await changingPin();
    server.answer(
      'POST /auth/qr-pin/change-pin',
      refusal(400, 'PIN_POLICY_VIOLATION', { rule: 'common_pin' }),
    );
    const change = flow.pinChange!;
    typeOnPad(flow, NEW_PIN);
    change.next();
    typeOnPad(flow, NEW_PIN);
    await flow.savePin();
    expect(flow.step).toBe('change-pin');
    expect(change.step).toBe('choose');
    expect(change.problem?.kind === 'refused' && shown(change.problem.notice)).toBe(en.pinRules.common_pin);
  });

  test('offline, Save says the network is needed and stays on the second step; Save again then works', async () => {
    const flow = await changingPin();
    const change = flow.pinChange!;
    typeOnPad(flow, NEW_PIN);
    change.next();
    typeOnPad(flow, NEW_PIN);
    server.offline = true;
    await flow.savePin();
    expect(change.step).toBe('confirm');
    expect(change.problem?.kind === 'refused' && shown(change.problem.notice)).toContain(
      'Signing in needs the network',
    );
    server.offline = false;
    await flow.savePin();
    expect(flow.step).toBe('home');
  });

  test('Cancel signs the worker out on the server and shows the scan screen, nothing of the change kept', async () => {
    const flow = await changingPin();
    typeOnPad(flow, NEW_PIN);
    await flow.cancelPinChange();
    expect(flow.step).toBe('scan');
    expect(flow.notice).toBeNull();
    expect(flow.pinChange).toBeNull();
    expect(flow.worker).toBeNull();
    expect(signedIn).toBeNull();
    expect(server.count('POST /auth/sign-out')).toBe(1);
    expect(server.count('POST /auth/qr-pin/change-pin')).toBe(0);
  });

  test('an idle change screen signs the worker out like any other', async () => {
    const flow = await changingPin();
    typeOnPad(flow, '5820');
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(flow.step).toBe('scan');
    expect(flow.pinChange).toBeNull();
    expect(signedIn).toBeNull();
    expect(shown(flow.notice)).toBe('You were signed out because the phone was not used for a while.');
  });

  test('a session that ended during the change signs the worker out', async () => {
    const flow = await changingPin();
    server.answer('POST /auth/qr-pin/change-pin', refusal(401, 'UNAUTHENTICATED'));
    typeOnPad(flow, NEW_PIN);
    flow.pinChange!.next();
    typeOnPad(flow, NEW_PIN);
    await flow.savePin();
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('Your session ended. Scan your badge to sign in again.');
  });

  test('someone else starting a forced change in another tab: this tab shows the scan screen and leaves their session', async () => {
    const flow = await signedInKiosk();
    const ben = sessionView({ mustChangePin: true });
    ben.user = { ...ben.user, id: 'user-ben', displayName: 'Ben Okafor' };
    signedIn = ben;
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(flow.step).toBe('scan');
    expect(flow.worker).toBeNull();
    expect(flow.pinChange).toBeNull();
    expect(signedIn).toBe(ben);
  });
});

describe('signing out', () => {
  test('Sign out ends the session on the server, wipes the worker’s browser data and keeps the phone’s', async () => {
    const flow = await signedInKiosk();
    browser.sessionStorage.setItem('draft', 'notes of the worker');
    browser.cacheNames.add('worker-data').add('shell-v1');
    browser.databases.add('shiftpass-worker-notes').add('shiftpass-device');

    await flow.signOut('button');
    expect(flow.step).toBe('scan');
    expect(flow.notice).toBeNull();
    expect(flow.worker).toBeNull();
    expect(flow.apps).toEqual([]);
    expect(flow.sessionSecondsLeft).toBeNull();
    expect(server.count('POST /auth/sign-out')).toBe(1);
    expect(browser.sessionStorage.length).toBe(0);
    expect([...browser.cacheNames]).toEqual(['shell-v1']);
    expect([...browser.databases]).toEqual(['shiftpass-device']);
  });

  test('while a sign-out is on its way the worker’s screen stays and the flow says it is signing out, until the scan screen shows', async () => {
    const flow = await signedInKiosk();
    expect(flow.signingOut).toBe(false);
    const signingOut = flow.signOut('button');
    expect(flow.signingOut).toBe(true);
    expect(flow.step).toBe('home');
    await signingOut;
    expect(flow.signingOut).toBe(false);
    expect(flow.step).toBe('scan');
    expect(server.count('POST /auth/sign-out')).toBe(1);
  });

  test('signing out in one tab signs out every other tab, which does not sign out again', async () => {
    const first = await signedInKiosk();
    const second = await openKiosk();
    expect(second.step).toBe('home');

    await first.signOut('button');
    await settle();
    expect(second.step).toBe('scan');
    expect(second.worker).toBeNull();
    expect(second.notice).toBeNull();
    expect(server.count('POST /auth/sign-out')).toBe(1);
  });

  test('a sign-out in another tab leaves a tab nobody was signed in on alone', async () => {
    const idle = await openKiosk();
    const other = await signedInKiosk();
    idle.badgeScanned(BADGE);
    await other.signOut('button');
    await settle();
    expect(idle.step).toBe('pin');
  });

  test('the language a worker picked goes with them; the next person gets the phone’s', async () => {
    browser.navigator.languages = ['es-MX', 'es'];
    const flow = await signedInKiosk();
    i18n.choose('en');
    expect(i18n.locale).toBe('en');
    await flow.signOut('button');
    expect(i18n.locale).toBe('es');
    expect(browser.document.documentElement.lang).toBe('es');
  });

  test('a sign-out the server cannot hear yet (offline) is sent as soon as the network is back', async () => {
    const flow = await signedInKiosk();
    server.offline = true;
    await flow.signOut('button');
    expect(flow.step).toBe('scan');
    expect(browser.localStorage.getItem(PENDING_SIGN_OUT)).toBe('1');

    server.offline = false;
    browser.window.dispatchEvent(new Event('online'));
    await settle();
    expect(signedIn).toBeNull();
    expect(browser.localStorage.getItem(PENDING_SIGN_OUT)).toBeNull();
  });
});

describe('while someone is signed in', () => {
  test('an idle kiosk asks “Still there?” a minute before, and signs the worker out when nobody answers', async () => {
    const flow = await signedInKiosk();
    browser.sessionStorage.setItem('draft', 'notes');
    await vi.advanceTimersByTimeAsync(3 * MINUTE + 30 * SECOND);
    expect(flow.idleSecondsLeft).toBeNull();

    await vi.advanceTimersByTimeAsync(45 * SECOND);
    expect(flow.step).toBe('home');
    expect(en.idle.countdown(flow.idleSecondsLeft!)).toBe('You will be signed out in 45 seconds.');

    await vi.advanceTimersByTimeAsync(45 * SECOND);
    expect(flow.step).toBe('scan');
    expect(flow.idleSecondsLeft).toBeNull();
    expect(shown(flow.notice)).toBe('You were signed out because the phone was not used for a while.');
    expect(signedIn).toBeNull();
    expect(browser.sessionStorage.length).toBe(0);
  });

  test('“I’m still here” closes the warning and the idle minutes start again', async () => {
    const flow = await signedInKiosk();
    await vi.advanceTimersByTimeAsync(4 * MINUTE + 15 * SECOND);
    expect(flow.idleSecondsLeft).not.toBeNull();
    flow.stillHere();
    expect(flow.idleSecondsLeft).toBeNull();

    await vi.advanceTimersByTimeAsync(4 * MINUTE + 30 * SECOND);
    expect(flow.step).toBe('home');
    await vi.advanceTimersByTimeAsync(31 * SECOND);
    expect(flow.step).toBe('scan');
  });

  test('touching the screen is activity: a worker who keeps using the phone is not asked', async () => {
    const flow = await signedInKiosk();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(3 * MINUTE);
      browser.touch();
    }
    expect(flow.step).toBe('home');
    expect(flow.idleSecondsLeft).toBeNull();
  });

  test('a touch during the warning closes it', async () => {
    const flow = await signedInKiosk();
    await vi.advanceTimersByTimeAsync(4 * MINUTE + 15 * SECOND);
    browser.touch();
    expect(flow.idleSecondsLeft).toBeNull();
  });

  test('the idle limits are the session policy’s', async () => {
    const flow = await signedInKiosk(
      sessionView({ kioskIdle: { signOutAfterSeconds: 120, warningSeconds: 30 } }),
    );
    await vi.advanceTimersByTimeAsync(89 * SECOND);
    expect(flow.idleSecondsLeft).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    expect(flow.idleSecondsLeft).toBe(29);
    await vi.advanceTimersByTimeAsync(29 * SECOND);
    expect(flow.step).toBe('scan');
  });

  test('a session the server revokes ends on the kiosk within half a minute, with words', async () => {
    const flow = await signedInKiosk();
    browser.cacheNames.add('worker-data');
    signedIn = null; // revoked by an admin
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('Your session ended. Scan your badge to sign in again.');
    expect(browser.cacheNames.size).toBe(0);
  });

  test('an open session outlives a short outage and ends after the grace period', async () => {
    const flow = await signedInKiosk();
    server.offline = true;
    for (let i = 0; i < 2; i++) {
      await vi.advanceTimersByTimeAsync(2 * MINUTE);
      browser.touch();
      expect(flow.step).toBe('home');
    }
    await vi.advanceTimersByTimeAsync(1 * MINUTE + 30 * SECOND);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('You were signed out because the phone has been offline for too long.');
    expect(browser.localStorage.getItem(PENDING_SIGN_OUT)).toBe('1');

    server.offline = false;
    browser.window.dispatchEvent(new Event('online'));
    await settle();
    expect(signedIn).toBeNull();
  });

  test('an outage shorter than the grace period changes nothing', async () => {
    const flow = await signedInKiosk();
    server.offline = true;
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    browser.touch();
    server.offline = false;
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    browser.touch();
    server.offline = true;
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    browser.touch();
    expect(flow.step).toBe('home');
  });

  test('the time left counts down on the monotonic clock, and the kiosk signs out at the session’s limit', async () => {
    const endsAt = Date.now() + 90 * SECOND;
    const session = () =>
      sessionView({ expiresInSeconds: Math.max(0, Math.floor((endsAt - Date.now()) / 1000)) });
    acceptPin(PIN, session());
    const flow = await openKiosk();
    server.handle('GET /auth/session', () => (signedIn ? ok(session()) : refusal(401, 'UNAUTHENTICATED')));
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(timeLeftText(en, flow.sessionSecondsLeft!)).toBe('Session time left: 1 min');

    await vi.advanceTimersByTimeAsync(31 * SECOND);
    expect(timeLeftText(en, flow.sessionSecondsLeft!)).toBe('Session time left: less than a minute');
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('Your session reached its time limit. Scan your badge to sign in again.');
  });

  test('the reason for a sign-out stays on the PIN screen when the badge still in view is read again', async () => {
    const flow = await signedInKiosk();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(flow.step).toBe('scan');
    flow.badgeScanned(BADGE);
    expect(flow.step).toBe('pin');
    expect(shown(flow.notice)).toBe('You were signed out because the phone was not used for a while.');
  });

  test('someone else signing in from another tab shows who is really signed in now', async () => {
    const flow = await signedInKiosk();
    const ben = sessionView();
    ben.user = { ...ben.user, id: 'user-ben', displayName: 'Ben Okafor', groups: [] };
    signedIn = ben;
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(flow.step).toBe('home');
    expect(flow.worker).toMatchObject({ displayName: 'Ben Okafor', stores: [] });
  });

  test('Back after the session ended shows nothing of the worker: the page stays veiled until the server answers', async () => {
    const flow = await signedInKiosk();
    browser.window.dispatchEvent(pageTransition('pagehide', true));
    expect(flow.veiled).toBe(true);
    signedIn = null; // revoked while the page was in the back/forward cache

    browser.window.dispatchEvent(pageTransition('pageshow', true));
    expect(flow.veiled).toBe(true);
    await settle();
    expect(flow.veiled).toBe(false);
    expect(flow.step).toBe('scan');
    expect(flow.worker).toBeNull();
  });

  test('destroying the kiosk page stops every timer it started', async () => {
    const flow = await signedInKiosk();
    flow.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('on an enrolled kiosk', () => {
  const proof = { attestation: 'att', proof: 'jws' } as unknown as DeviceProofBody;

  function fakeDevice(answer: ApiResult<DeviceProofBody> | null = { ok: true, status: 200, data: proof }) {
    const refusedWith: ClientError[] = [];
    const paths: string[] = [];
    const device: DeviceBinding = {
      proofFor: (path) => {
        paths.push(path);
        return Promise.resolve(answer);
      },
      refused: (error) => {
        refusedWith.push(error);
        return Promise.resolve();
      },
    };
    return { device, refusedWith, paths };
  }

  test('every sign-in carries a device proof made for the sign-in request', async () => {
    acceptPin(PIN);
    const { device, paths } = fakeDevice();
    const flow = await openKiosk(device);
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('home');
    expect(paths).toEqual(['/auth/qr-pin/sign-in']);
    expect(server.bodies('POST /auth/qr-pin/sign-in')).toEqual([{ qr: BADGE, pin: PIN, device: proof }]);
  });

  test('a device the server revoked is refused with words, and the kiosk device is told', async () => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(403, 'DEVICE_REVOKED'));
    const { device, refusedWith } = fakeDevice();
    const flow = await openKiosk(device);
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('This phone is no longer set up as a kiosk. Ask a manager.');
    expect(refusedWith.map((e) => e.code)).toEqual(['DEVICE_REVOKED']);
  });

  test('a proof the phone cannot make (offline) stops the sign-in before anything is sent', async () => {
    const { device } = fakeDevice({
      ok: false,
      status: 0,
      error: { code: 'NETWORK_ERROR', message: 'offline' },
    });
    const flow = await openKiosk(device);
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('pin');
    expect(shown(flow.notice)).toBe(en.signInErrors.NETWORK_ERROR);
    expect(server.count('POST /auth/qr-pin/sign-in')).toBe(0);
  });

  test('refusals that are not about the device leave the kiosk device alone', async () => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(401, 'PIN_INCORRECT', { remainingAttempts: 3 }));
    const { device, refusedWith } = fakeDevice();
    const flow = await openKiosk(device);
    flow.badgeScanned(BADGE);
    await flow.submitPin('24681359');
    expect(refusedWith).toEqual([]);
    expect(shown(flow.notice)).toBe('That PIN is not right. 3 tries left.');
  });
});

describe('sign-ins the access rules refuse', () => {
  test('a policy block is explained in one short sentence by its reason code (the log keeps the detail)', async () => {
    server.answer(
      'POST /auth/qr-pin/sign-in',
      refusal(403, 'ACCESS_BLOCKED_BY_POLICY', {
        reason: "no allow policy was met: 'Store kiosks' (no device information)",
        reasonCode: 'NOT_A_STORE_KIOSK',
      }),
    );
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(en.signInErrors.accessNotAStoreKiosk);
  });

  test.each([
    ['METHOD_DISABLED_BY_POLICY', 'Badge sign-in is not turned on for you. Ask your manager.'],
    ['QR_CODE_NOT_YET_ACTIVE', 'This badge is not active yet. Try again later or ask your manager.'],
    ['TOO_MANY_ATTEMPTS', 'Too many failed sign-ins on this device. Wait a few minutes, then try again.'],
  ])('%s is refused on the scan screen with words that say what to do', async (code, words) => {
    server.answer('POST /auth/qr-pin/sign-in', refusal(403, code));
    const flow = await openKiosk();
    flow.badgeScanned(BADGE);
    await flow.submitPin(PIN);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(words);
  });
});
