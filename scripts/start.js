// `npm start`: builds the app when the build is missing or older than the sources, then serves the
// kiosk PWA and the API from one process (adapter-node's server; /api is forwarded to Hono).
// With TLS_CERT_FILE and TLS_KEY_FILE it serves HTTPS itself, so phones get the camera without a proxy.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';

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
  console.log(builtAt ? 'Sources changed: rebuilding…' : 'First start: building the app (about 15 s)…');
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** @param {string} message @returns {never} */
function configError(message) {
  console.error(`shiftpass: configuration error: ${message}`);
  process.exit(1);
}

// adapter-node reads ORIGIN to build absolute URLs; default it from PUBLIC_ORIGIN.
if (process.env.PUBLIC_ORIGIN && !process.env.ORIGIN) process.env.ORIGIN = process.env.PUBLIC_ORIGIN;

const { TLS_CERT_FILE, TLS_KEY_FILE } = process.env;
if (Boolean(TLS_CERT_FILE) !== Boolean(TLS_KEY_FILE))
  configError('TLS_CERT_FILE and TLS_KEY_FILE must be set together');
if (TLS_CERT_FILE && TLS_KEY_FILE) {
  /** @type {{ cert: Buffer, key: Buffer }} */
  let tls = { cert: Buffer.alloc(0), key: Buffer.alloc(0) };
  try {
    tls = { cert: readFileSync(TLS_CERT_FILE), key: readFileSync(TLS_KEY_FILE) };
  } catch (error) {
    configError(`cannot read the TLS certificate or key: ${/** @type {Error} */ (error).message}`);
  }
  const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  createServer(tls, handler).listen(port, host, () => console.log(`Listening on https://${host}:${port}`));
} else {
  await import(new URL(`../${BUILD_ENTRY}`, import.meta.url).href);
}
