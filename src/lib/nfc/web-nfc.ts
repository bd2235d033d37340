/**
 * Web NFC (Chrome on Android's `NDEFReader`) for badges: whether this browser has it, listening for
 * badge tags on the kiosk, and writing a badge to a tag from the console. Framework-free; the kiosk
 * and the console wrap it in their own state.
 *
 * Permission (Web NFC spec, "nfc" powerful feature): the first `scan()` or `write()` asks the person,
 * and a prompt is only shown in answer to a tap (transient user activation). Once the site is allowed,
 * `scan()` works without a tap, so the kiosk starts listening by itself only when the permission is
 * already "granted" and otherwise offers a button.
 */
import { badgeMessage, readBadgeRecords, type NdefRecordLike } from './badge-record';

/** The part of Web NFC used here (TypeScript's DOM library does not declare it). */
interface NdefReadingEvent extends Event {
  message: { records: readonly NdefRecordLike[] };
}
interface NdefReader extends EventTarget {
  scan(options?: { signal?: AbortSignal }): Promise<void>;
  write(
    message: ReturnType<typeof badgeMessage>,
    options?: { overwrite?: boolean; signal?: AbortSignal },
  ): Promise<void>;
}
type NdefReaderConstructor = new () => NdefReader;

const readerClass = (): NdefReaderConstructor | null =>
  typeof window !== 'undefined' && 'NDEFReader' in window
    ? (window as unknown as { NDEFReader: NdefReaderConstructor }).NDEFReader
    : null;

/** Whether this browser offers Web NFC at all. Where it does not, nothing about NFC is shown. */
export const nfcSupported = (): boolean => readerClass() !== null;

export type NfcPermission = 'granted' | 'prompt' | 'denied';

/** The site's "nfc" permission; "prompt" when the browser cannot tell. */
export async function nfcPermission(): Promise<NfcPermission> {
  try {
    const status = await navigator.permissions.query({ name: 'nfc' as PermissionName });
    return status.state;
  } catch {
    return 'prompt';
  }
}

/**
 * What went wrong, from the DOMException Web NFC rejects with:
 * - `refused`: the person or a setting blocked NFC for this site (NotAllowedError);
 * - `turned-off`: NFC is off in the phone's settings (NotReadableError);
 * - `no-nfc`: no NFC hardware Web NFC can use, or a tag it cannot write (NotSupportedError);
 * - `moved`: the tag left before the write finished (NetworkError);
 * - `cancelled`: we stopped it (AbortError), nothing to say;
 * - `unreadable`: a tag was there but could not be read (the reader's `readingerror` event);
 * - `not-a-badge`: a tag without a Shiftpass record;
 * - `failed`: anything else.
 */
export type NfcProblem =
  'refused' | 'turned-off' | 'no-nfc' | 'moved' | 'cancelled' | 'unreadable' | 'not-a-badge' | 'failed';

export function nfcProblemOf(error: unknown): NfcProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
      return 'refused';
    case 'NotReadableError':
      return 'turned-off';
    case 'NotSupportedError':
      return 'no-nfc';
    case 'NetworkError':
      return 'moved';
    case 'AbortError':
      return 'cancelled';
    default:
      return 'failed';
  }
}

/**
 * Listens for badge tags until the returned controller is aborted. A tag with a Shiftpass record
 * gives its payload to `onPayload`; anything else, and a failure to start, goes to `onProblem`
 * (never `cancelled`: aborting is quiet). `onListening` says the reader is on.
 * Without Web NFC it does nothing.
 */
export function listenForBadgeTags(
  onPayload: (payload: string) => void,
  onProblem: (problem: Exclude<NfcProblem, 'cancelled'>) => void,
  onListening: () => void = () => undefined,
): AbortController {
  const controller = new AbortController();
  const Reader = readerClass();
  if (!Reader) return controller;
  const reader = new Reader();
  const { signal } = controller;
  reader.addEventListener(
    'reading',
    (event) => {
      if (signal.aborted) return;
      const read = readBadgeRecords((event as NdefReadingEvent).message?.records ?? []);
      if (read.ok) onPayload(read.payload);
      else onProblem(read.reason);
    },
    { signal },
  );
  reader.addEventListener(
    'readingerror',
    () => {
      if (!signal.aborted) onProblem('unreadable');
    },
    { signal },
  );
  reader.scan({ signal }).then(
    () => {
      if (!signal.aborted) onListening();
    },
    (error: unknown) => {
      const problem = nfcProblemOf(error);
      if (problem !== 'cancelled' && !signal.aborted) onProblem(problem);
    },
  );
  return controller;
}

export type WriteOutcome = { ok: true } | { ok: false; problem: NfcProblem };

/**
 * Writes `payload` (a badge's QR text) to the next tag held to the phone, in the format
 * badge-record.ts reads, replacing what the tag held. Resolves once written, or with the problem;
 * `signal` stops the wait for a tag.
 */
export async function writeBadgeToTag(payload: string, signal?: AbortSignal): Promise<WriteOutcome> {
  const Reader = readerClass();
  if (!Reader) return { ok: false, problem: 'no-nfc' };
  try {
    await new Reader().write(badgeMessage(payload), { overwrite: true, ...(signal ? { signal } : {}) });
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: nfcProblemOf(error) };
  }
}
