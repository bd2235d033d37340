/**
 * "Forgot PIN?" on the PIN screen, for the badge just scanned (server: features/forgot-pin/):
 * open a reset request (this kiosk alone holds its secret, in memory) → a manager approves, on this
 * phone (ManagerConfirm: their badge + PIN) or in the console while this phone waits and polls → the
 * worker chooses a new PIN (PinChange, the same two steps and rules as the forced change) → `ended`
 * with 'done', and the kiosk asks for the new PIN on its PIN screen: the worker then signs in through
 * the normal sign-in, with device binding and access policies, and proves they know the new PIN.
 *
 * Nothing is left for the next person: Cancel, 2 minutes without a touch (except while waiting for the
 * console, which the request's 10 minutes bound), those 10 minutes running out, and the page going away (reload, navigation) all end the request on the server and
 * drop the secret and the PINs from memory.
 */
import { api, type ApiResult, type ClientError } from '$lib/api/client';
import { IdleTimer } from '$lib/session/idle-timer';
import type { DeviceProofBody } from '$server/contracts/devices';
import type { ForgotPinOpened, ForgotPinStatusView } from '$server/contracts/forgot-pin';
import { ManagerConfirm, type ManagerConfirmOutcome } from './manager-confirm.svelte';
import { errorNotice, type Notice } from './notice';
import { PinChange } from './pin-change.svelte';
import { secondsUntil } from './time-left';

export type ForgotPinStep = 'confirm' | 'waiting' | 'new-pin';

/** How the reset ended, for the PIN screen: `done` (the new PIN is set) or what to tell the worker. */
export type ForgotPinEnd = { kind: 'done' } | { kind: 'cancelled' } | { kind: 'ended'; notice: Notice };

export interface ForgotPinDeps {
  /** The worker's badge, as scanned or typed. */
  badge: { qr: string } | { shortCode: string };
  issuerId: () => string | null;
  /** An enrolled kiosk's device proof for a path (null on a phone that is not a kiosk). */
  proofFor(apiPath: string): Promise<ApiResult<DeviceProofBody> | null>;
  /** The policy's PIN length, for the new PIN's rules. */
  minLength: number;
  ended(end: ForgotPinEnd): void;
}

const BASE = '/auth/qr-pin/forgot-pin';
/** How often the waiting screen asks whether a manager approved in the console. */
export const POLL_MS = 3000;
/** Without a touch for this long, the reset ends (the worker walked away). */
export const FORGOT_PIN_IDLE_MS = 120_000;

interface HeldRequest {
  requestId: string;
  requestSecret: string;
  /** performance.now() at which the request stops waiting for an approval. */
  endsAt: number;
}

/** A proof for `path` when this phone is an enrolled kiosk; `false` when it could not be made. */
async function deviceFor(
  deps: ForgotPinDeps,
  path: string,
): Promise<{ device?: DeviceProofBody } | { error: ClientError }> {
  const proof = await deps.proofFor(path);
  if (!proof) return {};
  return proof.ok ? { device: proof.data } : { error: proof.error };
}

export class ForgotPinFlow {
  step = $state<ForgotPinStep>('confirm');
  busy = $state(false);
  /** Who approved on the phone or in the console, once someone has. */
  approvedBy = $state<string | null>(null);
  /** What the waiting screen says (an error while polling), if anything. */
  notice = $state<Notice | null>(null);
  /** Seconds left for an approval while waiting; null otherwise. */
  secondsLeft = $state<number | null>(null);
  readonly confirm: ManagerConfirm;
  pinChange = $state<PinChange | null>(null);
  #request: HeldRequest | null = null;
  #poll: ReturnType<typeof setInterval> | undefined;
  #tick: ReturnType<typeof setInterval> | undefined;
  #idle: IdleTimer | null = null;
  #over = false;
  readonly #deps: ForgotPinDeps;

  constructor(deps: ForgotPinDeps) {
    this.#deps = deps;
    this.confirm = new ManagerConfirm({
      issuerId: deps.issuerId,
      confirm: (qr, pin) => this.#approveHere(qr, pin),
    });
  }

  /** Opens the request on the server; the refusal, if any (the flow is then not started). */
  async open(): Promise<ClientError | null> {
    const path = `${BASE}`;
    const device = await deviceFor(this.#deps, path);
    if ('error' in device) return device.error;
    const result = await api<ForgotPinOpened>('POST', path, { ...this.#deps.badge, ...device });
    if (!result.ok) return result.error;
    const msLeft = Date.parse(result.data.expiresDateTime) - Date.now();
    this.#request = {
      requestId: result.data.requestId,
      requestSecret: result.data.requestSecret,
      // The server's 10 minutes, counted here on the monotonic clock (a phone's clock may be wrong).
      endsAt: performance.now() + Math.min(Math.max(msLeft, 0), 10 * 60 * 1000),
    };
    this.#idle = new IdleTimer({
      signOutAfterMs: FORGOT_PIN_IDLE_MS,
      warningMs: 0,
      onWarning: () => undefined,
      onActive: () => undefined,
      onTimeout: () => void this.cancel(),
    });
    this.#idle.start();
    return null;
  }

