// `npm start`: builds the app when the build is missing or older than the sources (quietly, its output
// in the data directory's build.log: scripts/build-step.js), then serves the
// kiosk PWA, the API and the OpenID provider from one process and one Node HTTP server: /oidc and
// /oidc/* go to the provider's Node handler, /api, /api/* and SCIM's /scim/v2… to the API's (both registered by
// src/hooks.server.ts when the runtime boots), everything else to adapter-node's handler (SvelteKit).
// With TLS_CERT_FILE and TLS_KEY_FILE it serves HTTPS itself, so phones get the camera without a proxy.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { runBuildStep } from './build-step.js';
import { prepareExchange } from './http-exchange.js';

const BUILD_ENTRY = 'build/index.js';
const SOURCES = ['src', 'server', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/** @param {string} path @returns {number} */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const builtAt = existsSync(BUILD_ENTRY) ? statSync(BUILD_ENTRY).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
  const status = runBuildStep({
    reason: builtAt ? 'changed' : 'first',
    // Where the server keeps its database and key (server/config.ts): the build's log goes beside them.
    dataDir: process.env.DATA_DIR ?? './data',
    run: (logFd) =>
      spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
        stdio: ['ignore', logFd, logFd],
      }).status,
  });
  if (status !== 0) process.exit(status);
}

/** @param {string} message @returns {never} */
function configError(message) {
  console.error(`shiftpass: configuration error: ${message}`);
  process.exit(1);
}

// adapter-node reads ORIGIN to build absolute URLs; default it from PUBLIC_ORIGIN.
if (process.env.PUBLIC_ORIGIN && !process.env.ORIGIN) process.env.ORIGIN = process.env.PUBLIC_ORIGIN;
// adapter-node cuts every body at BODY_SIZE_LIMIT (512K by default), below the documented 2 MB CSV
// import. The API sets each route's limit itself (server/app.ts: 64 KB, the import 3 MB, answered 413
// PAYLOAD_TOO_LARGE), so the adapter's is the largest of them.
process.env.BODY_SIZE_LIMIT = '3M';

const { TLS_CERT_FILE, TLS_KEY_FILE } = process.env;
if (Boolean(TLS_CERT_FILE) !== Boolean(TLS_KEY_FILE))
  configError('TLS_CERT_FILE and TLS_KEY_FILE must be set together');
/** @type {{ cert: Buffer, key: Buffer } | undefined} */
let tls;
if (TLS_CERT_FILE && TLS_KEY_FILE) {
  try {
    tls = { cert: readFileSync(TLS_CERT_FILE), key: readFileSync(TLS_KEY_FILE) };
  } catch (error) {
    configError(`cannot read the TLS certificate or key: ${/** @type {Error} */ (error).message}`);
  }
}

// Importing the handler boots the runtime (the hooks' init), which registers the provider.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
/**
 * @typedef {import('node:http').RequestListener} Listener
 * @type {{ handles(url: string): boolean, callback: Listener } | undefined}
 */
const oidc = /** @type {any} */ (globalThis)[Symbol.for('shiftpass.oidc')];
if (!oidc) throw new Error('the Shiftpass runtime did not register its OpenID provider');
/**
 * The API's Node handler (server/http/node-api-handler.ts): /api goes to Hono straight, not through
 * SvelteKit's request conversion. Absent when ADDRESS_HEADER is set (src/hooks.server.ts): then
 * SvelteKit forwards /api as before.
 * @type {{ handles(url: string): boolean, callback: Listener } | undefined}
 */
const api = /** @type {any} */ (globalThis)[Symbol.for('shiftpass.api')];
/** Stops the runtime's background jobs and closes the database (registered beside the provider). */
const closeRuntime = /** @type {() => void} */ (
  /** @type {any} */ (globalThis)[Symbol.for('shiftpass.close')]
);
if (typeof closeRuntime !== 'function') throw new Error('the Shiftpass runtime did not register its close');

/** @type {Listener} */
const route = (req, res) => {
  prepareExchange(req, res, { tls: tls !== undefined });
  const url = req.url ?? '/';
  if (oidc.handles(url)) return oidc.callback(req, res);
  return api?.handles(url) ? api.callback(req, res) : handler(req, res);
};
const server = tls ? createHttpsServer(tls, route) : createHttpServer(route);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
// A port already taken (another Shiftpass, another program) or not allowed is said in words, not as
// a stack trace, and the database is closed before exiting.
server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
  console.error(
    error.code === 'EADDRINUSE'
      ? `shiftpass: port ${port} on ${host} is already in use (is Shiftpass already running?). Stop the other program, or start with another PORT, e.g. PORT=3001 npm start.`
      : `shiftpass: not allowed to listen on port ${port} on ${host}. Ports below 1024 need extra rights: use PORT=3000 behind a proxy (README, "Deployment").`,
  );
  closeRuntime();
  process.exit(1);
});
server.listen(port, host, () =>
  console.log(`Listening on ${tls ? 'https' : 'http'}://${host}:${port} (Ctrl+C stops Shiftpass)`),
);

/**
 * SIGTERM/SIGINT: stops taking connections, lets running requests finish (at most SHUTDOWN_TIMEOUT
 * seconds, default 10, then their connections are cut), closes the database, exits 0.
 */
let stopping = false;
/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  const seconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 10);
  console.log(`shiftpass: ${signal}: finishing requests in progress (at most ${seconds} s), then stopping`);
  setTimeout(() => server.closeAllConnections(), seconds * 1000).unref();
  server.close(() => {
    closeRuntime();
    console.log('shiftpass: stopped');
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
