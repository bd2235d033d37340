/**
 * "Manager: exit kiosk mode" (ExitKioskFlow): the manager's badge and PIN, then suspend or remove,
 * sent with the device proof; against a fake server and a fake kiosk device.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { messagesFor } from '../../../src/lib/i18n/catalogue.js';
import { describeExit } from '../../../src/lib/i18n/describe.js';
import {
  ExitKioskFlow,
  type ExitAction,
  type ExitKioskDeps,
} from '../../../src/lib/kiosk/exit-kiosk-flow.svelte.js';
import type { Notice } from '../../../src/lib/kiosk/notice.js';
import type { ApiResult, ClientError } from '../../../src/lib/api/client.js';
import type { DeviceProofBody } from '../../../server/contracts/devices.js';
import { FakeServer, installBrowser, ok, refusal, settle } from './fakes.js';

const en = messagesFor('en');
const ISSUER = 'ACME';
const MANAGER_BADGE = `SP1:${ISSUER}:ABCDEFGHJKMNPQRS:ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const MANAGER_PIN = '50391728';
const EXIT = 'POST /devices/exit-kiosk';
const proof = { attestation: 'att', proof: 'jws' } as unknown as DeviceProofBody;

let server: FakeServer;

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  installBrowser(server);
});

afterEach(() => {
  expect(server.unexpected).toEqual([]);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** What the exit screens say, as the kiosk page words them. */
const shown = (notice: Notice | null) => (notice ? describeExit(en, notice, 8) : null);

function fakeKiosk(proofAnswer: ApiResult<DeviceProofBody> | null = { ok: true, status: 200, data: proof }) {
  const calls = {
    done: [] as ExitAction[],
    refused: [] as ClientError[],
    notKiosk: 0,
    proofPaths: [] as string[],
  };
  const deps: ExitKioskDeps = {
    issuerId: () => ISSUER,
    proofFor: (path) => {
      calls.proofPaths.push(path);
      return Promise.resolve(proofAnswer);
    },
    refused: (error) => {
      calls.refused.push(error);
      return Promise.resolve();
    },
    done: (action) => {
      calls.done.push(action);
      return Promise.resolve();
    },
    notKiosk: () => {
      calls.notKiosk += 1;
    },
  };
  return { deps, calls };
}

/** Badge scanned, PIN typed: the screen that offers suspend and remove. */
function atTheChoice(deps: ExitKioskDeps): ExitKioskFlow {
  const flow = new ExitKioskFlow(deps);
  expect(flow.badgeScanned(MANAGER_BADGE)).toBe(true);
  expect(flow.step).toBe('pin');
  flow.pinEntered(MANAGER_PIN);
  expect(flow.step).toBe('choose');
  return flow;
}

describe('a hardware scanner on the exit screens', () => {
  test('a manager badge typed into the code field by a scanner is read as a scan and not kept there', () => {
    const flow = new ExitKioskFlow(fakeKiosk().deps);
    flow.typeCodeInstead();
    expect(flow.codeTyped(MANAGER_BADGE)).toBe(true);
    expect(flow.step).toBe('pin');
    expect(flow.typedCode).toBe('');
  });

  test('half a badge typed by a scanner gets the scan screen with the bad-scan words', () => {
    const flow = new ExitKioskFlow(fakeKiosk().deps);
    flow.typeCodeInstead();
    expect(flow.codeTyped(MANAGER_BADGE.slice(0, 25))).toBe(false);
    expect(flow.step).toBe('scan');
    expect(flow.typedCode).toBe('');
    expect(shown(flow.notice)).toBe(en.signInErrors.QR_CODE_NOT_RECOGNIZED);
  });
});

