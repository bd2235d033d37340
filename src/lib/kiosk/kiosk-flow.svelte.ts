/**
 * The worker journey as a small state machine: scan (or type the badge's code) → PIN → (change PIN) →
 * home → sign out.
 * Components render `step`; every transition goes through a method here. While someone is signed in,
 * the kiosk watches for inactivity, for the server ending the session, and for sign-out in another tab.
 * When a store app sent the worker here to sign in (app-sign-in.svelte.ts), the kiosk hands it the
 * signed-in worker as soon as there is one: at once when someone is already signed in (silent single
 * sign-on), else right after scan + PIN, and after a forced PIN change once it is done.
 * A forced PIN change is finished only in the page that signed in (it holds the PIN just typed): a
 * page that opens on one (a reload) signs it out, so the next person never inherits it.
 * When an access rule needs a second factor, the server's refusal may carry a co-sign challenge: a
 * manager of the worker's store then confirms the sign-in on this phone (`step-up`, ManagerConfirm),
 * and the worker is signed in as after scan + PIN. Cancel, walking away and the challenge's end all
 * return to a fresh scan; the challenge lives in memory only.
 */
import { flushSync } from 'svelte';
import { api } from '$lib/api/client';
import { IdleTimer } from '$lib/session/idle-timer';
import { flushPendingSignOut, rememberPendingSignOut } from '$lib/session/pending-sign-out';
import { openSignOutChannel, type SignOutChannel } from '$lib/session/sign-out-channel';
import { wipeWorkerData } from '$lib/session/wipe';
import { i18n } from '$lib/i18n/i18n.svelte';
import { isScannedBadge } from '$lib/scanner/keyboard-wedge-field';
import { normaliseShortCode, parseQrPayload } from '$server/contracts/badge';
import {
  isSafeAppUrl,
  isSafeSignInAppUrl,
  type KioskApp,
  type SignInApp,
} from '$server/contracts/kiosk-app-link';
import type { DeviceProofBody } from '$server/contracts/devices';
import type { KioskConfig, SessionView, SignInResult } from '$server/contracts/schemas';
import type { ApiResult, ClientError } from '$lib/api/client';
import type { AppSignIn } from './app-sign-in.svelte';
import { cachedKioskConfig, rememberKioskConfig } from './config-cache';
import { errorNotice, signedOutNotice, type Notice, type SignOutReason } from './notice';
import type { ForgotPinEnd, ForgotPinFlow } from './forgot-pin.svelte';
import { ManagerConfirm, type ManagerConfirmOutcome } from './manager-confirm.svelte';
import { PinChange } from './pin-change.svelte';
import { stepUpOfferOf, type StepUpOffer } from './step-up-offer';
import { secondsUntil } from './time-left';

export type KioskStep =
  'loading' | 'scan' | 'type-code' | 'pin' | 'forgot-pin' | 'step-up' | 'change-pin' | 'home';

/** The badge the PIN goes with: as scanned, or its short code as typed (normalised). */
type Badge = { qr: string } | { shortCode: string };

interface Worker {
  id: string;
  displayName: string;
  /** The display names of the worker's groups (stores). */
  stores: string[];
  /** Managers (and admins) also get a way to their manager pages in the console. */
  managesStaff: boolean;
}

/** An enrolled kiosk's binding (src/lib/device/kiosk-device.svelte.ts); a plain kiosk has none. */
export interface DeviceBinding {
  /** Null when this phone is not a kiosk; else the attestation and a proof over a fresh nonce. */
  proofFor(apiPath: string): Promise<ApiResult<DeviceProofBody> | null>;
  /** The server refused the device (revoked, suspended…): the kiosk follows. */
  refused(error: ClientError): Promise<void>;
}

const SIGN_IN_PATH = '/auth/qr-pin/sign-in';
const CO_SIGN_PATH = '/auth/qr-pin/co-sign';

