/**
 * A badge read while the scan screen warms up out of sight (the camera and decoder start while the
 * kiosk asks the server who is signed in, or while a sign-out is on its way): kept rather than
 * refused, and handed over the moment the screen shows. Refused, the decoders would stay quiet about
 * that badge for a while (decode-gate.ts) and the worker would wait for nothing. Only a recent read
 * counts: after the decoders' quiet time they offer a badge still in view again anyway, and one read
 * longer ago may have gone.
 */
import { REFUSED_QUIET_MS } from '$lib/scanner/decode-gate';

export interface HeldRead {
  hold(text: string): void;
  /** The text held, if read within the quiet time; it is handed over once. */
  take(): string | null;
  clear(): void;
}

export function createHeldRead(now: () => number = () => performance.now()): HeldRead {
  let held: { text: string; at: number } | null = null;
  return {
    hold(text) {
      held = { text, at: now() };
    },
    take() {
      const read = held;
      held = null;
      return read && now() - read.at < REFUSED_QUIET_MS ? read.text : null;
    },
    clear() {
      held = null;
    },
  };
}
