/**
 * NFC badges: which record on a tag is a Shiftpass badge, Web NFC's errors as problems, and what the
 * scan screen and the console do with them (src/lib/nfc, the kiosk's reader, the console's writer).
 */
import { describe, expect, it, vi } from 'vitest';
import { NfcTagWriter } from '../../src/lib/admin/nfc-tag-writer.svelte';
import { NfcBadgeReader } from '../../src/lib/kiosk/nfc-badge-reader.svelte';
import {
  BADGE_MEDIA_TYPE,
  badgeMessage,
  readBadgeRecords,
  type NdefRecordLike,
} from '../../src/lib/nfc/badge-record';
import { nfcProblemOf, type NfcProblem } from '../../src/lib/nfc/web-nfc';

const BADGE = 'SP1:ACME:ABCDEFGHJKMNPQRS:ABCDEFGHJKMNPQRSTVWXYZ2345';
const bytes = (text: string) => new DataView(new TextEncoder().encode(text).buffer);
const mime = (mediaType: string, text: string): NdefRecordLike => ({
  recordType: 'mime',
  mediaType,
  data: bytes(text),
});
const text = (value: string, encoding = 'utf-8'): NdefRecordLike => ({
  recordType: 'text',
  encoding,
  data: bytes(value),
});

describe('which record on a tag is a Shiftpass badge', () => {
  it('reads the payload of a Shiftpass MIME record, exactly as the QR code holds it', () => {
    expect(readBadgeRecords([mime(BADGE_MEDIA_TYPE, BADGE)])).toEqual({ ok: true, payload: BADGE });
  });

  it('reads the MIME type whatever its case and parameters', () => {
    expect(readBadgeRecords([mime('Application/Vnd.Shiftpass.Badge; v=1', BADGE)])).toEqual({
      ok: true,
      payload: BADGE,
    });
  });

  it('reads a text record holding a badge, as a general NFC app would write it', () => {
    expect(readBadgeRecords([text(`${BADGE}\n`)])).toEqual({ ok: true, payload: BADGE });
  });

  it('finds the badge among other records (a link written before it, say)', () => {
    const records = [
      { recordType: 'url', data: bytes('https://example.com') },
      mime(BADGE_MEDIA_TYPE, BADGE),
    ];
    expect(readBadgeRecords(records)).toEqual({ ok: true, payload: BADGE });
  });

  it('hands a damaged badge record on as it is, so the kiosk gives the words of a bad camera scan', () => {
    expect(readBadgeRecords([mime(BADGE_MEDIA_TYPE, 'SP1:ACME:half')])).toEqual({
      ok: true,
      payload: 'SP1:ACME:half',
    });
  });

  it.each<[string, NdefRecordLike[]]>([
    ['an empty tag', []],
    ['a link', [{ recordType: 'url', data: bytes('https://example.com/SP1:ACME') }]],
    ['text that is not a badge', [text('Aisle 7 price check')]],
    ['another MIME type', [mime('text/plain', BADGE)]],
    ['a badge record with no data', [{ recordType: 'mime', mediaType: BADGE_MEDIA_TYPE, data: null }]],
    [
      'bytes that are not UTF-8',
      [
        {
          recordType: 'mime',
          mediaType: BADGE_MEDIA_TYPE,
          data: new DataView(new Uint8Array([0xff, 0xfe, 0x00]).buffer),
        },
      ],
    ],
  ])('does not take %s for a badge', (_what, records) => {
    expect(readBadgeRecords(records)).toEqual({ ok: false, reason: 'not-a-badge' });
  });

  it('writes one MIME record holding exactly the payload, which reads back as the same badge', () => {
    const message = badgeMessage(BADGE);
    expect(message.records).toHaveLength(1);
    const [record] = message.records;
    expect(record!.mediaType).toBe(BADGE_MEDIA_TYPE);
    expect(new TextDecoder().decode(record!.data)).toBe(BADGE);
    const asRead = { ...record!, data: new DataView(record!.data.buffer) };
    expect(readBadgeRecords([asRead])).toEqual({ ok: true, payload: BADGE });
  });
});

describe("Web NFC's errors", () => {
  it.each<[string, NfcProblem]>([
    ['NotAllowedError', 'refused'],
    ['NotReadableError', 'turned-off'],
    ['NotSupportedError', 'no-nfc'],
    ['NetworkError', 'moved'],
    ['AbortError', 'cancelled'],
    ['InvalidStateError', 'failed'],
  ])('%s is %s', (name, problem) => {
    expect(nfcProblemOf(new DOMException('x', name))).toBe(problem);
  });

  it('anything that is not an error is a plain failure', () => {
    expect(nfcProblemOf('boom')).toBe('failed');
    expect(nfcProblemOf(undefined)).toBe('failed');
  });
});

/** A stand-in for listenForBadgeTags that the test drives. */
function fakeListen() {
  const calls: {
    onPayload: (payload: string) => void;
    onProblem: (problem: Exclude<NfcProblem, 'cancelled'>) => void;
    onListening: () => void;
    controller: AbortController;
  }[] = [];
  const listen = (
    onPayload: (payload: string) => void,
    onProblem: (problem: Exclude<NfcProblem, 'cancelled'>) => void,
    onListening: () => void = () => undefined,
  ) => {
    const controller = new AbortController();
    calls.push({ onPayload, onProblem, onListening, controller });
    return controller;
  };
  return { calls, listen };
}

