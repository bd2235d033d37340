/**
 * Success messages ("Changes saved.") shown for a few seconds in a polite live region, so a screen
 * reader reads them without moving focus. At most `max` show at once (the oldest goes first); each
 * goes after `durationMs`, or when dismissed. The timer is injected so tests need no waiting.
 * Errors are not toasts: they stay on the page next to what failed.
 */
export interface Toast {
  id: number;
  message: string;
}

export interface ToastTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimer: ToastTimer = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ToastQueue {
  items = $state<Toast[]>([]);
  #next = 1;
  // Timer handles, not state: nothing renders from them, so a plain Map.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timers = new Map<number, unknown>();
  readonly #timer: ToastTimer;
  readonly #durationMs: number;
  readonly #max: number;

  constructor(timer: ToastTimer = browserTimer, durationMs = 6000, max = 3) {
    this.#timer = timer;
    this.#durationMs = durationMs;
    this.#max = max;
  }

  /** Shows a message; the same message twice in a row is shown once, with its time restarted. */
  show(message: string): number {
    const same = this.items.find((toast) => toast.message === message);
    if (same) this.dismiss(same.id);
    const toast = { id: this.#next++, message };
    this.items = [...this.items, toast];
    while (this.items.length > this.#max) this.dismiss(this.items[0]!.id);
    this.#timers.set(
      toast.id,
      this.#timer.set(() => this.dismiss(toast.id), this.#durationMs),
    );
    return toast.id;
  }

  dismiss(id: number): void {
    const handle = this.#timers.get(id);
    if (handle !== undefined) this.#timer.clear(handle);
    this.#timers.delete(id);
    this.items = this.items.filter((toast) => toast.id !== id);
  }

  /** Everything goes (a sign-out). */
  clear(): void {
    for (const toast of this.items) this.dismiss(toast.id);
  }
}

/** The console's one queue; the admin layout renders it with <Toaster />. */
export const toasts = new ToastQueue();
