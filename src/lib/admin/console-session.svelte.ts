/**
 * The console's side of the session rules: it signs out after the session policy's console idle
 * timeout without a touch or key press (warning a minute before), and while someone is active it
 * checks in with the server at most once a minute, so the server's idle clock follows real activity
 * and a session ended elsewhere (revoked, expired) sends this tab back to the sign-in page.
 *
 * A manager who signed in on a shared kiosk phone with their badge (a kiosk session) gets the kiosk's
 * rules instead: the kiosk's short idle sign-out, and a sign-out that wipes what the kiosk wipes and
 * tells the phone's other tabs, as the kiosk itself does.
 */
import { api } from '$lib/api/client';
import { IdleTimer } from '$lib/session/idle-timer';
import { openSignOutChannel, type SignOutChannel } from '$lib/session/sign-out-channel';
import { wipeWorkerData } from '$lib/session/wipe';
import type { SessionView } from '$server/contracts/schemas';

const WARNING_MS = 60_000;
const CHECK_IN_MS = 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown'] as const;

export type SignOutReason = 'user' | 'idle' | 'ended';

export class ConsoleSession {
  warningSecondsLeft = $state<number | null>(null);
  #timer: IdleTimer | undefined;
  #lastCheckIn = 0;
  #kiosk = false;
  #channel: SignOutChannel | undefined;

  constructor(private readonly onSignedOut: (reason: SignOutReason) => void | Promise<void>) {}

  readonly #onActivity = () => {
    const now = performance.now();
    if (now - this.#lastCheckIn < CHECK_IN_MS) return;
    this.#lastCheckIn = now;
    void this.#checkIn();
  };

  start(session: SessionView): void {
    this.stop();
    this.#lastCheckIn = performance.now();
    this.#kiosk = session.kind === 'kiosk';
    const signOutAfterMs =
      (this.#kiosk ? session.kioskIdle.signOutAfterSeconds : session.idleTimeoutSeconds) * 1000;
    const warningMs = this.#kiosk
      ? session.kioskIdle.warningSeconds * 1000
      : Math.min(WARNING_MS, signOutAfterMs / 2);
    if (this.#kiosk) {
      this.#channel = openSignOutChannel(() => {
        this.stop();
        void wipeWorkerData().then(() => this.onSignedOut('ended'));
      });
    }
    this.#timer = new IdleTimer({
      signOutAfterMs,
      warningMs,
      onWarning: (seconds) => (this.warningSecondsLeft = seconds),
      onActive: () => (this.warningSecondsLeft = null),
      onTimeout: () => void this.signOut('idle'),
    });
    this.#timer.start();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, this.#onActivity, { passive: true });
  }

  stop(): void {
    this.#timer?.stop();
    this.#timer = undefined;
    this.warningSecondsLeft = null;
    this.#channel?.close();
    this.#channel = undefined;
    for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, this.#onActivity);
  }

  /** "Stay signed in" */
  stay(): void {
    this.#timer?.reset();
    this.#onActivity();
  }

  async signOut(reason: SignOutReason): Promise<void> {
    const channel = this.#channel;
    this.#channel = undefined;
    this.stop();
    await api('POST', '/auth/sign-out');
    if (this.#kiosk) {
      await wipeWorkerData();
      channel?.announce();
      channel?.close();
    }
    await this.onSignedOut(reason);
  }

  async #checkIn(): Promise<void> {
    const result = await api<SessionView>('GET', '/auth/session');
    if (!result.ok && result.status === 401) {
      this.stop();
      await this.onSignedOut('ended');
    }
  }
}
