/**
 * Fakes for what the kiosk and console state classes reach for in a browser: the server behind
 * `fetch`, the window and document (activity, back/forward cache, visibility), Web Storage, the cache
 * and IndexedDB lists a sign-out wipes, BroadcastChannel between tabs, and the phone's language.
 * Time is vitest's fake clock (`vi.useFakeTimers()` also fakes `performance.now()`).
 *
 * The state classes import the API client as a module, so the fake server sits behind `fetch`: the
 * real client turns its answers into `ApiResult`s exactly as in the browser.
 */
import { vi } from 'vitest';
import { messagesFor } from '../../../src/lib/i18n/catalogue.js';
import { describe as describeNotice } from '../../../src/lib/i18n/describe.js';
import type { Notice } from '../../../src/lib/kiosk/notice.js';
import type { SessionView } from '../../../server/contracts/schemas.js';

/** An answer of the fake server: a status and a JSON body, or no answer at all (offline). */
export type Answer = { status: number; body?: unknown } | 'network-error';
type Handler = (request: RecordedRequest) => Answer | Promise<Answer>;

export interface RecordedRequest {
  method: string;
  /** The path after `/api`, as the client names it. */
  path: string;
  body: unknown;
}

export const ok = (body?: unknown, status = body === undefined ? 204 : 200): Answer => ({ status, body });

/** The API's error envelope, with the details a code carries (remainingAttempts, retryAfterSeconds…). */
export const refusal = (status: number, code: string, details: Record<string, unknown> = {}): Answer => ({
  status,
  body: { error: { code, message: `(${code})`, ...details } },
});

/**
 * The server, by `METHOD /path`. Each route answers from a queue (the last answer repeats), or from a
 * function of the request. A request nobody expected is recorded and answered 404, and fails the test
 * through `expectNoUnexpectedRequests`.
 */
export class FakeServer {
  /** The requests that reached the server (not those sent while offline). */
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: string[] = [];
  /** While true every request fails as on a lost network. */
  offline = false;
  readonly #routes = new Map<string, Handler>();

  answer(route: string, ...answers: Answer[]): this {
    const queue = [...answers];
    this.#routes.set(route, () => (queue.length > 1 ? queue.shift()! : queue[0]!));
    return this;
  }

  handle(route: string, handler: Handler): this {
    this.#routes.set(route, handler);
    return this;
  }

  /** How many requests went to `METHOD /path`. */
  count(route: string): number {
    return this.requests.filter((r) => `${r.method} ${r.path}` === route).length;
  }

  /** The bodies sent to `METHOD /path`, oldest first. */
  bodies(route: string): unknown[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === route).map((r) => r.body);
  }

  readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const path = input.replace(/^\/api/, '');
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, path, body };
    if (this.offline) throw new TypeError('Failed to fetch');
    this.requests.push(request);
    const handler = this.#routes.get(`${method} ${path}`);
    if (!handler) this.unexpected.push(`${method} ${path}`);
    const answer = handler ? await handler(request) : refusal(404, 'NOT_FOUND');
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    // Only what the client reads: no streams, so every answer settles within microtasks.
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      json: () =>
        answer.body === undefined ? Promise.reject(new SyntaxError('no body')) : Promise.resolve(answer.body),
    } as Response;
  };
}

class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
}

