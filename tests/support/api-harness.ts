/**
 * A fresh Shiftpass on a fresh database for one API test file: a real libSQL file in a temp dir,
 * real migrations, real argon2, a movable clock. Requests go through `app.request()`.
 * Below the harness: builders for the test data most API tests need (a worker with a badge and a PIN).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserView } from '../../server/contracts/schemas.js';
import type { Clock } from '../../server/domain/clock.js';
import type { Argon2Parameters } from '../../server/platform/password-hasher.js';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../server/runtime.js';
import type { IssuedQrPinMethod } from '../../server/features/badges/qr-pin-method.js';
import { createSession } from '../../server/features/sessions/sessions.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const SESSION_COOKIE_NAME = '__Host-shiftpass_session';

export class TestClock implements Clock {
  constructor(private current = new Date('2026-06-01T08:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  setTime(epochMs: number): void {
    this.current = new Date(epochMs);
  }
}

export interface RequestOptions {
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  cookie?: string;
  /** Bearer token; the bootstrap admin token unless given, `null` sends none. */
  token?: string | null;
  /** The client's network address as the server sees it (default 127.0.0.1). */
  clientAddress?: string;
  /**
   * The `Origin` header. By default a request with a cookie sends this server's own origin, as a browser
   * on the site would; `null` sends none.
   */
  origin?: string | null;
}

/** The origin `app.request('/api/…')` requests are addressed to. */
export const HARNESS_ORIGIN = 'http://localhost';

export interface Harness {
  runtime: Runtime;
  clock: TestClock;
  dir: string;
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Closes the database and keeps the data directory (for a restart on the same data). */
  stop(): void;
  /** Closes the database and removes the data directory. */
  close(): void;
}

export interface HarnessOptions {
  /** Whether to pass BOOTSTRAP_API_TOKEN=ADMIN_TOKEN (default true). */
  bootstrapApiToken?: boolean;
  /**
   * Whether ADMIN_TOKEN keeps the first-run expiry (30 days). By default it never expires, since tests
   * move the clock months ahead; tests/api/api-token-scopes.test.ts checks the expiry itself.
   */
  adminTokenExpires?: boolean;
  /** Reuse an existing data directory (a restart) instead of a new temp dir. */
  dataDir?: string;
  clock?: TestClock;
  /**
   * 'enabled' (default) switches the QR-code method policy on for all users before the first request,
   * as an admin would on a new installation; 'default' leaves the shipped default (disabled).
   */
  methodPolicy?: 'enabled' | 'default';
  /** argon2id parameters for new verifiers (default: OWASP), to test parameter upgrades. */
  argon2?: Argon2Parameters;
  /** More runtime options (a webhook resolver and CA, background intervals). */
  runtime?: RuntimeOptions;
}