  get #ref() {
    return (
      this.#request && { requestId: this.#request.requestId, requestSecret: this.#request.requestSecret }
    );
  }

  /** The manager's badge + PIN, sent with this request (ManagerConfirm's confirm). */
  async #approveHere(qr: string, pin: string): Promise<ManagerConfirmOutcome> {
    const ref = this.#ref;
    if (!ref) return { ok: false, error: { code: 'PIN_RESET_REQUEST_INVALID', message: '' } };
    const path = `${BASE}/approve`;
    const device = await deviceFor(this.#deps, path);
    if ('error' in device) return { ok: false, error: device.error };
    const result = await api<{ approvedBy: { displayName: string } }>('POST', path, {
      ...ref,
      qr,
      pin,
      ...device,
    });
    if (!result.ok) {
      // The request itself is over (expired, used elsewhere): nothing more can be done with it.
      if (result.error.code.startsWith('PIN_RESET_'))
        this.#end({ kind: 'ended', notice: errorNotice(result.error) });
      return { ok: false, error: result.error };
    }
    this.#approved(result.data.approvedBy.displayName);
    return { ok: true };
  }

  /** "No manager here?": wait for an approval in the console, asking the server every few seconds. */
  waitForConsole(): void {
    if (!this.#request || this.#over) return;
    this.confirm.reset();
    this.notice = null;
    this.step = 'waiting';
    // Waiting is standing still: the request's own 10 minutes end it, not the lack of touches.
    this.#idle?.stop();
    this.#countDown();
    this.#tick = setInterval(() => this.#countDown(), 1000);
    this.#poll = setInterval(() => void this.#checkStatus(), POLL_MS);
  }

  /** Back from the waiting screen to asking a manager here. */
  askHere(): void {
    this.#stopWaiting();
    this.#idle?.start();
    this.notice = null;
    this.step = 'confirm';
  }

  #countDown(): void {
    if (!this.#request) return;
    const left = secondsUntil(this.#request.endsAt, performance.now());
    this.secondsLeft = left;
    if (left === 0) void this.#expire();
  }

  async #checkStatus(): Promise<void> {
    const ref = this.#ref;
    if (!ref || this.step !== 'waiting') return;
    const result = await api<ForgotPinStatusView>('POST', `${BASE}/status`, ref);
    if (this.#over || this.step !== 'waiting') return;
    if (!result.ok) {
      // Offline for a moment: keep asking. Anything else: the request is gone.
      if (result.error.code === 'NETWORK_ERROR') this.notice = errorNotice(result.error);
      else this.#end({ kind: 'ended', notice: errorNotice(result.error) });
      return;
    }
    this.notice = null;
    const { status, approvedBy } = result.data;
    if (status === 'approved') this.#approved(approvedBy?.displayName ?? null);
    else if (status === 'declined')
      this.#end({ kind: 'ended', notice: { kind: 'pin-reset', problem: 'declined' } });
    else if (status === 'expired') void this.#expire();
    else if (status === 'closed')
      this.#end({ kind: 'ended', notice: errorNotice({ code: 'PIN_RESET_REQUEST_USED', message: '' }) });
  }

  async #expire(): Promise<void> {
    await this.#cancelOnServer();
    this.#end({ kind: 'ended', notice: { kind: 'pin-reset', problem: 'expired' } });
  }

  #approved(name: string | null): void {
    if (this.step === 'waiting') this.#idle?.start();
    this.#stopWaiting();
    this.approvedBy = name;
    this.pinChange = new PinChange('', this.#deps.minLength);
    this.step = 'new-pin';
  }

  /** "Save PIN" on the new PIN's second step. */
  async save(): Promise<void> {
    const change = this.pinChange;
    const ref = this.#ref;
    if (!change || !ref || this.busy) return;
    const newPin = change.confirmed();
    if (newPin === null) return;
    this.busy = true;
    const result = await api<void>('POST', `${BASE}/new-pin`, { ...ref, newPin });
    this.busy = false;
    if (result.ok) {
      this.#request = null;
      this.#end({ kind: 'done' });
      return;
    }
    const { error } = result;
    if (error.code === 'PIN_POLICY_VIOLATION' || error.code === 'NETWORK_ERROR') {
      change.refused(errorNotice(error), error.code === 'NETWORK_ERROR');
      return;
    }
    this.#end({ kind: 'ended', notice: errorNotice(error) });
  }

  /** Cancel (or the worker walked away): the request ends on the server, and here. */
  async cancel(): Promise<void> {
    if (this.#over) return;
    await this.#cancelOnServer();
    this.#end({ kind: 'cancelled' });
  }

  /** The page is going away (reload, navigation): the request ends with it, sent so it outlives the page. */
  abandon(): void {
    const ref = this.#ref;
    if (ref && !this.#over) {
      void fetch(`/api${BASE}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ref),
        credentials: 'same-origin',
        keepalive: true,
      }).catch(() => undefined);
    }
    this.#end(null);
  }

  async #cancelOnServer(): Promise<void> {
    const ref = this.#ref;
    // Offline: the request cannot be used without its secret, which goes now; it ends in 10 minutes.
    if (ref) await api<void>('POST', `${BASE}/cancel`, ref);
  }

  #stopWaiting(): void {
    if (this.#poll !== undefined) clearInterval(this.#poll);
    if (this.#tick !== undefined) clearInterval(this.#tick);
    this.#poll = undefined;
    this.#tick = undefined;
    this.secondsLeft = null;
  }

  /** Forgets everything (secret, PINs, the manager's badge) and tells the kiosk, once. */
  #end(end: ForgotPinEnd | null): void {
    if (this.#over) return;
    this.#over = true;
    this.#stopWaiting();
    this.#idle?.stop();
    this.#idle = null;
    this.#request = null;
    this.confirm.reset();
    this.pinChange = null;
    if (end) this.#deps.ended(end);
  }
}
