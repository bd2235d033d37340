/**
 * A manager confirming something for a worker on the worker's phone, step by step: `intro` (what is
 * asked, in the words the parent gives) → `scan` the manager's own badge → the manager's `pin` → the
 * parent's `confirm(qr, pin)` (which calls the server) → `done`. Used by "Forgot PIN?"
 * (forgot-pin.svelte.ts) and by a manager's step-up for an access policy. The manager's PIN lives in
 * memory only for the call; a refusal is kept as a Notice, worded when shown (src/lib/i18n/describe.ts).
 */
import type { ClientError } from '$lib/api/client';
import { parseQrPayload } from '$server/contracts/badge';
import { errorNotice, type Notice } from './notice';

export type ManagerConfirmStep = 'intro' | 'scan' | 'pin' | 'done';

/** What the parent's confirm call answered: the server's refusal, if any, as the client saw it. */
export type ManagerConfirmOutcome = { ok: true } | { ok: false; error: ClientError };

export interface ManagerConfirmDeps {
  /** This installation's badge issuer, so another organization's badge is refused before any call. */
  issuerId: () => string | null;
  /** Sends the manager's badge and PIN to the server (with the parent's own request data). */
  confirm: (qr: string, pin: string) => Promise<ManagerConfirmOutcome>;
}

/** Refusals after which the same manager's PIN may be typed again (the badge stays). */
const RETRY_PIN = new Set(['PIN_INCORRECT', 'NETWORK_ERROR']);

export class ManagerConfirm {
  step = $state<ManagerConfirmStep>('intro');
  notice = $state<Notice | null>(null);
  busy = $state(false);
  #badge: string | null = null;
  readonly #deps: ManagerConfirmDeps;

  constructor(deps: ManagerConfirmDeps, start: ManagerConfirmStep = 'intro') {
    this.#deps = deps;
    this.step = start === 'done' ? 'intro' : start;
  }

  /** "Ask a manager of your store": the camera opens for the manager's badge. */
  ask(): void {
    this.#badge = null;
    this.notice = null;
    this.step = 'scan';
  }

  /** A decoded QR text: another organization's badge or a non-badge is refused here. */
  badgeScanned(text: string): boolean {
    if (this.step !== 'scan') return false;
    const parsed = parseQrPayload(text);
    const issuer = this.#deps.issuerId();
    if (!parsed.ok || (issuer && parsed.payload.issuer !== issuer)) {
      this.notice = parsed.ok
        ? { kind: 'foreign-badge' }
        : errorNotice({ code: 'QR_CODE_NOT_RECOGNIZED', message: 'Not a Shiftpass badge.' });
      return false;
    }
    this.#badge = text;
    this.notice = null;
    this.step = 'pin';
    return true;
  }

  /** "Scan a different manager badge" on the PIN step. */
  rescan(): void {
    this.ask();
  }

  /** The manager's PIN, typed: sent with the badge through the parent's confirm. */
  async pinEntered(pin: string): Promise<boolean> {
    const badge = this.#badge;
    if (this.step !== 'pin' || !badge || !pin || this.busy) return false;
    this.busy = true;
    this.notice = null;
    const outcome = await this.#deps.confirm(badge, pin);
    this.busy = false;
    if (outcome.ok) {
      this.#badge = null;
      this.step = 'done';
      return true;
    }
    const { error } = outcome;
    if (error.code === 'PIN_INCORRECT') {
      const remaining = error.remainingAttempts;
      this.notice = {
        kind: 'pin-incorrect',
        remainingAttempts: typeof remaining === 'number' ? remaining : null,
      };
    } else {
      this.notice = errorNotice(error);
    }
    // Another badge is needed for anything but a mistyped PIN or a lost network.
    if (!RETRY_PIN.has(error.code)) {
      this.#badge = null;
      this.step = 'scan';
    }
    return false;
  }

  /** Forgets the manager's badge (Cancel, idle, leaving the page). */
  reset(): void {
    this.#badge = null;
    this.notice = null;
    this.busy = false;
    this.step = 'intro';
  }
}
