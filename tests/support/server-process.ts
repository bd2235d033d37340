/**
 * The real API server (`npm run start:api`: server/index.ts) as a child process on a temp data
 * directory, for the fault tests: crash it with SIGKILL, stop it with SIGTERM, restart it on the same
 * data, run the operator scripts (`npm run backup`, `npm run restore`) beside it. Node runs tsx as a
 * loader in the one process, so a signal reaches the server itself (the `tsx` binary would fork).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';

export const PROCESS_ADMIN_TOKEN = 'fault-test-admin-token-0123456789';

const READY_LINE = 'Shiftpass API listening on';

/** A free TCP port on loopback (the kernel picks it; released before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  origin: string;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once a line containing `text` has been printed. */
  printed(text: string): Promise<void>;
  exited: Promise<Exit>;
}

export interface DataDir {
  dir: string;
  env: Record<string, string>;
  /** The embedded database file. */
  databasePath: string;
  remove(): void;
}

/**
 * A fresh data directory and the environment every process on it shares: the bootstrap API token,
 * loopback as a trusted proxy (so a test can play many kiosks with X-Forwarded-For).
 */
export async function newDataDir(extraEnv: Record<string, string> = {}): Promise<DataDir> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftpass-fault-'));
  const port = await freePort();
  return {
    dir,
    databasePath: join(dir, 'shiftpass.db'),
    env: {
      DATA_DIR: dir,
      PORT: String(port),
      BOOTSTRAP_API_TOKEN: PROCESS_ADMIN_TOKEN,
      TRUSTED_PROXIES: '127.0.0.1/32',
      ...extraEnv,
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // Only what a server needs from the test's environment, then the data directory's settings.
  const { PATH, HOME, TMPDIR, LANG } = process.env;
  return { PATH, HOME, TMPDIR, LANG, NODE_ENV: 'production', ...env };
}

function watch(child: ChildProcess): Pick<ServerProcess, 'output' | 'printed' | 'exited'> {
  let text = '';
  const waiters: { needle: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      if (text.includes(waiter.needle)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    output: () => text,
    exited,
    printed: (needle) =>
      new Promise<void>((resolve, reject) => {
        if (text.includes(needle)) return resolve();
        waiters.push({ needle, resolve });
        void exited.then((exit) =>
          reject(
            new Error(`server exited (${exit.code ?? exit.signal}) before printing "${needle}":\n${text}`),
          ),
        );
      }),
  };
}

const running = new Set<ChildProcess>();

/** SIGKILLs every server process a test left running (a failed or timed-out test), for afterEach. */
export function killLeftoverServers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Starts `server/index.ts` on the data directory and resolves once it listens. */
export async function startServerProcess(data: DataDir): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: process.cwd(),
    env: childEnv(data.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const watched = watch(child);
  await watched.printed(READY_LINE);
  return { child, origin: `http://127.0.0.1:${data.env.PORT}`, ...watched };
}

/** Runs an npm script (`npm run <name> -- args`) with the data directory's environment. */
export async function runNpmScript(
  data: DataDir,
  name: string,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', ['run', '--silent', name, '--', ...args], {
    cwd: process.cwd(),
    env: childEnv(data.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watched = watch(child);
  const exit = await watched.exited;
  return { code: exit.code, output: watched.output() };
}

/** Opens a database file directly (the server may or may not be running: WAL lets both read). */
export const openFile = (path: string): Client => createClient({ url: `file:${path}` });

export async function rowsOf(client: Client, sql: string, args: (string | number)[] = []) {
  const result = await client.execute({ sql, args });
  return result.rows.map((row) =>
    Object.fromEntries(result.columns.map((column, i) => [column, row[i]])),
  ) as Record<string, unknown>[];
}

/** `PRAGMA integrity_check` and `PRAGMA foreign_key_check` of a database file: ['ok'] when sound. */
export async function consistencyOf(path: string): Promise<string[]> {
  const client = openFile(path);
  try {
    const integrity = (await rowsOf(client, 'PRAGMA integrity_check')).map((r) => String(r.integrity_check));
    const foreignKeys = await rowsOf(client, 'PRAGMA foreign_key_check');
    return [...integrity, ...foreignKeys.map((r) => `foreign key broken in ${String(r.table)}`)];
  } finally {
    client.close();
  }
}

export interface ApiClient {
  request(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string | null; cookie?: string; forwardedFor?: string },
  ): Promise<Response>;
}

/** fetch against a running server process; the admin token unless `token: null`. */
export function apiClient(origin: () => string): ApiClient {
  return {
    request(method, path, options = {}) {
      const headers: Record<string, string> = {};
      const token = options.token === undefined ? PROCESS_ADMIN_TOKEN : options.token;
      if (token) headers.authorization = `Bearer ${token}`;
      if (options.cookie) {
        headers.cookie = options.cookie;
        headers.origin = origin();
      }
      if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${origin()}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    },
  };
}

export interface ProcessWorker {
  id: string;
  qr: string;
  pin: string;
}

/** A worker with a badge and an admin-issued PIN, made through the admin API of a running server. */
export async function createProcessWorker(api: ApiClient, name: string): Promise<ProcessWorker> {
  const created = await api.request('POST', '/api/admin/users', {
    body: { userPrincipalName: `${name}@example.test`, displayName: name },
  });
  if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const issued = await api.request('PUT', `/api/admin/users/${id}/qr-code-pin-method`, { body: {} });
  if (issued.status !== 201) throw new Error(`issue ${name}: ${issued.status} ${await issued.text()}`);
  const method = (await issued.json()) as {
    standardQRCode: { image: { rawContent: string } };
    pin: { code: string };
  };
  return { id, qr: method.standardQRCode.image.rawContent, pin: method.pin.code };
}

/** Switches the QR-code + PIN method on for everyone, as an admin does on a new installation. */
export async function enableQrCodePin(api: ApiClient): Promise<void> {
  const res = await api.request('PATCH', '/api/admin/policies/qr-code-pin', {
    body: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  if (res.status !== 200) throw new Error(`enable method: ${res.status} ${await res.text()}`);
}
