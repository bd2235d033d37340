/**
 * Hardware barcode scanners in "keyboard wedge" mode (Zebra DataWedge keystroke output, Honeywell's
 * wedge, Bluetooth ring scanners): the scan arrives as keystrokes, one per character, then Enter (or
 * Tab). Nothing tells those keys from a person's except their timing, so this module tells them apart:
 *
 * 1. Only printable characters (`key` of length 1) count. Modifier keys (Shift before every upper-case
 *    letter and ':' included) are skipped without touching the timing; a key pressed with Ctrl, Alt or
 *    Meta, an auto-repeat, or a key the browser cannot name ends whatever was building.
 * 2. Each character must follow the one before within `maxGapMs`. A slower gap drops everything
 *    gathered so far: that character starts a new burst on its own. A scan interrupted by a pause is
 *    never glued to what comes next, and a person's earlier keys never join a scan.
 * 3. Enter (or Tab) within `maxGapMs` of the last character ends the burst. It is a scan when it has at
 *    least `minLength` characters and they came at scanner speed: the median gap between its keys
 *    (Enter included) is at most `maxMedianGapMs`. Anything else is a person pressing keys, and is
 *    forgotten.
 *
 * Thresholds, and why two: scanners send a character every 1–20 ms (DataWedge and Honeywell default to
 * no inter-character delay); people type 100–300 ms a key, and even the fastest typists' median gap is
 * about 80 ms. So the median gap tells a scanner from a person, at 50 ms: nobody keeps that up for
 * eight keys in a row. The median, not every gap nor the mean, because a busy page (starting its
 * camera, decoding a frame) takes a few keys late: measured in Chromium with keys sent 5 ms apart,
 * gaps of 6–15 ms with some of 40–104 ms among them, medians up to 32 ms. A hard 30 ms limit on every
 * gap dropped such scans. `maxGapMs` (200 ms) is only the pause that ends a burst. `minLength` is 8,
 * the shortest common barcode (EAN-8): a shorter burst is not taken for a scan, and anything longer
 * that is not a badge is answered like any other unreadable badge. A burst is capped at
 * `MAX_SCAN_LENGTH` characters; beyond that it is kept cut short (still no badge, so still refused).
 *
 * The core (`createKeyboardWedge`) is pure: it is fed keys with their times and answers. The DOM part
 * (`listenForWedgeScans`) listens on the window, ignores keys aimed at a text field (the PIN field, the
 * typed badge code: typing there is typing), and keeps the Enter that ends a scan from pressing a
 * focused button. The payload is only handed to the caller: never shown, stored or logged here.
 */

export interface WedgeOptions {
  /** Longest pause between two keys of one scan, in milliseconds. */
  maxGapMs: number;
  /** Longest median pause between the keys of one scan (its Enter included), in milliseconds. */
  maxMedianGapMs: number;
  /** Fewest characters a scan has. */
  minLength: number;
  /** Whether Tab ends a scan as Enter does (scanners set up with a Tab suffix). */
  tabEnds: boolean;
}

export const WEDGE_DEFAULTS: Readonly<WedgeOptions> = {
  maxGapMs: 200,
  maxMedianGapMs: 50,
  minLength: 8,
  tabEnds: true,
};

export const MAX_SCAN_LENGTH = 512;

/** One keydown, as much of it as the recogniser needs. `time` in milliseconds, any steady clock. */
export interface WedgeKey {
  key: string;
  time: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
}

/**
 * - `ignored`: not part of a scan (or not yet known to be); the key does what it always does.
 * - `scan`: this key ended a scan of `text`; the key itself should do nothing else.
 */
export type WedgeVerdict = { kind: 'ignored' } | { kind: 'scan'; text: string };

export interface KeyboardWedge {
  feed(key: WedgeKey): WedgeVerdict;
  /** Forgets the burst being gathered (focus moved to a text field, the screen went away). */
  reset(): void;
}

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'FnLock',
  'Hyper',
  'Super',
  'Symbol',
  'SymbolLock',
  'OS',
]);

const IGNORED: WedgeVerdict = { kind: 'ignored' };

export function createKeyboardWedge(options: Partial<WedgeOptions> = {}): KeyboardWedge {
  const { maxGapMs, maxMedianGapMs, minLength, tabEnds } = { ...WEDGE_DEFAULTS, ...options };
  let buffer = '';
  /** The pauses before each character of the burst but its first. */
  let gaps: number[] = [];
  let lastAt = -Infinity;

  const reset = () => {
    buffer = '';
    gaps = [];
    lastAt = -Infinity;
  };

  return {
    reset,
    feed({ key, time, ctrlKey, altKey, metaKey, repeat }) {
      if (MODIFIERS.has(key)) return IGNORED;
      if (ctrlKey || altKey || metaKey || repeat) {
        reset();
        return IGNORED;
      }
      const gap = time - lastAt;
      const inTime = gap >= 0 && gap <= maxGapMs;
      if (key === 'Enter' || (tabEnds && key === 'Tab')) {
        const text = buffer;
        const ended = inTime && text.length >= minLength && median([...gaps, gap]) <= maxMedianGapMs;
        reset();
        return ended ? { kind: 'scan', text } : IGNORED;
      }
      if (key.length !== 1) {
        // Arrows, Backspace, Escape, "Unidentified"…: no scanner sends these inside a scan.
        reset();
        return IGNORED;
      }
      if (!inTime) {
        buffer = '';
        gaps = [];
      } else if (buffer.length < MAX_SCAN_LENGTH) gaps.push(gap);
      if (buffer.length < MAX_SCAN_LENGTH) buffer += key;
      lastAt = time;
      return IGNORED;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Where typing is typing: a text field, a list, anything editable. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/**
 * Calls `onScan` with each scan a wedge scanner types into `target` (the window) while no text field
 * has the focus. Returns the function that stops listening (and forgets any half-gathered scan).
 */
export function listenForWedgeScans(
  target: Window,
  onScan: (text: string) => void,
  options: Partial<WedgeOptions> = {},
): () => void {
  const wedge = createKeyboardWedge(options);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || isTypingTarget(event.target)) {
      wedge.reset();
      return;
    }
    const verdict = wedge.feed({
      key: event.key,
      time: event.timeStamp,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      repeat: event.repeat,
    });
    if (verdict.kind !== 'scan') return;
    // The scanner's Enter (or Tab) must not also press the focused button or move the focus.
    event.preventDefault();
    event.stopPropagation();
    onScan(verdict.text);
  };
  // Capture: the scan is seen before any handler of the page reacts to its Enter.
  target.addEventListener('keydown', onKeyDown, true);
  return () => {
    target.removeEventListener('keydown', onKeyDown, true);
    wedge.reset();
  };
}