describe('exiting kiosk mode', () => {
  test.each(['suspend', 'unenroll'] as const)(
    'a manager’s badge, PIN and the choice to %s go to the server with a fresh device proof, and the kiosk follows',
    async (action) => {
      server.answer(EXIT, ok({ status: action === 'suspend' ? 'suspended' : 'revoked' }));
      const { deps, calls } = fakeKiosk();
      const flow = atTheChoice(deps);
      await flow.choose(action);
      expect(calls.proofPaths).toEqual(['/devices/exit-kiosk']);
      expect(server.bodies(EXIT)).toEqual([{ qr: MANAGER_BADGE, pin: MANAGER_PIN, action, device: proof }]);
      expect(calls.done).toEqual([action]);
      expect(flow.busy).toBe(false);
    },
  );

  test('the manager may type their badge code instead of scanning it', async () => {
    server.answer(EXIT, ok({}));
    const { deps } = fakeKiosk();
    const flow = new ExitKioskFlow(deps);
    flow.typeCodeInstead();
    expect(flow.step).toBe('type-code');
    expect(flow.codeTyped('7kq4m')).toBe(false);
    expect(shown(flow.notice)).toBe(en.typeCode.invalid);
    expect(flow.codeTyped('7kq4m-2xj9p')).toBe(true);
    flow.pinEntered(MANAGER_PIN);
    await flow.choose('suspend');
    expect(server.bodies(EXIT)).toEqual([
      { shortCode: '7KQ4M2XJ9P', pin: MANAGER_PIN, action: 'suspend', device: proof },
    ]);
  });

  test('another organization’s badge is refused before the PIN', () => {
    const { deps } = fakeKiosk();
    const flow = new ExitKioskFlow(deps);
    expect(flow.badgeScanned(MANAGER_BADGE.replace('SP1:ACME:', 'SP1:OTHERSITE:'))).toBe(false);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(en.signInErrors.foreignBadge);
  });

  test('an empty PIN does not move on to the choice', () => {
    const { deps } = fakeKiosk();
    const flow = new ExitKioskFlow(deps);
    flow.badgeScanned(MANAGER_BADGE);
    flow.pinEntered('');
    expect(flow.step).toBe('pin');
  });

  test('a wrong PIN goes back to the PIN screen with the tries left', async () => {
    server.answer(EXIT, refusal(401, 'PIN_INCORRECT', { remainingAttempts: 4 }), ok({}));
    const { deps, calls } = fakeKiosk();
    const flow = atTheChoice(deps);
    await flow.choose('unenroll');
    expect(flow.step).toBe('pin');
    expect(shown(flow.notice)).toBe('That PIN is not right. 4 tries left.');
    expect(calls.done).toEqual([]);

    // The PIN is not kept: choosing again without a new PIN sends nothing.
    await flow.choose('unenroll');
    expect(server.count(EXIT)).toBe(1);
    flow.pinEntered(MANAGER_PIN);
    await flow.choose('unenroll');
    expect(calls.done).toEqual(['unenroll']);
  });

  test('a badge that may not exit this kiosk is told so on the scan screen', async () => {
    server.answer(EXIT, refusal(403, 'FORBIDDEN'));
    const { deps, calls } = fakeKiosk();
    const flow = atTheChoice(deps);
    await flow.choose('suspend');
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('Only a manager of this kiosk’s store can exit kiosk mode.');
    expect(calls.done).toEqual([]);
  });

  test('a locked badge is refused with the kiosk’s words', async () => {
    server.answer(EXIT, refusal(423, 'METHOD_LOCKED', { retryAfterSeconds: 60 }));
    const { deps } = fakeKiosk();
    const flow = atTheChoice(deps);
    await flow.choose('suspend');
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe(en.signInErrors.METHOD_LOCKED);
  });

  test('a device the server refuses is handed to the kiosk device, and the words say so', async () => {
    server.answer(EXIT, refusal(403, 'DEVICE_REVOKED'));
    const { deps, calls } = fakeKiosk();
    const flow = atTheChoice(deps);
    await flow.choose('suspend');
    expect(calls.refused.map((e) => e.code)).toEqual(['DEVICE_REVOKED']);
    expect(flow.step).toBe('scan');
    expect(shown(flow.notice)).toBe('This phone is no longer set up as a kiosk. Ask a manager.');
  });

  test('a phone whose binding was lost meanwhile has nothing left to exit: the exit closes, nothing is sent', async () => {
    const { deps, calls } = fakeKiosk(null);
    const flow = atTheChoice(deps);
    await flow.choose('unenroll');
    expect(calls.notKiosk).toBe(1);
    expect(server.count(EXIT)).toBe(0);
    expect(flow.busy).toBe(false);
  });

  test('a proof the phone cannot make is explained on the choice screen, nothing is sent', async () => {
    const { deps } = fakeKiosk({
      ok: false,
      status: 0,
      error: { code: 'NETWORK_ERROR', message: 'offline' },
    });
    const flow = atTheChoice(deps);
    await flow.choose('suspend');
    expect(flow.step).toBe('choose');
    expect(shown(flow.notice)).toBe(en.signInErrors.NETWORK_ERROR);
    expect(server.count(EXIT)).toBe(0);
  });

  test('offline, the choice stays on screen and can be sent again once the network is back', async () => {
    server.answer(EXIT, ok({}));
    const { deps, calls } = fakeKiosk();
    const flow = atTheChoice(deps);
    server.offline = true;
    await flow.choose('suspend');
    expect(flow.step).toBe('choose');
    expect(shown(flow.notice)).toBe(en.signInErrors.NETWORK_ERROR);

    server.offline = false;
    await flow.choose('suspend');
    expect(calls.done).toEqual(['suspend']);
    expect(server.bodies(EXIT)).toEqual([
      { qr: MANAGER_BADGE, pin: MANAGER_PIN, action: 'suspend', device: proof },
    ]);
  });

  test('a second tap while the choice is on its way sends it once', async () => {
    let answer!: () => void;
    server.handle(EXIT, () => new Promise((resolve) => (answer = () => resolve(ok({})))));
    const { deps, calls } = fakeKiosk();
    const flow = atTheChoice(deps);
    const first = flow.choose('suspend');
    await settle();
    expect(flow.busy).toBe(true);
    await flow.choose('unenroll');
    answer();
    await first;
    expect(server.count(EXIT)).toBe(1);
    expect(calls.done).toEqual(['suspend']);
  });

  test('going back to the scan screen forgets the badge and the PIN', async () => {
    const { deps } = fakeKiosk();
    const flow = atTheChoice(deps);
    flow.backToScan();
    expect(flow.step).toBe('scan');
    await flow.choose('unenroll');
    expect(server.count(EXIT)).toBe(0);
  });
});
