/**
 * Inactivity on a shared kiosk, measured with the monotonic clock (performance.now), so changing the
 * phone's wall clock neither ends nor extends a session. Any touch, click or key press is activity.
 * `warningMs` before `signOutAfterMs` it reports the seconds left each second; at the end it times out.
 */
export interface IdleTimerOptions {
  signOutAfterMs: number;
  warningMs: number;
  onWarning(secondsLeft: number): void;
  onActive(): void;
  onTimeout(): void;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
const TICK_MS = 1000;

export class IdleTimer {
  #lastActivity = performance.now();
  #interval: ReturnType<typeof setInterval> | undefined;
  #warning = false;

  constructor(private readonly options: IdleTimerOptions) {}

  readonly #onActivity = () => {
    this.#lastActivity = performance.now();
    if (this.#warning) {
      this.#warning = false;
      this.options.onActive();
    }
  };

  start(): void {
    this.stop();
    this.#lastActivity = performance.now();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, this.#onActivity, { passive: true });
    this.#interval = setInterval(() => this.#tick(), TICK_MS);
  }

  stop(): void {
    if (this.#interval !== undefined) clearInterval(this.#interval);
    this.#interval = undefined;
    this.#warning = false;
    for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, this.#onActivity);
  }

  /** "I'm still here" */
  reset(): void {
    this.#onActivity();
  }

  #tick(): void {
    const idle = performance.now() - this.#lastActivity;
    const left = this.options.signOutAfterMs - idle;
    if (left <= 0) {
      this.stop();
      this.options.onTimeout();
    } else if (left <= this.options.warningMs) {
      this.#warning = true;
      this.options.onWarning(Math.ceil(left / 1000));
    }
  }
}
