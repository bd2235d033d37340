import { describe, expect, it } from 'vitest';
import {
  createKeyboardWedge,
  listenForWedgeScans,
  MAX_SCAN_LENGTH,
  WEDGE_DEFAULTS,
  type KeyboardWedge,
  type WedgeVerdict,
} from '../../src/lib/scanner/keyboard-wedge';

const BADGE = 'SP1:STORE1:ABCDEFGHJKMNPQRS:ABCDEFGHJKMNPQRSTVWXYZ2345';

/** Feeds `text` one key every `gapMs` from `start`, then `end` after the same gap; the last verdict. */
function type(
  wedge: KeyboardWedge,
  text: string,
  { gapMs = 5, start = 1000, end = 'Enter' }: { gapMs?: number; start?: number; end?: string | null } = {},
): { verdict: WedgeVerdict; at: number } {
  let at = start;
  let verdict: WedgeVerdict = { kind: 'ignored' };
  for (const key of text) {
    verdict = wedge.feed({ key, time: at });
    expect(verdict).toEqual({ kind: 'ignored' });
    at += gapMs;
  }
  if (end !== null) verdict = wedge.feed({ key: end, time: at });
  return { verdict, at };
}

describe('a hardware scanner typing a badge (keyboard wedge)', () => {
  it('reads characters arriving at scanner speed and ending with Enter as one scan', () => {
    const wedge = createKeyboardWedge();
    expect(type(wedge, BADGE).verdict).toEqual({ kind: 'scan', text: BADGE });
  });

  it('also reads a scan ending with Tab, for scanners set up with a Tab suffix', () => {
    const wedge = createKeyboardWedge();
    expect(type(wedge, BADGE, { end: 'Tab' }).verdict).toEqual({ kind: 'scan', text: BADGE });
    expect(type(createKeyboardWedge({ tabEnds: false }), BADGE, { end: 'Tab' }).verdict.kind).toBe('ignored');
  });

  it('ignores keys typed at human speed, Enter included', () => {
    const wedge = createKeyboardWedge();
    expect(type(wedge, BADGE, { gapMs: 150 }).verdict).toEqual({ kind: 'ignored' });
    // Faster than any person keeps up, yet slower than a scanner.
    expect(type(wedge, BADGE, { gapMs: WEDGE_DEFAULTS.maxMedianGapMs + 1 }).verdict.kind).toBe('ignored');
    // A scanner's own pace is read.
    expect(type(wedge, BADGE, { gapMs: WEDGE_DEFAULTS.maxMedianGapMs - 1 }).verdict.kind).toBe('scan');
    // A person's run of quick keys among slower ones is still a person.
    let at = 0;
    for (const [i, key] of [...'24681357913'].entries()) {
      wedge.feed({ key, time: at });
      at += i % 2 ? 20 : 90;
    }
    expect(wedge.feed({ key: 'Enter', time: at })).toEqual({ kind: 'ignored' });
  });

  it('still reads a scan when a busy phone hands some keys over late', () => {
    const wedge = createKeyboardWedge();
    let at = 0;
    for (const [i, key] of [...BADGE].entries()) {
      wedge.feed({ key, time: at });
      at += i % 5 === 0 ? 40 + i * 2 : 8;
    }
    expect(wedge.feed({ key: 'Enter', time: at })).toEqual({ kind: 'scan', text: BADGE });
  });

  it("never lets a person's keys leak into the scan that follows", () => {
    const wedge = createKeyboardWedge();
    const { at } = type(wedge, 'hello', { gapMs: 200, end: null });
    expect(type(wedge, BADGE, { start: at + 200 }).verdict).toEqual({ kind: 'scan', text: BADGE });
  });

  it('drops a burst interrupted by a slow gap: its first part never joins what follows', () => {
    const wedge = createKeyboardWedge();
    const { at } = type(wedge, BADGE.slice(0, 30), { end: null });
    // The rest comes after a pause: on its own it is only a half badge (refused later as a bad scan).
    const tail = BADGE.slice(30);
    expect(type(wedge, tail, { start: at + 300 }).verdict).toEqual({ kind: 'scan', text: tail });
    // A pause before Enter drops the whole burst.
    const late = type(wedge, BADGE, { end: null, start: at + 1000 });
    expect(wedge.feed({ key: 'Enter', time: late.at + 300 })).toEqual({ kind: 'ignored' });
    // And nothing of it is left for the next scan.
    expect(type(wedge, BADGE, { start: late.at + 2000 }).verdict).toEqual({ kind: 'scan', text: BADGE });
  });

  it('takes no burst shorter than the minimum length for a scan', () => {
    const wedge = createKeyboardWedge();
    const short = 'x'.repeat(WEDGE_DEFAULTS.minLength - 1);
    expect(type(wedge, short).verdict).toEqual({ kind: 'ignored' });
    const enough = 'x'.repeat(WEDGE_DEFAULTS.minLength);
    expect(type(wedge, enough, { start: 5000 }).verdict).toEqual({ kind: 'scan', text: enough });
    // An Enter alone, or twice (a scanner sending CR and LF), is nothing.
    expect(wedge.feed({ key: 'Enter', time: 9000 })).toEqual({ kind: 'ignored' });
    expect(wedge.feed({ key: 'Enter', time: 9001 })).toEqual({ kind: 'ignored' });
  });

  it('skips modifier keys without breaking the timing (Shift before each capital letter)', () => {
    const wedge = createKeyboardWedge();
    let at = 0;
    for (const key of BADGE) {
      expect(wedge.feed({ key: 'Shift', time: at })).toEqual({ kind: 'ignored' });
      wedge.feed({ key, time: at + 2 });
      at += 6;
    }
    expect(wedge.feed({ key: 'Enter', time: at })).toEqual({ kind: 'scan', text: BADGE });
  });

  it('ends the burst at a shortcut, an auto-repeat or a key that is not a character', () => {
    for (const interruption of [
      { key: 'c', ctrlKey: true },
      { key: 'a', altKey: true },
      { key: 'v', metaKey: true },
      { key: 'x', repeat: true },
      { key: 'Backspace' },
      { key: 'Unidentified' },
    ]) {
      const wedge = createKeyboardWedge();
      const { at } = type(wedge, BADGE.slice(0, 20), { end: null });
      wedge.feed({ ...interruption, time: at });
      const rest = type(wedge, BADGE.slice(20), { start: at + 5 });
      expect(rest.verdict, JSON.stringify(interruption)).toEqual({ kind: 'scan', text: BADGE.slice(20) });
    }
  });

  it('keeps no more than the longest scan it accepts, which can never be a badge', () => {
    const wedge = createKeyboardWedge();
    const { verdict } = type(wedge, 'A'.repeat(MAX_SCAN_LENGTH + 50));
    expect(verdict).toEqual({ kind: 'scan', text: 'A'.repeat(MAX_SCAN_LENGTH) });
  });
});

