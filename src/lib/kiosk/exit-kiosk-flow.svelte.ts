/**
 * "Manager: exit kiosk mode" on the kiosk itself: the manager's badge (scanned or typed) → their PIN →
 * suspend the kiosk or remove kiosk mode → POST /api/devices/exit-kiosk with the device proof.
 * The PIN stays in memory only until the choice is sent. Cancel returns to the worker scan screen.
 */
import { api, type ApiResult, type ClientError } from '$lib/api/client';
import { isScannedBadge } from '$lib/scanner/keyboard-wedge-field';
import { normaliseShortCode, parseQrPayload } from '$server/contracts/badge';
import type { DeviceProofBody } from '$server/contracts/devices';
import { errorNotice, type Notice } from './notice';

export type ExitStep = 'scan' | 'type-code' | 'pin' | 'choose';
export type ExitAction = 'suspend' | 'unenroll';

type Badge = { qr: string } | { shortCode: string };

export interface ExitKioskDeps {
  issuerId: () => string | null;
  proofFor(apiPath: string): Promise<ApiResult<DeviceProofBody> | null>;
  /** The server refused the device itself (revoked…). */
  refused(error: ClientError): Promise<void>;
  /** The kiosk was suspended or un-enrolled. */
  done(action: ExitAction): Promise<void>;
  /** This phone holds no kiosk binding (any more). */
  notKiosk(): void;
}

const EXIT_PATH = '/devices/exit-kiosk';

export class ExitKioskFlow {
  step = $state<ExitStep>('scan');
  notice = $state<Notice | null>(null);
  busy = $state(false);
  typedCode = $state('');
  #badge: Badge | null = null;
  #pin: string | null = null;
  readonly #deps: ExitKioskDeps;

  constructor(deps: ExitKioskDeps) {
    this.#deps = deps;
  }

  badgeScanned(text: string): boolean {
    const parsed = parseQrPayload(text);
    const issuer = this.#deps.issuerId();
    if (!parsed.ok || (issuer && parsed.payload.issuer !== issuer)) {
      this.notice = parsed.ok
        ? { kind: 'foreign-badge' }
        : errorNotice({ code: 'QR_CODE_NOT_RECOGNIZED', message: 'Not a Shiftpass badge.' });
      return false;
    }
    this.#badge = { qr: text };
    this.notice = null;
    this.step = 'pin';
    return true;
  }

  typeCodeInstead(): void {
    this.notice = null;
    this.step = 'type-code';
  }

  codeTyped(text: string): boolean {
    // A hardware scanner used on this screen typed a whole badge into the field: it is read as a scan,
    // and its answer shows on the scan screen, not beside the field with the badge's secret in it.
    if (isScannedBadge(text)) {
      this.typedCode = '';
      this.step = 'scan';
      return this.badgeScanned(text.trim());
    }
    this.typedCode = text;
    const shortCode = normaliseShortCode(text);
    if (!shortCode) {
      this.notice = { kind: 'short-code-invalid' };
      return false;
    }
    this.#badge = { shortCode };
    this.notice = null;
    this.step = 'pin';
    return true;
  }

  backToScan(notice: Notice | null = null): void {
    this.#badge = null;
    this.#pin = null;
    this.typedCode = '';
    this.notice = notice;
    this.step = 'scan';
  }

  pinEntered(pin: string): void {
    if (!this.#badge || !pin) return;
    this.#pin = pin;
    this.notice = null;
    this.step = 'choose';
  }

  async choose(action: ExitAction): Promise<void> {
    const badge = this.#badge;
    const pin = this.#pin;
    if (!badge || !pin || this.busy) return;
    this.busy = true;
    this.notice = null;
    const device = await this.#deps.proofFor(EXIT_PATH);
    if (!device) {
      // The phone stopped being a kiosk meanwhile (revoked): there is nothing left to exit.
      this.busy = false;
      this.#deps.notKiosk();
      return;
    }
    if (!device.ok) {
      this.busy = false;
      this.notice = errorNotice(device.error);
      return;
    }
    const result = await api<unknown>('POST', EXIT_PATH, { ...badge, pin, action, device: device.data });
    this.#pin = null;
    if (result.ok) {
      this.#badge = null;
      await this.#deps.done(action);
      this.busy = false;
      return;
    }
    this.busy = false;
    const { error } = result;
    if (error.code.startsWith('DEVICE_')) await this.#deps.refused(error);
    if (error.code === 'PIN_INCORRECT') {
      const remaining = error.remainingAttempts;
      this.notice = {
        kind: 'pin-incorrect',
        remainingAttempts: typeof remaining === 'number' ? remaining : null,
      };
      this.step = 'pin';
    } else if (error.code === 'NETWORK_ERROR') {
      this.notice = errorNotice(error);
      this.#pin = pin;
    } else {
      this.backToScan(errorNotice(error));
    }
  }
}