/** BroadcastChannel between "tabs" of one test: a message reaches every other open channel of its name. */
export class FakeBroadcastChannel {
  static open: FakeBroadcastChannel[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(readonly name: string) {
    FakeBroadcastChannel.open.push(this);
  }
  postMessage(data: unknown): void {
    for (const other of FakeBroadcastChannel.open) {
      if (other !== this && other.name === this.name) queueMicrotask(() => other.onmessage?.({ data }));
    }
  }
  close(): void {
    FakeBroadcastChannel.open = FakeBroadcastChannel.open.filter((c) => c !== this);
  }
}

export interface FakeBrowser {
  window: EventTarget;
  document: EventTarget & { documentElement: { lang: string }; visibilityState: DocumentVisibilityState };
  localStorage: Storage;
  sessionStorage: Storage;
  /** Cache Storage names: the app shell's `shell-*` caches and whatever a worker's apps left. */
  cacheNames: Set<string>;
  /** IndexedDB database names. */
  databases: Set<string>;
  navigator: { language: string; languages: string[] };
  /** A touch on the screen. */
  touch(): void;
}

/** Puts a fresh browser into the globals; `vi.unstubAllGlobals()` takes it away again. */
export function installBrowser(server: FakeServer): FakeBrowser {
  const cacheNames = new Set<string>();
  const databases = new Set<string>();
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), {
    documentElement: { lang: 'en' },
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  const browser: FakeBrowser = {
    window,
    document,
    localStorage: new MemoryStorage(),
    sessionStorage: new MemoryStorage(),
    cacheNames,
    databases,
    navigator: { language: 'en-US', languages: ['en-US', 'en'] },
    touch: () => window.dispatchEvent(new Event('pointerdown')),
  };
  FakeBroadcastChannel.open = [];
  vi.stubGlobal('fetch', server.fetch);
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('self', globalThis);
  vi.stubGlobal('navigator', browser.navigator);
  vi.stubGlobal('localStorage', browser.localStorage);
  vi.stubGlobal('sessionStorage', browser.sessionStorage);
  vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
  vi.stubGlobal('caches', {
    keys: () => Promise.resolve([...cacheNames]),
    delete: (name: string) => Promise.resolve(cacheNames.delete(name)),
  });
  vi.stubGlobal('indexedDB', {
    databases: () => Promise.resolve([...databases].map((name) => ({ name, version: 1 }))),
    deleteDatabase: (name: string) => databases.delete(name),
  });
  return browser;
}

/** A page-transition event as the back/forward cache sends it. */
export const pageTransition = (type: 'pagehide' | 'pageshow', persisted: boolean): Event =>
  Object.assign(new Event(type), { persisted });

/** Lets every answer, await and zero-delay timer in flight finish, without moving the clock. */
export const settle = (): Promise<unknown> => vi.advanceTimersByTimeAsync(0);

/** The session the server reports for a signed-in worker, with the default policy's timings. */
export function sessionView(overrides: Partial<SessionView> = {}): SessionView {
  return {
    user: {
      id: 'user-ana',
      displayName: 'Ana Silva',
      role: 'worker',
      groups: [{ id: 'group-harbour', displayName: 'Harbour Mall' }],
    },
    kind: 'kiosk',
    reauthenticatedDateTime: null,
    mustChangePin: false,
    createdDateTime: '2026-06-01T08:00:00.000Z',
    expiresDateTime: '2026-06-01T20:00:00.000Z',
    expiresInSeconds: 12 * 60 * 60,
    idleTimeoutSeconds: 15 * 60,
    kioskIdle: { signOutAfterSeconds: 5 * 60, warningSeconds: 60 },
    kioskOfflineGraceSeconds: 5 * 60,
    kioskApps: [],
    signInApps: [],
    ...overrides,
  };
}

const english = messagesFor('en');

/** What the kiosk shows for a notice, in English, with the default 8-digit PIN. */
export const shown = (notice: Notice | null): string | null =>
  notice === null ? null : describeNotice(english, notice, 8);

/** The kiosk page's address bar: what the page was opened at, what replaced it, where it went. */
export class FakeAddressBar {
  /** Top-level navigations away from the kiosk, oldest first. */
  readonly visited: string[] = [];
  constructor(public href: string) {}
  /** As Kit's replaceState on the kiosk's path. */
  replace(queryAndHash: string): void {
    this.href = new URL(`/${queryAndHash}`, this.href).href;
  }
  go(url: string): void {
    this.visited.push(url);
  }
}
