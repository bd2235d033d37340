/**
 * Writing a badge just issued to an NFC tag from the console (Web NFC, Chrome on Android): waiting for
 * the tag, written, or why not. The payload is the issue answer's `rawContent`, held in memory by the
 * page like the rest of the badge and never stored; the tag gets exactly what the QR code holds.
 */
import { nfcSupported, writeBadgeToTag, type NfcProblem } from '$lib/nfc/web-nfc';

export type WriteProblem = Exclude<NfcProblem, 'cancelled' | 'unreadable' | 'not-a-badge'>;

export class NfcTagWriter {
  state = $state<'ready' | 'waiting' | 'written'>('ready');
  problem = $state<WriteProblem | null>(null);
  readonly supported: boolean;
  #controller: AbortController | null = null;
  readonly #write: typeof writeBadgeToTag;

  constructor(deps: { supported?: () => boolean; write?: typeof writeBadgeToTag } = {}) {
    this.supported = (deps.supported ?? nfcSupported)();
    this.#write = deps.write ?? writeBadgeToTag;
  }

  /** "Write to NFC tag": waits for a tag and writes `payload` to it. */
  async write(payload: string): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.state = 'waiting';
    this.problem = null;
    const outcome = await this.#write(payload, controller.signal);
    if (controller.signal.aborted) return;
    this.#controller = null;
    if (outcome.ok) {
      this.state = 'written';
      return;
    }
    this.state = 'ready';
    const problem = outcome.problem;
    if (problem === 'cancelled') return;
    this.problem = problem === 'unreadable' || problem === 'not-a-badge' ? 'failed' : problem;
  }

  /** Stops waiting for a tag (the Cancel button, or the badge leaving the page). */
  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
    if (this.state === 'waiting') this.state = 'ready';
  }
}