/** With nobody touching the phone this long, a sign-in waiting for a manager is given up. */
const STEP_UP_IDLE_MS = 120_000;

/** A manager's co-sign refused for a reason no other manager can change: the worker starts again. */
const STEP_UP_ENDS = new Set([
  'STEP_UP_CHALLENGE_NOT_FOUND',
  'STEP_UP_CHALLENGE_EXPIRED',
  'STEP_UP_CHALLENGE_USED',
  'STEP_UP_DEVICE_MISMATCH',
  'ACCESS_BLOCKED_BY_POLICY',
]);

/** How long a badge the server refused is not read again while it stays in front of the camera. */
const REFUSED_BADGE_QUIET_MS = 10_000;

/** How often a signed-in kiosk asks the server whether the session still stands (revocation). */
const SESSION_CHECK_MS = 30_000;

export class KioskFlow {
  step = $state<KioskStep>('loading');
  /** What the current screen has to tell the worker (an error, why they were signed out…). */
  notice = $state<Notice | null>(null);
  busy = $state(false);
  worker = $state<Worker | null>(null);
  /** The store apps an admin listed, for the home screen. */
  apps = $state<KioskApp[]>([]);
  /** The store apps that sign in through Shiftpass, for the worker's stores. */
  signInApps = $state<SignInApp[]>([]);
  /** Seconds until the session's absolute end, counted on the monotonic clock; null when signed out. */
  sessionSecondsLeft = $state<number | null>(null);
  config = $state<KioskConfig | null>(null);
  /** The forced PIN change's two steps, while its screen shows. */
  pinChange = $state<PinChange | null>(null);
  /** "Forgot PIN?" with a manager, while its screens show (forgot-pin.svelte.ts). */
  forgotPin = $state<ForgotPinFlow | null>(null);
  /** Seconds until the idle sign-out while the "Still there?" dialog shows; null otherwise. */
  idleSecondsLeft = $state<number | null>(null);
  /** True while a page restored from the back/forward cache has not yet heard from the server. */
  veiled = $state(false);
  /** Seconds until a locked badge may try a PIN again; null when not locked. */
  lockSecondsLeft = $state<number | null>(null);
  /**
   * A signed-in worker's sign-out is on its way (the server, then this browser's data): their screen
   * stays until it is done, and the page may start the next worker's camera out of sight meanwhile.
   */
  signingOut = $state(false);
  #lockTimer: ReturnType<typeof setInterval> | undefined;
  /** performance.now() at which the session reaches its absolute end, as the server last said. */
  #sessionEndsAt = 0;
  #sessionTimer: ReturnType<typeof setInterval> | undefined;

  /**
   * A manager confirming this sign-in (an access rule asked for it), while the step-up screen shows.
   * `forApp`: the signed-in worker's session, for the store app waiting (`app`: its name, if known).
   */
  stepUp = $state<{
    confirm: ManagerConfirm;
    workerName: string;
    forApp: boolean;
    app: string | null;
  } | null>(null);
  /** The co-sign challenge the server gave with SECOND_FACTOR_REQUIRED; in memory only. */
  #stepUpChallenge: string | null = null;
  #stepUpIdle: IdleTimer | null = null;
  #stepUpEnds: ReturnType<typeof setTimeout> | undefined;

