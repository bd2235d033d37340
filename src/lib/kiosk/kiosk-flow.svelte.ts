/**
 * The worker journey as a small state machine: scan → PIN → (change PIN) → home → sign out.
 * Components render `step`; every transition goes through a method here.
 */
import { api } from '$lib/api/client';
import type { KioskConfig, SessionView, SignInResult } from '$server/contracts/schemas';
import { parseQrPayload } from '$server/contracts/badge';
import { FOREIGN_BADGE, messageFor } from './messages';

export type KioskStep = 'loading' | 'scan' | 'pin' | 'change-pin' | 'home';

interface Worker {
  displayName: string;
}

export class KioskFlow {
  step = $state<KioskStep>('loading');
  message = $state<string | null>(null);
  busy = $state(false);
  worker = $state<Worker | null>(null);
  config = $state<KioskConfig | null>(null);
  /** Rule text from the server when a new PIN is refused. */
  pinRuleMessage = $state<string | null>(null);

  #scannedBadge: string | null = null;
  /** The PIN just used to sign in, kept in memory only until the forced change is done. */
  #currentPin: string | null = null;

  get knowsCurrentPin(): boolean {
    return this.#currentPin !== null;
  }

  async load(): Promise<void> {
    const [config, session] = await Promise.all([
      api<KioskConfig>('GET', '/kiosk/config'),
      api<SessionView>('GET', '/auth/session'),
    ]);
    if (config.ok) this.config = config.data;
    if (session.ok) {
      this.worker = { displayName: session.data.user.displayName };
      this.step = session.data.mustChangePin ? 'change-pin' : 'home';
    } else {
      this.step = 'scan';
      if (!config.ok) this.message = messageFor(config.error);
    }
  }

  /** A decoded QR text: refuse another organization's badge before asking for a PIN. */
  badgeScanned(text: string): boolean {
    const parsed = parseQrPayload(text);
    if (!parsed.ok || (this.config && parsed.payload.issuer !== this.config.issuerId)) {
      this.message = parsed.ok ? FOREIGN_BADGE : messageFor({ code: 'QR_CODE_NOT_RECOGNIZED', message: '' });
      return false;
    }
    this.#scannedBadge = text;
    this.message = null;
    this.step = 'pin';
    return true;
  }

  backToScan(message: string | null = null): void {
    this.#scannedBadge = null;
    this.#currentPin = null;
    this.worker = null;
    this.message = message;
    this.pinRuleMessage = null;
    this.step = 'scan';
  }

  async submitPin(pin: string): Promise<void> {
    if (!this.#scannedBadge || this.busy) return;
    this.busy = true;
    const result = await api<SignInResult>('POST', '/auth/qr-pin/sign-in', { qr: this.#scannedBadge, pin });
    this.busy = false;
    if (result.ok) {
      this.#scannedBadge = null;
      this.message = null;
      this.worker = { displayName: result.data.user.displayName };
      if (result.data.mustChangePin) {
        this.#currentPin = pin;
        this.step = 'change-pin';
      } else {
        this.step = 'home';
      }
      return;
    }
    const text = messageFor(result.error);
    if (result.error.code === 'PIN_INCORRECT' || result.error.code === 'NETWORK_ERROR') {
      this.message = text;
    } else {
      this.backToScan(text);
    }
  }

  async changePin(newPin: string, currentPin?: string): Promise<void> {
    const current = currentPin ?? this.#currentPin;
    if (!current || this.busy) return;
    this.busy = true;
    const result = await api<void>('POST', '/auth/qr-pin/change-pin', { currentPin: current, newPin });
    this.busy = false;
    if (result.ok) {
      this.#currentPin = null;
      this.pinRuleMessage = null;
      this.message = null;
      this.step = 'home';
      return;
    }
    if (result.error.code === 'UNAUTHENTICATED')
      return this.backToScan('Your session ended. Scan your badge again.');
    this.pinRuleMessage =
      result.error.code === 'PIN_POLICY_VIOLATION' ? result.error.message : messageFor(result.error);
  }

  async signOut(): Promise<void> {
    this.busy = true;
    await api<void>('POST', '/auth/sign-out');
    this.busy = false;
    this.backToScan();
  }
}
