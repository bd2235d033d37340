/**
 * Where both decoders hand in what they read. The consumer sees a badge once: after it accepts a
 * text the gate closes, and a text it refused (say, another site's badge) is not offered again while
 * it stays in view (both decoders would otherwise repeat it several times a second).
 */
export interface DecodeGate {
  /** Offers a decoded text; true when the consumer accepted it (the gate is closed from then on). */
  offer(text: string): boolean;
  readonly closed: boolean;
  close(): void;
}

export const REFUSED_QUIET_MS = 1500;

export function createDecodeGate(
  consumer: (text: string) => boolean | void,
  now: () => number = () => Date.now(),
): DecodeGate {
  let closed = false;
  let lastRefused: { text: string; at: number } | null = null;
  return {
    offer(text) {
      if (closed) return false;
      const at = now();
      if (lastRefused && lastRefused.text === text && at - lastRefused.at < REFUSED_QUIET_MS) return false;
      if (consumer(text) === true) {
        closed = true;
        return true;
      }
      lastRefused = { text, at };
      return false;
    },
    get closed() {
      return closed;
    },
    close() {
      closed = true;
    },
  };
}