export async function startHarness(
  env: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'shiftpass-test-'));
  const clock = options.clock ?? new TestClock();
  const baseEnv: Record<string, string> = { DATA_DIR: dir };
  if (options.bootstrapApiToken ?? true) baseEnv.BOOTSTRAP_API_TOKEN = ADMIN_TOKEN;
  const runtime = await startRuntime(
    { ...baseEnv, ...env },
    {
      clock,
      argon2: options.argon2,
      // Webhooks are sent when a test ticks the deliverer (runtime.webhooks.tick()), never on their own.
      webhookDeliveryIntervalMs: 0,
      ...options.runtime,
    },
  );
  if ((options.bootstrapApiToken ?? true) && !options.adminTokenExpires && !options.dataDir) {
    await runtime.database.client.execute({
      sql: 'UPDATE api_tokens SET expires_at = NULL WHERE token_hash = ?',
      args: [createHash('sha256').update(ADMIN_TOKEN).digest('hex')],
    });
  }
  if ((options.methodPolicy ?? 'enabled') === 'enabled' && !options.dataDir) {
    await runtime.deps.repos.settings.put('policy.qrCodePin', { state: 'enabled' }, clock.now());
  }
  return {
    runtime,
    clock,
    dir,
    request(method, path, requestOptions = {}) {
      const headers: Record<string, string> = { ...requestOptions.headers };
      const token = requestOptions.token === undefined ? ADMIN_TOKEN : requestOptions.token;
      if (token) headers.authorization = `Bearer ${token}`;
      if (requestOptions.cookie) headers.cookie = requestOptions.cookie;
      const origin =
        requestOptions.origin === undefined
          ? requestOptions.cookie
            ? HARNESS_ORIGIN
            : undefined
          : requestOptions.origin;
      if (origin !== null && origin !== undefined) headers.origin ??= origin;
      let body: string | undefined = requestOptions.raw;
      if (requestOptions.body !== undefined) {
        body = JSON.stringify(requestOptions.body);
        headers['content-type'] ??= 'application/json';
      } else if (requestOptions.raw !== undefined) {
        headers['content-type'] ??= 'application/json';
      }
      return Promise.resolve(
        runtime.app.request(
          path,
          { method, headers, body },
          { clientAddress: requestOptions.clientAddress ?? '127.0.0.1' },
        ),
      );
    },
    stop() {
      runtime.close();
    },
    close() {
      runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` pair of the session cookie in a response, for the next request's Cookie header. */
export function sessionCookieFrom(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`));
  return header?.split(';')[0];
}

/** The raw token inside a `name=value` session cookie pair. */
export const tokenOfCookie = (cookie: string): string => cookie.slice(`${SESSION_COOKIE_NAME}=`.length);

export interface ErrorEnvelope {
  error: { code: string; message: string; [detail: string]: unknown };
}

export const readJson = async <T>(response: Response): Promise<T> => (await response.json()) as T;

export const readError = (response: Response): Promise<ErrorEnvelope> => readJson<ErrorEnvelope>(response);

/** Every row of a query as a plain object keyed by column name. */
export async function queryRows(h: Harness, sql: string, args: (string | number)[] = []) {
  const result = await h.runtime.database.client.execute({ sql, args });
  return result.rows.map((row) =>
    Object.fromEntries(result.columns.map((column, i) => [column, row[i]])),
  ) as Record<string, unknown>[];
}

let userCounter = 0;

/** POST /api/admin/users with sensible defaults; fails loudly if the API refuses. */
export async function createUser(h: Harness, overrides: Record<string, unknown> = {}): Promise<UserView> {
  userCounter += 1;
  const res = await h.request('POST', '/api/admin/users', {
    body: {
      userPrincipalName: `worker${userCounter}@example.test`,
      displayName: `Worker ${userCounter}`,
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`createUser: ${res.status} ${await res.text()}`);
  return readJson<UserView>(res);
}

/** PUT /api/admin/users/{id}/qr-code-pin-method; fails loudly if the API refuses. */
export async function issueMethod(
  h: Harness,
  userId: string,
  body: unknown = {},
): Promise<IssuedQrPinMethod> {
  const res = await h.request('PUT', `/api/admin/users/${userId}/qr-code-pin-method`, { body });
  if (res.status !== 201) throw new Error(`issueMethod: ${res.status} ${await res.text()}`);
  return readJson<IssuedQrPinMethod>(res);
}

export interface Worker {
  user: UserView;
  issued: IssuedQrPinMethod;
  qr: string;
  /** The typed fallback printed on the badge, as issued (`ABCDE-FGHJK`). */
  shortCode: string;
  pin: string;
}

/** A worker with a freshly issued badge and PIN. */
export async function createWorker(
  h: Harness,
  overrides: { user?: Record<string, unknown>; method?: unknown } = {},
): Promise<Worker> {
  const user = await createUser(h, overrides.user);
  const issued = await issueMethod(h, user.id, overrides.method ?? {});
  return {
    user,
    issued,
    qr: issued.standardQRCode.image.rawContent,
    shortCode: issued.standardQRCode.shortCode,
    pin: issued.pin.code,
  };
}

/** POST /api/auth/qr-pin/sign-in without an admin token; returns the response and the new session cookie. */
export async function signIn(
  h: Harness,
  qr: string,
  pin: string,
  options: { cookie?: string } = {},
): Promise<{ res: Response; cookie: string | undefined }> {
  const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr, pin },
    token: null,
    cookie: options.cookie,
  });
  return { res, cookie: sessionCookieFrom(res) };
}