describe('the scan screen and NFC badges', () => {
  it('shows nothing and listens to nothing where the browser has no Web NFC', async () => {
    const { calls, listen } = fakeListen();
    const reader = new NfcBadgeReader(() => undefined, {
      supported: () => false,
      permission: async () => 'granted',
      listen,
    });
    await reader.start();
    expect(reader.offer).toBe('nothing');
    expect(calls).toHaveLength(0);
  });

  it('listens by itself when NFC is already allowed, and a badge goes on as a scan would', async () => {
    const { calls, listen } = fakeListen();
    const read: string[] = [];
    const reader = new NfcBadgeReader((payload) => read.push(payload), {
      supported: () => true,
      permission: async () => 'granted',
      listen,
    });
    await reader.start();
    expect(calls).toHaveLength(1);
    calls[0]!.onListening();
    expect(reader.offer).toBe('listening');
    calls[0]!.onPayload(BADGE);
    expect(read).toEqual([BADGE]);
  });

  it('asks for a tap first when NFC has not been allowed yet (the prompt needs one)', async () => {
    const { calls, listen } = fakeListen();
    const reader = new NfcBadgeReader(() => undefined, {
      supported: () => true,
      permission: async () => 'prompt',
      listen,
    });
    await reader.start();
    expect(reader.offer).toBe('button');
    expect(calls).toHaveLength(0);
    reader.use();
    calls[0]!.onListening();
    expect(reader.offer).toBe('listening');
  });

  it('explains a refusal and offers the button again; a phone without NFC hardware shows nothing', async () => {
    const { calls, listen } = fakeListen();
    const reader = new NfcBadgeReader(() => undefined, {
      supported: () => true,
      permission: async () => 'prompt',
      listen,
    });
    await reader.start();
    reader.use();
    calls[0]!.onProblem('refused');
    expect(reader.problem).toBe('refused');
    expect(reader.offer).toBe('button');
    expect(calls[0]!.controller.signal.aborted).toBe(true);

    reader.use();
    expect(reader.problem).toBeNull();
    calls[1]!.onProblem('no-nfc');
    expect(reader.offer).toBe('nothing');
    expect(reader.problem).toBeNull();
  });

  it('says a foreign tag is not a badge, keeps listening, and forgets it after a while or at the next badge', async () => {
    vi.useFakeTimers();
    try {
      const { calls, listen } = fakeListen();
      const reader = new NfcBadgeReader(() => undefined, {
        supported: () => true,
        permission: async () => 'granted',
        listen,
        tagNoticeMs: 10_000,
      });
      await reader.start();
      calls[0]!.onListening();
      calls[0]!.onProblem('not-a-badge');
      expect(reader.problem).toBe('not-a-badge');
      expect(reader.offer).toBe('listening');
      expect(calls[0]!.controller.signal.aborted).toBe(false);
      vi.advanceTimersByTime(10_000);
      expect(reader.problem).toBeNull();

      calls[0]!.onProblem('unreadable');
      calls[0]!.onPayload(BADGE);
      expect(reader.problem).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops listening when the screen goes, also when it goes before the permission is known', async () => {
    const { calls, listen } = fakeListen();
    let answer: (state: 'granted') => void = () => undefined;
    const reader = new NfcBadgeReader(() => undefined, {
      supported: () => true,
      permission: () => new Promise((resolve) => (answer = resolve)),
      listen,
    });
    const started = reader.start();
    reader.stop();
    answer('granted');
    await started;
    expect(calls).toHaveLength(0);

    const again = new NfcBadgeReader(() => undefined, {
      supported: () => true,
      permission: async () => 'granted',
      listen,
    });
    await again.start();
    again.stop();
    expect(calls[0]!.controller.signal.aborted).toBe(true);
  });
});

describe('writing a badge to a tag from the console', () => {
  it('is not offered where the browser has no Web NFC', () => {
    expect(new NfcTagWriter({ supported: () => false }).supported).toBe(false);
  });

  it('writes exactly the payload and says so', async () => {
    const written: string[] = [];
    const writer = new NfcTagWriter({
      supported: () => true,
      write: async (payload) => {
        written.push(payload);
        return { ok: true };
      },
    });
    const done = writer.write(BADGE);
    expect(writer.state).toBe('waiting');
    await done;
    expect(written).toEqual([BADGE]);
    expect(writer.state).toBe('written');
  });

  it('gives the reason a write failed, and nothing when it was cancelled', async () => {
    const writer = new NfcTagWriter({
      supported: () => true,
      write: async (_payload, signal) =>
        signal?.aborted ? { ok: false, problem: 'cancelled' } : { ok: false, problem: 'moved' },
    });
    await writer.write(BADGE);
    expect(writer.problem).toBe('moved');
    expect(writer.state).toBe('ready');

    let finish: () => void = () => undefined;
    const waiting = new NfcTagWriter({
      supported: () => true,
      write: () => new Promise((resolve) => (finish = () => resolve({ ok: false, problem: 'cancelled' }))),
    });
    const pending = waiting.write(BADGE);
    waiting.cancel();
    expect(waiting.state).toBe('ready');
    finish();
    await pending;
    expect(waiting.problem).toBeNull();
    expect(waiting.state).toBe('ready');
  });
});
