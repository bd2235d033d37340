/**
 * The product server for a bench: Shiftpass started as `npm start` does (`node scripts/start.js`) in
 * `tree` (usually a bench/source-copy.ts copy, whose build start.js reuses unless stale) on a free port
 * and `dataDir`, with `token` as BOOTSTRAP_API_TOKEN (plus `env`). Resolves once `/api/kiosk/config`
 * answers (5 minutes allowed: start.js may build first), failing early with the server's stderr tail if
 * it exits; on failure the server is stopped before the error is thrown. `api()` calls the admin API
 * with the token; `stop()` ends the server (SIGTERM, SIGKILL after 5 s). `seedWorker()` makes the
 * worker the kiosk benches sign in as.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';

/** `env` for a bootstrap admin who can also sign in with a password (the browser benches). */
export const BOOTSTRAP_ADMIN_ENV = {
  BOOTSTRAP_ADMIN_USERNAME: 'admin@bench.example',
  BOOTSTRAP_ADMIN_PASSWORD: 'bench admin password 0123',
};

/** A port nothing listens on right now (on `host`). */
export async function freePort(host = 'localhost'): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, host, done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export interface ProductServer {
  base: string;
  port: number;
  child: ChildProcessByStdio<null, null, Readable>;
  /** Settles with the exit code when the server process ends. */
  exited: Promise<number | null>;
  /** The last 4 000 characters of the server's stderr. */
  stderr: () => string;
  /** An admin API call with the bootstrap token; throws `<method> <path>: <status> <body>` unless 2xx. */
  api: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  stop: () => Promise<void>;
}

export async function startProductServer(options: {
  tree: string;
  dataDir: string;
  token: string;
  env?: Record<string, string>;
  /** Listen on this address only (HOST), e.g. 127.0.0.1; default: start.js's own. */
  host?: string;
  /** Named in the errors (`<name> server exited …`) when a bench starts more than one. */
  name?: string;
}): Promise<ProductServer> {
  const port = await freePort(options.host);
  const base = `http://${options.host ?? 'localhost'}:${port}`;
  const what = options.name ? `${options.name} server` : 'server';
  const child = spawn(process.execPath, ['scripts/start.js'], {
    cwd: options.tree,
    env: {
      ...process.env,
      PORT: String(port),
      ...(options.host ? { HOST: options.host } : {}),
      DATA_DIR: options.dataDir,
      BOOTSTRAP_API_TOKEN: options.token,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk) => (err = (err + chunk).slice(-4000)));
  const exited = new Promise<number | null>((done) => child.on('exit', done));

  const admin = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const server: ProductServer = {
    base,
    port,
    child,
    exited,
    stderr: () => err,
    api: async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${base}${path}`, { method, headers: admin, body: JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };

  try {
    const upBy = Date.now() + 300_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${what} exited ${child.exitCode}\n${err}`);
      const ok = await fetch(`${base}/api/kiosk/config`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > upBy) throw new Error(`${what} not up after 300 s\n${err}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The worker's badge and admin-issued PIN. */
export interface SeededWorker {
  standardQRCode: { image: { rawContent: string } };
  pin: { code: string };
}

/** Turns the QR-code + PIN policy on for all users, adds a worker and issues them a badge and PIN. */
export async function seedWorker(
  server: ProductServer,
  worker: { userPrincipalName: string; displayName: string },
): Promise<SeededWorker> {
  await server.api('PATCH', '/api/admin/policies/qr-code-pin', {
    state: 'enabled',
    includeTargets: [{ id: 'all_users' }],
  });
  const user = await server.api<{ id: string }>('POST', '/api/admin/users', worker);
  return server.api<SeededWorker>('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {});
}