/** POST /api/auth/qr-pin/sign-in with a typed short code instead of a scanned badge. */
export async function signInWithShortCode(
  h: Harness,
  shortCode: string,
  pin: string,
  options: { cookie?: string; clientAddress?: string } = {},
): Promise<{ res: Response; cookie: string | undefined }> {
  const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { shortCode, pin },
    token: null,
    cookie: options.cookie,
    clientAddress: options.clientAddress,
  });
  return { res, cookie: sessionCookieFrom(res) };
}

/** GET /api/auth/session with a session cookie and no admin token. */
export const getSession = (h: Harness, cookie: string): Promise<Response> =>
  h.request('GET', '/api/auth/session', { token: null, cookie });

let groupCounter = 0;

/** A group (store) for tests, created through POST /api/admin/groups. */
export async function addGroup(
  h: Harness,
  displayName?: string,
): Promise<{ id: string; displayName: string }> {
  groupCounter += 1;
  const name = displayName ?? `Store ${groupCounter}`;
  const res = await h.request('POST', '/api/admin/groups', { body: { displayName: name } });
  if (res.status !== 201) throw new Error(`addGroup: ${res.status} ${await res.text()}`);
  return readJson<{ id: string; displayName: string }>(res);
}

export const SIGNED_IN_ISSUED_PIN = '60539184';
export const SIGNED_IN_CHOSEN_PIN = '82614075';

/**
 * A user of any role with a badge, signed in on a kiosk and past the first-sign-in PIN change:
 * the session cookie can be used on every route the role allows on a kiosk session (an admin's
 * badge session has a manager's reach; see signedInAdmin). `pin` is the user's current PIN.
 */
export async function signedInUser(
  h: Harness,
  user: Record<string, unknown> = {},
): Promise<Worker & { cookie: string }> {
  const worker = await createWorker(h, { user, method: { pin: { code: SIGNED_IN_ISSUED_PIN } } });
  const { res, cookie } = await signIn(h, worker.qr, worker.pin);
  if (res.status !== 200 || !cookie) throw new Error(`signedInUser: ${res.status} ${await res.text()}`);
  const change = await h.request('POST', '/api/auth/qr-pin/change-pin', {
    body: { currentPin: SIGNED_IN_ISSUED_PIN, newPin: SIGNED_IN_CHOSEN_PIN },
    token: null,
    cookie,
  });
  if (change.status !== 204)
    throw new Error(`signedInUser: change-pin ${change.status} ${await change.text()}`);
  return { ...worker, pin: SIGNED_IN_CHOSEN_PIN, cookie };
}

/**
 * An admin with a console session cookie, minted through the service console sign-in ends with, as
 * freshly re-authenticated (policy changes need that; tests/api/console-sign-in.test.ts covers the
 * sign-in itself and the stale case). A badge + PIN session would not do: it gives an admin only a
 * manager's reach.
 */
export async function signedInAdmin(
  h: Harness,
  user: Record<string, unknown> = {},
): Promise<{ user: UserView; cookie: string }> {
  const admin = await createUser(h, { ...user, role: 'admin' });
  const { token } = await createSession(h.runtime.deps, {
    userId: admin.id,
    kind: 'console',
    authMethod: 'password',
    mustChangePin: false,
    ipAddress: '127.0.0.1',
    userAgent: 'vitest',
    reauthenticatedAt: h.clock.now(),
  });
  return { user: admin, cookie: `__Host-shiftpass_session=${token}` };
}
