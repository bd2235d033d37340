/**
 * NFC badges on the scan screen: what it offers (nothing, a "Use NFC badges" button, or a line saying
 * the phone is listening) and what it has to say about the last tag. Wraps src/lib/nfc; the tag's
 * payload goes to `onPayload`, which hands it over exactly as a camera read.
 *
 * Where the browser has no Web NFC, or the phone no NFC hardware, nothing shows. Listening starts by
 * itself only when the site already holds the "nfc" permission: asking for it needs a tap (Web NFC
 * spec), so until then the button asks. Listening stops with `stop()`, when the screen goes.
 */
import {
  listenForBadgeTags,
  nfcPermission,
  nfcSupported,
  type NfcPermission,
  type NfcProblem,
} from '$lib/nfc/web-nfc';

export type NfcOffer = 'nothing' | 'button' | 'listening';

/** What the kiosk says about NFC (messages/nfc.ts). */
export type KioskNfcProblem = 'not-a-badge' | 'unreadable' | 'refused' | 'turned-off' | 'failed';

export interface NfcReaderDeps {
  supported: () => boolean;
  permission: () => Promise<NfcPermission>;
  listen: typeof listenForBadgeTags;
  /** How long words about one tag (not a badge, unreadable) stay: the next person should not see them. */
  tagNoticeMs: number;
}

const browserDeps: NfcReaderDeps = {
  supported: nfcSupported,
  permission: nfcPermission,
  listen: listenForBadgeTags,
  tagNoticeMs: 10_000,
};

export class NfcBadgeReader {
  offer = $state<NfcOffer>('nothing');
  problem = $state<KioskNfcProblem | null>(null);
  #controller: AbortController | null = null;
  #stopped = false;
  #noticeTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #onPayload: (payload: string) => void;
  readonly #deps: NfcReaderDeps;

  constructor(onPayload: (payload: string) => void, deps: Partial<NfcReaderDeps> = {}) {
    this.#onPayload = onPayload;
    this.#deps = { ...browserDeps, ...deps };
  }

  /** When the scan screen shows: listen if allowed already, else offer the button. */
  async start(): Promise<void> {
    if (!this.#deps.supported()) return;
    const permission = await this.#deps.permission();
    if (this.#stopped) return;
    if (permission === 'granted') this.#listen();
    else this.offer = 'button';
  }

  /** "Use NFC badges": a tap, so the browser may ask for the permission. */
  use(): void {
    this.problem = null;
    this.#listen();
  }

  stop(): void {
    this.#stopped = true;
    this.#controller?.abort();
    this.#controller = null;
    this.#clearNoticeTimer();
    this.problem = null;
  }

  #listen(): void {
    this.#controller?.abort();
    this.#controller = this.#deps.listen(
      (payload) => {
        this.#clearNoticeTimer();
        this.problem = null;
        this.#onPayload(payload);
      },
      (problem) => this.#onProblem(problem),
      () => {
        if (!this.#stopped) this.offer = 'listening';
      },
    );
  }

  #onProblem(problem: Exclude<NfcProblem, 'cancelled'>): void {
    if (this.#stopped) return;
    if (problem === 'not-a-badge' || problem === 'unreadable') {
      // Still listening: the words are about this one tag, and go after a while.
      this.problem = problem;
      this.#clearNoticeTimer();
      this.#noticeTimer = setTimeout(() => (this.problem = null), this.#deps.tagNoticeMs);
      return;
    }
    this.#controller?.abort();
    this.#controller = null;
    if (problem === 'no-nfc') {
      // Web NFC without NFC hardware to use: as if there were no Web NFC.
      this.offer = 'nothing';
      this.problem = null;
      return;
    }
    this.offer = 'button';
    this.problem = problem === 'refused' || problem === 'turned-off' ? problem : 'failed';
  }

  #clearNoticeTimer(): void {
    if (this.#noticeTimer !== null) clearTimeout(this.#noticeTimer);
    this.#noticeTimer = null;
  }
}
