// `npm start`: builds the app when the build is missing or older than the sources, then serves the
// kiosk PWA and the API from one process (adapter-node's server; /api is forwarded to Hono).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_ENTRY = 'build/index.js';
const SOURCES = ['src', 'server', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

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
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// adapter-node reads ORIGIN to build absolute URLs; default it from PUBLIC_ORIGIN.
if (process.env.PUBLIC_ORIGIN && !process.env.ORIGIN) process.env.ORIGIN = process.env.PUBLIC_ORIGIN;
await import(new URL(`../${BUILD_ENTRY}`, import.meta.url).href);
