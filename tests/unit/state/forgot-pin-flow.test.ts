/**
 * "Forgot PIN?" on the kiosk (ForgotPinFlow) against a fake server: a request is opened for the
 * scanned badge; a manager approves here or the phone polls for a console approval; the new PIN is
 * chosen on the forced change's two steps; Cancel, idle, the 10 minutes and leaving end the request.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  FORGOT_PIN_IDLE_MS,
  ForgotPinFlow,
  POLL_MS,
  type ForgotPinEnd,
} from '../../../src/lib/kiosk/forgot-pin.svelte.js';
import { FakeServer, installBrowser, ok, refusal, settle } from './fakes.js';

const ISSUER = 'ACME';
const WORKER_BADGE = `SP1:${ISSUER}:WORKERCODE123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const MANAGER_BADGE = `SP1:${ISSUER}:ABCDEFGHJKMNPQRS:ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const REF = { requestId: 'req-1', requestSecret: 'secret-1' };
const OPEN = 'POST /auth/qr-pin/forgot-pin';
const APPROVE = 'POST /auth/qr-pin/forgot-pin/approve';
const STATUS = 'POST /auth/qr-pin/forgot-pin/status';
const CANCEL = 'POST /auth/qr-pin/forgot-pin/cancel';
const NEW_PIN = 'POST /auth/qr-pin/forgot-pin/new-pin';

let server: FakeServer;
let ends: ForgotPinEnd[];

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  installBrowser(server);
  ends = [];
  server.answer(OPEN, ok({ ...REF, expiresDateTime: new Date(Date.now() + 600_000).toISOString() }, 201));
  server.answer(CANCEL, ok());
});

afterEach(() => {
  expect(server.unexpected).toEqual([]);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function openedFlow(): Promise<ForgotPinFlow> {
  const flow = new ForgotPinFlow({
    badge: { qr: WORKER_BADGE },
    issuerId: () => ISSUER,
    proofFor: () => Promise.resolve(null),
    minLength: 8,
    ended: (end) => ends.push(end),
  });
  expect(await flow.open()).toBeNull();
  expect(server.bodies(OPEN)).toEqual([{ qr: WORKER_BADGE }]);
  return flow;
}

function typeNewPin(flow: ForgotPinFlow, pin: string) {
  flow.pinChange!.value = pin;
  expect(flow.pinChange!.next()).toBe(true);
  flow.pinChange!.value = pin;
}

describe('approved on the phone', () => {
  test('the manager’s badge and PIN go with the request; the new PIN is sent with it once', async () => {
    server.answer(APPROVE, ok({ approvedBy: { displayName: 'Marta' } }));
    server.answer(NEW_PIN, ok());
    const flow = await openedFlow();
    flow.confirm.ask();
    flow.confirm.badgeScanned(MANAGER_BADGE);
    await flow.confirm.pinEntered('50391728');
    expect(server.bodies(APPROVE)).toEqual([{ ...REF, qr: MANAGER_BADGE, pin: '50391728' }]);
    expect(flow.step).toBe('new-pin');
    expect(flow.approvedBy).toBe('Marta');

    typeNewPin(flow, '58203917');
    await flow.save();
    expect(server.bodies(NEW_PIN)).toEqual([{ ...REF, newPin: '58203917' }]);
    expect(ends).toEqual([{ kind: 'done' }]);
    expect(flow.pinChange).toBeNull();
  });

  test('an expired request ends the reset with the server’s reason', async () => {
    server.answer(APPROVE, refusal(410, 'PIN_RESET_REQUEST_EXPIRED'));
    const flow = await openedFlow();
    flow.confirm.ask();
    flow.confirm.badgeScanned(MANAGER_BADGE);
    await flow.confirm.pinEntered('50391728');
    expect(ends).toEqual([
      {
        kind: 'ended',
        notice: { kind: 'error', error: expect.objectContaining({ code: 'PIN_RESET_REQUEST_EXPIRED' }) },
      },
    ]);
  });
});

describe('waiting for the console', () => {
  test('polls every few seconds, and goes on to the new PIN once approved', async () => {
    server.answer(
      STATUS,
      ok({ status: 'pending', expiresDateTime: '', approvedBy: null }),
      ok({ status: 'approved', expiresDateTime: '', approvedBy: { displayName: 'Marta' } }),
    );
    const flow = await openedFlow();
    flow.waitForConsole();
    expect(flow.step).toBe('waiting');
    expect(flow.secondsLeft).toBe(600);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(flow.step).toBe('waiting');
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(flow.step).toBe('new-pin');
    expect(flow.approvedBy).toBe('Marta');
    // Polling stops once approved.
    const polls = server.count(STATUS);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(server.count(STATUS)).toBe(polls);
  });

  test('a decline is said, and the request ends', async () => {
    server.answer(STATUS, ok({ status: 'declined', expiresDateTime: '', approvedBy: null }));
    const flow = await openedFlow();
    flow.waitForConsole();
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(ends).toEqual([{ kind: 'ended', notice: { kind: 'pin-reset', problem: 'declined' } }]);
  });

  test('after 10 minutes without an approval the request is cancelled on the server and ends', async () => {
    server.answer(STATUS, ok({ status: 'pending', expiresDateTime: '', approvedBy: null }));
    const flow = await openedFlow();
    flow.waitForConsole();
    await vi.advanceTimersByTimeAsync(600_000);
    await settle();
    expect(server.bodies(CANCEL)).toEqual([REF]);
    expect(ends).toEqual([{ kind: 'ended', notice: { kind: 'pin-reset', problem: 'expired' } }]);
    expect(flow.step).toBe('waiting');
  });

  test('waiting is not "idle": no touch for longer than the idle limit does not end it', async () => {
    server.answer(STATUS, ok({ status: 'pending', expiresDateTime: '', approvedBy: null }));
    const flow = await openedFlow();
    flow.waitForConsole();
    await vi.advanceTimersByTimeAsync(FORGOT_PIN_IDLE_MS + 5000);
    expect(ends).toEqual([]);
    flow.askHere();
    await vi.advanceTimersByTimeAsync(FORGOT_PIN_IDLE_MS + 1000);
    expect(ends).toEqual([{ kind: 'cancelled' }]);
  });
});

describe('nothing left for the next person', () => {
  test('Cancel ends the request on the server', async () => {
    const flow = await openedFlow();
    await flow.cancel();
    expect(server.bodies(CANCEL)).toEqual([REF]);
    expect(ends).toEqual([{ kind: 'cancelled' }]);
  });

  test('two idle minutes end it', async () => {
    await openedFlow();
    await vi.advanceTimersByTimeAsync(FORGOT_PIN_IDLE_MS + 1000);
    expect(server.bodies(CANCEL)).toEqual([REF]);
    expect(ends).toEqual([{ kind: 'cancelled' }]);
  });

  test('leaving the page sends the cancel and forgets the request', async () => {
    const flow = await openedFlow();
    flow.waitForConsole();
    flow.abandon();
    await settle();
    expect(server.bodies(CANCEL)).toEqual([REF]);
    // No more polling, and a late cancel sends nothing more.
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(server.count(STATUS)).toBe(0);
    await flow.cancel();
    expect(server.count(CANCEL)).toBe(1);
  });

  test('a refused opening starts nothing', async () => {
    server.answer(OPEN, refusal(403, 'PIN_RESET_NEEDS_ADMIN'));
    const flow = new ForgotPinFlow({
      badge: { qr: WORKER_BADGE },
      issuerId: () => ISSUER,
      proofFor: () => Promise.resolve(null),
      minLength: 8,
      ended: (end) => ends.push(end),
    });
    expect((await flow.open())?.code).toBe('PIN_RESET_NEEDS_ADMIN');
    await vi.advanceTimersByTimeAsync(FORGOT_PIN_IDLE_MS + 1000);
    expect(server.count(CANCEL)).toBe(0);
  });
});