  /** What the worker typed on the type-code screen, shown again when the server refuses it. */
  typedCode = $state('');
  #badge: Badge | null = null;
  /** The page is being unloaded (reload, navigation): its failed requests say nothing about the network. */
  #leaving = false;
  /** A badge the server refused, ignored by the scanner for a moment so the reason can be read. */
  #refused: { qr: string; until: number } | null = null;
  /** The PIN just used to sign in, kept in memory only until the forced change is done. */
  #currentPin: string | null = null;
  #idleTimer: IdleTimer | null = null;
  #sessionCheck: ReturnType<typeof setInterval> | undefined;
  #channel: SignOutChannel | null = null;
  /** performance.now() of the server's last "yes, still signed in", for the offline grace period. */
  #lastConfirmed = 0;
  #offlineGraceMs = 0;
  readonly #onOnline = () => void flushPendingSignOut();
  /**
   * Back/forward cache: a page kept while someone was signed in goes in veiled, so Back never shows a
   * worker who has since signed out; when it comes back the server is asked first.
   */
  readonly #onPageHide = (event: PageTransitionEvent) => {
    // Requests still running when the page goes away fail like a lost network; they are not one.
    this.#leaving = !event.persisted;
    // A forgotten PIN's reset never outlives the page: the request ends with it.
    this.forgotPin?.abandon();
    if (event.persisted && this.#signedIn) {
      this.veiled = true;
      flushSync();
    }
  };
  readonly #onPageShow = (event: PageTransitionEvent) => {
    // Back from a store app: its sign-in was handed over; the kiosk shows itself again.
    if (event.persisted) this.#app?.forget();
    if (!event.persisted || !this.veiled) return;
    void this.#checkSession().then(() => (this.veiled = false));
  };

  readonly #device: DeviceBinding | null;
  /** The store app waiting for this sign-in, if the page was opened for one (set by `load`). */
  #app: AppSignIn | null = null;
  readonly #appLoaded: Promise<AppSignIn | null>;

  /**
   * `app` may still be loading (the page loads its code only for an address with `?oidc=`): `load`
   * waits for it before reading the address.
   */
  constructor(device: DeviceBinding | null = null, app: AppSignIn | null | Promise<AppSignIn | null> = null) {
    this.#device = device;
    this.#appLoaded = Promise.resolve(app);
  }

  get #signedIn(): boolean {
    return (
      this.step === 'home' || this.step === 'change-pin' || (this.step === 'step-up' && !!this.stepUp?.forApp)
    );
  }

  /** A session in a forced PIN change this page did not start: it cannot finish it (no PIN in hand). */
  #pinChangeNotOurs(session: SessionView): boolean {
    return session.mustChangePin && this.#currentPin === null;
  }

  async load(): Promise<void> {
    this.#app = await this.#appLoaded;
    this.#app?.start();
    this.#channel = openSignOutChannel(() => void this.signOut('elsewhere'));
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('pageshow', this.#onPageShow);
    window.addEventListener('pagehide', this.#onPageHide);
    // A sign-out made offline goes to the server before anyone is looked up.
    await flushPendingSignOut();
    const [config, session, appStillWaiting] = await Promise.all([
      api<KioskConfig>('GET', '/kiosk/config'),
      api<SessionView>('GET', '/auth/session'),
      this.#app?.lookUp() ?? true,
    ]);
    if (config.ok) rememberKioskConfig(config.data);
    this.config = config.ok ? config.data : cachedKioskConfig();
    // An app sign-in that expired before the page even opened: said at once, on whichever screen.
    const appNotice: Notice | null = appStillWaiting ? null : { kind: 'app-sign-in', problem: 'expired' };
    if (session.ok && this.#pinChangeNotOurs(session.data)) {
      // Opened (a reload) in the middle of a forced PIN change: that worker is signed out and the
      // scan screen shows, never their change screen for whoever holds the phone now.
      await this.signOut('pinChangeUnfinished');
      return;
    }
    if (session.ok) {
      this.#enterSession(session.data);
      this.notice = appNotice;
      await this.#openWaitingApp();
      return;
    }
    if (this.#leaving) return;
    if (session.error.code === 'NETWORK_ERROR') {
      // Started offline: nobody can be confirmed signed in, so nobody is. Whoever may have been ends
      // on the server as soon as the network is back, and nothing of theirs stays in the browser.
      rememberPendingSignOut();
      await wipeWorkerData();
      this.notice = errorNotice(session.error);
    } else if (!config.ok) {
      this.notice = errorNotice(config.error);
    } else {
      this.notice = appNotice;
    }
    this.step = 'scan';
  }

  destroy(): void {
    this.#endStepUp();
    this.#stopWatching();
    this.#stopLockCountdown();
    this.#channel?.close();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('pageshow', this.#onPageShow);
    window.removeEventListener('pagehide', this.#onPageHide);
  }

  /** A decoded QR text: refuse another organization's badge before asking for a PIN. */
  badgeScanned(text: string): boolean {
    // The badge the server just refused (expired, unknown…), still in view: its answer stays on screen.
    if (this.#refused && this.#refused.qr === text && performance.now() < this.#refused.until) return false;
    this.#refused = null;
    const parsed = parseQrPayload(text);
    if (!parsed.ok || (this.config && parsed.payload.issuer !== this.config.issuerId)) {
      this.notice = parsed.ok
        ? { kind: 'foreign-badge' }
        : errorNotice({ code: 'QR_CODE_NOT_RECOGNIZED', message: 'Not a Shiftpass badge.' });
      return false;
    }
    this.#badge = { qr: text };
    // Why the last person was signed out stays on the PIN screen: a badge still in view is read again
    // the moment the scan screen returns, and the reason must not flash past unread.
    if (this.notice?.kind !== 'signed-out') this.notice = null;
    this.step = 'pin';
    return true;
  }

  /** "Type code instead" on the scan screen. */
  typeCodeInstead(): void {
    this.#badge = null;
    this.notice = null;
    this.step = 'type-code';
  }

  /** A typed short code: refuse what cannot be one here, without spending a sign-in attempt. */
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
    this.#endStepUp();
    this.#badge = null;
    this.typedCode = '';
    this.#currentPin = null;
    this.worker = null;
    this.apps = [];
    this.signInApps = [];
    this.notice = notice;
    this.pinChange = null;
    this.forgotPin?.abandon();
    this.forgotPin = null;
    this.idleSecondsLeft = null;
    this.#stopLockCountdown();
    this.step = 'scan';
  }

  async submitPin(pin: string): Promise<void> {
    const badge = this.#badge;
    if (!badge || this.busy) return;
    this.busy = true;
    // An earlier worker's sign-out still on its way must land before this worker's cookie is set.
    await flushPendingSignOut();
    // On an enrolled kiosk every attempt proves the phone, over a nonce fetched right now.
    const device = (await this.#device?.proofFor(SIGN_IN_PATH)) ?? null;
    if (device && !device.ok) {
      this.busy = false;
      this.notice = errorNotice(device.error);
      return;
    }
    const result = await api<SignInResult>('POST', SIGN_IN_PATH, {
      ...badge,
      pin,
      ...(device ? { device: device.data } : {}),
    });
    if (result.ok) {
      if (result.data.mustChangePin) this.#currentPin = pin;
      return this.#signedInAs();
    }
    this.busy = false;
    const { error } = result;
    if (error.code.startsWith('DEVICE_')) await this.#device?.refused(error);
    const offer = error.code === 'SECOND_FACTOR_REQUIRED' ? stepUpOfferOf(error.stepUp) : null;
    if (offer) return this.#beginStepUp(offer, pin);
    if (error.code === 'PIN_INCORRECT') {
      const remaining = error.remainingAttempts;
      this.notice = {
        kind: 'pin-incorrect',
        remainingAttempts: typeof remaining === 'number' ? remaining : null,
      };
    } else if (error.code === 'METHOD_LOCKED' && typeof error.retryAfterSeconds === 'number') {
      this.notice = null;
      this.#startLockCountdown(error.retryAfterSeconds);
    } else if (error.code === 'NETWORK_ERROR') {
      this.notice = errorNotice(error);
    } else if ('shortCode' in badge) {
      // Back to the typed code, still in the field, so a typo can be spotted and fixed.
      this.#badge = null;
      this.#stopLockCountdown();
      this.notice =
        error.code === 'QR_CODE_NOT_RECOGNIZED' ? { kind: 'short-code-not-recognized' } : errorNotice(error);
      this.step = 'type-code';
    } else {
      this.#refused = { qr: badge.qr, until: performance.now() + REFUSED_BADGE_QUIET_MS };
      this.backToScan(errorNotice(error));
    }
  }

  /**
   * "Forgot PIN?" on the PIN screen: a reset request for the badge just scanned. Refused (a manager's
   * badge, too many requests…): said on the PIN screen; a badge the server does not know: back to scan.
   * `load` brings the flow's code, loaded only when first needed.
   */
  async startForgotPin(load: () => Promise<typeof import('./forgot-pin.svelte')>): Promise<void> {
    const badge = this.#badge;
    if (!badge || this.busy) return;
    this.busy = true;
    this.notice = null;
    const loaded = await load().catch(() => null);
    if (!loaded) {
      this.busy = false;
      this.notice = errorNotice({ code: 'NETWORK_ERROR', message: 'Not loaded.' });
      return;
    }
    const flow = new loaded.ForgotPinFlow({
      badge,
      issuerId: () => this.config?.issuerId ?? null,
      proofFor: (path) => this.#device?.proofFor(path) ?? Promise.resolve(null),
      minLength: this.config?.pinLength ?? 8,
      ended: (end) => this.#forgotPinEnded(end),
    });
    const refused = await flow.open();
    this.busy = false;
    if (!refused) {
      this.#stopLockCountdown();
      this.forgotPin = flow;
      this.step = 'forgot-pin';
      return;
    }
    if (refused.code.startsWith('DEVICE_')) await this.#device?.refused(refused);
    if (refused.code === 'QR_CODE_NOT_RECOGNIZED' && 'qr' in badge) {
      this.#refused = { qr: badge.qr, until: performance.now() + REFUSED_BADGE_QUIET_MS };
      this.backToScan(errorNotice(refused));
    } else {
      this.notice = errorNotice(refused);
    }
  }

  /** The reset is over: back to the PIN screen with the same badge, for the new PIN (or to try again). */
  #forgotPinEnded(end: ForgotPinEnd): void {
    this.forgotPin = null;
    if (this.step !== 'forgot-pin') return;
    this.notice =
      end.kind === 'done' ? { kind: 'pin-reset', problem: 'done' } : end.kind === 'ended' ? end.notice : null;
    this.step = 'pin';
  }

  /** The server set the worker's session cookie (a sign-in, or a manager's co-sign): their screens follow. */
  async #signedInAs(): Promise<void> {
    this.#badge = null;
    this.typedCode = '';
    this.notice = null;
    this.busy = true;
    const session = await api<SessionView>('GET', '/auth/session');
    this.busy = false;
    if (!session.ok) return this.backToScan(errorNotice(session.error));
    if (this.#pinChangeNotOurs(session.data)) return this.signOut('pinChangeUnfinished');
    this.#enterSession(session.data);
    await this.#openWaitingApp();
  }

  /**
   * "A manager must confirm this sign-in": the worker's badge and PIN were right (`pin`: the PIN is
   * kept, in memory, only when the session will have to change it first, as after any sign-in), or a
   * store app asked it of the signed-in session (`pin` null).
   */
  #beginStepUp(offer: StepUpOffer, pin: string | null): void {
    const forApp = pin === null;
    this.#endStepUp();
    this.notice = null;
    if (!forApp) {
      this.#badge = null;
      this.typedCode = '';
      this.#stopLockCountdown();
      this.#currentPin = offer.mustChangePin ? pin : null;
    }
    this.#stepUpChallenge = offer.challenge;
    this.stepUp = {
      confirm: new ManagerConfirm({
        issuerId: () => this.config?.issuerId ?? null,
        confirm: (qr, managerPin) => this.#coSign(qr, managerPin),
      }),
      workerName: offer.displayName,
      forApp,
      app: this.#app?.appName ?? null,
    };
    this.step = 'step-up';
    const giveUp = () =>
      this.#leaveStepUp(
        errorNotice({ code: 'STEP_UP_CHALLENGE_EXPIRED', message: 'Not confirmed in time.' }),
      );
    this.#stepUpEnds = setTimeout(giveUp, offer.expiresInSeconds * 1000);
    this.#stepUpIdle = new IdleTimer({
      signOutAfterMs: STEP_UP_IDLE_MS,
      warningMs: 0,
      onWarning: () => undefined,
      onActive: () => undefined,
      onTimeout: giveUp,
    });
    this.#stepUpIdle.start();
  }

  /**
   * "Cancel" on any step-up screen: nothing of this sign-in stays, the scan screen shows; for a store
   * app, the worker stays signed in on their home screen and the app is not opened.
   */
  cancelStepUp(): void {
    this.#leaveStepUp(null);
  }

  /** The step-up ends unconfirmed: back to a fresh scan, or, for a store app, home with why. */
  #leaveStepUp(notice: Notice | null): void {
    if (!this.stepUp?.forApp) return this.backToScan(notice);
    const app = this.stepUp.app;
    this.#endStepUp();
    this.#app?.forget();
    this.notice = notice ?? { kind: 'app-sign-in', problem: 'second-factor', app };
    this.step = 'home';
  }

  /** The manager's badge and PIN, sent with the challenge; on success the worker is signed in. */
  async #coSign(qr: string, pin: string): Promise<ManagerConfirmOutcome> {
    const challenge = this.#stepUpChallenge;
    if (challenge === null) {
      return { ok: false, error: { code: 'STEP_UP_CHALLENGE_NOT_FOUND', message: 'Start again.' } };
    }
    await flushPendingSignOut();
    const device = (await this.#device?.proofFor(CO_SIGN_PATH)) ?? null;
    if (device && !device.ok) return { ok: false, error: device.error };
    const result = await api<SignInResult>('POST', CO_SIGN_PATH, {
      challenge,
      qr,
      pin,
      ...(device ? { device: device.data } : {}),
    });
    const forApp = this.stepUp?.forApp ?? false;
    // Cancelled, or given up, while the answer was on its way: a session it made ends at once (a
    // signed-in session it stepped up for an app just carries on).
    if (this.#stepUpChallenge !== challenge) {
      if (result.ok && this.step === 'scan') await this.signOut('button');
      return { ok: false, error: { code: 'STEP_UP_CHALLENGE_NOT_FOUND', message: 'Start again.' } };
    }
    if (!result.ok) {
      const { error } = result;
      if (error.code.startsWith('DEVICE_')) {
        await this.#device?.refused(error);
        this.#leaveStepUp(errorNotice(error));
      } else if (error.code === 'UNAUTHENTICATED') {
        await this.signOut('revoked');
      } else if (STEP_UP_ENDS.has(error.code)) {
        this.#leaveStepUp(errorNotice(error));
      }
      return { ok: false, error };
    }
    this.#endStepUp();
    if (forApp) {
      // The same session, now confirmed: the waiting app is given it again.
      this.step = 'home';
      await this.#openWaitingApp();
    } else {
      await this.#signedInAs();
    }
    return { ok: true };
  }

  /** The step-up's challenge, timers and manager screens forgotten. */
  #endStepUp(): void {
    this.#stepUpIdle?.stop();
    this.#stepUpIdle = null;
    if (this.#stepUpEnds !== undefined) clearTimeout(this.#stepUpEnds);
    this.#stepUpEnds = undefined;
    this.#stepUpChallenge = null;
    this.stepUp?.confirm.reset();
    this.stepUp = null;
  }

  /** Counts down a timed lock on the PIN screen; Sign in stays disabled until it ends. */
  #startLockCountdown(seconds: number): void {
    this.#stopLockCountdown();
    const ends = performance.now() + seconds * 1000;
    const tick = () => {
      const left = Math.ceil((ends - performance.now()) / 1000);
      this.lockSecondsLeft = left > 0 ? left : null;
      if (left <= 0) this.#stopLockCountdown();
    };
    tick();
    this.#lockTimer = setInterval(tick, 1000);
  }

  #stopLockCountdown(): void {
    if (this.#lockTimer !== undefined) clearInterval(this.#lockTimer);
    this.#lockTimer = undefined;
    this.lockSecondsLeft = null;
  }

  /** "Save PIN" on the change screen's second step: sends the new PIN once it was typed the same twice. */
  async savePin(): Promise<void> {
    const change = this.pinChange;
    const current = this.#currentPin;
    if (!change || !current || this.busy) return;
    const newPin = change.confirmed();
    if (newPin === null) return;
    this.busy = true;
    const result = await api<void>('POST', '/auth/qr-pin/change-pin', { currentPin: current, newPin });
    this.busy = false;
    if (result.ok) {
      this.#currentPin = null;
      this.pinChange = null;
      this.notice = null;
      this.step = 'home';
      await this.#openWaitingApp();
      return;
    }
    if (result.error.code === 'UNAUTHENTICATED') return this.signOut('revoked');
    // Offline, nothing was changed: the same PIN can be saved again from this step.
    change.refused(errorNotice(result.error), result.error.code === 'NETWORK_ERROR');
  }

  /** "Cancel and sign out" on the change screen: the session ends and the scan screen shows. */
  cancelPinChange(): Promise<void> {
    return this.signOut('button');
  }

  /** The change screen for the worker who just signed in (the kiosk holds the PIN they typed). */
  #beginPinChange(): void {
    this.pinChange = new PinChange(this.#currentPin ?? '', this.config?.pinLength ?? 8);
    this.step = 'change-pin';
  }

  /** "I'm still here" in the inactivity dialog. */
  stillHere(): void {
    this.#idleTimer?.reset();
    this.idleSecondsLeft = null;
  }

  /**
   * Ends the worker's time on this phone, whatever the trigger: the server session, the worker's data
   * in this browser, the other tabs, and the screen, which returns to a fresh scan.
   */
  async signOut(reason: SignOutReason): Promise<void> {
    const wasSignedIn = this.#signedIn;
    if (reason === 'elsewhere' && !wasSignedIn) return;
    // An app waiting for a sign-in was waiting for this worker; the next person does not inherit it.
    // Only when the app itself asked for a fresh scan + PIN does it keep waiting for that sign-in.
    if (reason !== 'freshSignIn') this.#app?.forget();
    this.#stopWatching();
    this.busy = true;
    this.signingOut = wasSignedIn;
    // Also after a revocation: the answer clears the cookie and the HTTP cache. Another tab's sign-out
    // has done that already for the whole browser profile.
    if (reason !== 'elsewhere') {
      const result = await api<void>('POST', '/auth/sign-out');
      if (!result.ok && result.error.code === 'NETWORK_ERROR') rememberPendingSignOut();
    }
    await wipeWorkerData();
    // The language a worker picked goes with them; the next person starts in the phone's language.
    i18n.reset();
    if (reason !== 'elsewhere') this.#channel?.announce();
    this.busy = false;
    this.signingOut = false;
    this.backToScan(signedOutNotice(reason));
  }

  /** Hands a waiting store app the signed-in worker; on success the browser leaves for the app. */
  async #openWaitingApp(): Promise<void> {
    if (!this.#app?.waiting || this.step !== 'home') return;
    const outcome = await this.#app.complete();
    // A PIN change is due, which a page on the home screen cannot make (it no longer holds the PIN): a
    // fresh scan + PIN leads to the change, then to the app.
    if (outcome.kind === 'change-pin') await this.signOut('freshSignIn');
    else if (outcome.kind === 'signed-out') await this.signOut('revoked');
    else if (outcome.kind === 'sign-in-again') await this.signOut('freshSignIn');
    // A manager of the worker's store must confirm this session for the app, on this phone.
    else if (outcome.kind === 'step-up') this.#beginStepUp(outcome.offer, null);
    // The worker stays signed in on the kiosk's home, with words saying what happened to the app.
    else if (outcome.kind === 'refused') {
      this.notice = { kind: 'app-sign-in', problem: outcome.problem, app: this.#app.appName };
    }
  }

  #enterSession(session: SessionView): void {
    this.#stopWatching();
    this.#applySession(session);
    if (session.mustChangePin) this.#beginPinChange();
    else this.step = 'home';
    this.#idleTimer = new IdleTimer({
      signOutAfterMs: session.kioskIdle.signOutAfterSeconds * 1000,
      warningMs: session.kioskIdle.warningSeconds * 1000,
      onWarning: (seconds) => (this.idleSecondsLeft = seconds),
      onActive: () => (this.idleSecondsLeft = null),
      onTimeout: () => void this.signOut('idle'),
    });
    this.#idleTimer.start();
    this.#lastConfirmed = performance.now();
    this.#offlineGraceMs = session.kioskOfflineGraceSeconds * 1000;
    this.#sessionCheck = setInterval(() => void this.#checkSession(), SESSION_CHECK_MS);
    this.#sessionTimer = setInterval(() => this.#tickSessionTime(), 1000);
  }

  /** Who is signed in, their stores, the apps and the time left, from the server's latest answer. */
  #applySession(session: SessionView): void {
    this.worker = {
      id: session.user.id,
      displayName: session.user.displayName,
      stores: session.user.groups.map((group) => group.displayName),
      managesStaff: session.user.role !== 'worker',
    };
    // The server checked every address; a link that is not plain https is still never shown.
    this.apps = session.kioskApps.filter((app) => isSafeAppUrl(app.url));
    this.signInApps = session.signInApps.filter((app) => isSafeSignInAppUrl(app.url));
    this.#sessionEndsAt = performance.now() + session.expiresInSeconds * 1000;
    this.sessionSecondsLeft = session.expiresInSeconds;
  }

  /** Counts the session's time left down; at its absolute end the kiosk signs out at once. */
  #tickSessionTime(): void {
    const left = secondsUntil(this.#sessionEndsAt, performance.now());
    this.sessionSecondsLeft = left;
    if (left === 0) void this.signOut('expired');
  }

  async #checkSession(): Promise<void> {
    const session = await api<SessionView>('GET', '/auth/session');
    // A sign-out may have happened while the check was on its way: then nothing of it is kept.
    if (this.#sessionCheck === undefined) return;
    if (session.ok && session.data.user.id !== this.worker?.id) {
      // Someone else signed in from another tab: this one shows who is really signed in now, unless they
      // are changing their PIN there (theirs to finish: this page does not hold their PIN).
      if (!session.data.mustChangePin) return this.#enterSession(session.data);
      this.#stopWatching();
      this.backToScan();
    } else if (session.ok) {
      this.#lastConfirmed = performance.now();
      this.#applySession(session.data);
    } else if (session.error.code === 'NETWORK_ERROR') {
      // Offline: the session carries on for the grace period (monotonic clock), then ends here.
      if (performance.now() - this.#lastConfirmed >= this.#offlineGraceMs) await this.signOut('offline');
    } else if (session.status === 401) {
      await this.signOut('revoked');
    }
  }

  #stopWatching(): void {
    this.#idleTimer?.stop();
    this.#idleTimer = null;
    if (this.#sessionCheck !== undefined) clearInterval(this.#sessionCheck);
    this.#sessionCheck = undefined;
    if (this.#sessionTimer !== undefined) clearInterval(this.#sessionTimer);
    this.#sessionTimer = undefined;
    this.sessionSecondsLeft = null;
    this.idleSecondsLeft = null;
  }
}