/** A keydown as a browser delivers it: key, modifiers and the time the event happened. */
function keydown(key: string, timeStamp: number): Event {
  const event = new Event('keydown', { cancelable: true });
  Object.defineProperties(event, {
    key: { value: key },
    timeStamp: { value: timeStamp },
    ctrlKey: { value: false },
    altKey: { value: false },
    metaKey: { value: false },
    repeat: { value: false },
    isComposing: { value: false },
  });
  return event;
}

/** The window's keydown listeners (Node's EventTarget does not remove a capturing listener). */
class FakeWindow {
  readonly listeners = new Set<(event: Event) => void>();
  addEventListener(_type: string, listener: (event: Event) => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: string, listener: (event: Event) => void) {
    this.listeners.delete(listener);
  }
  dispatchEvent(event: Event) {
    for (const listener of this.listeners) listener(event);
  }
}

describe('listening for wedge scans on the page', () => {
  it('hands over the scan and keeps its Enter from pressing a focused button', () => {
    const page = new FakeWindow();
    const scans: string[] = [];
    const stop = listenForWedgeScans(page as unknown as Window, (text) => scans.push(text));
    let at = 10;
    for (const key of BADGE) page.dispatchEvent(keydown(key, (at += 4)));
    const enter = keydown('Enter', at + 4);
    page.dispatchEvent(enter);
    expect(scans).toEqual([BADGE]);
    expect(enter.defaultPrevented).toBe(true);

    // A person's Enter still works as usual.
    const personsEnter = keydown('Enter', at + 5000);
    page.dispatchEvent(personsEnter);
    expect(personsEnter.defaultPrevented).toBe(false);

    stop();
    for (const key of BADGE) page.dispatchEvent(keydown(key, (at += 4)));
    page.dispatchEvent(keydown('Enter', at + 4));
    expect(scans).toHaveLength(1);
    expect(page.listeners.size).toBe(0);
  });
});
