/**
 * A copy of a checkout for a bench's own `node scripts/start.js`: the sources start.js builds and
 * serves from (server/db/migrations are read at run time) and, when there is one, the checkout's
 * build, with every file's and folder's times kept — so start.js, which rebuilds only when a source
 * is newer than the build, serves the checkout's build as it is instead of building again (a build
 * takes 45–100 s on a 2-core machine; `npm run bench` has just made one). node_modules is linked.
 * Edits made in the checkout while the bench runs cannot reach the copy.
 */
import { cpSync, readdirSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const FOLDERS = ['src', 'server', 'static', 'scripts', 'build'];
const FILES = ['svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json'];

/** cpSync's preserveTimestamps keeps files' times; a folder's time is set by what is copied into it. */
function copyFolderTimes(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyFolderTimes(join(from, entry.name), join(to, entry.name));
  }
  const { atime, mtime } = statSync(from);
  utimesSync(to, atime, mtime);
}

/** Copies `checkout` into `tree` (a new folder) as described above; `nodeModules` is linked. */
export function copySources(
  checkout: string,
  tree: string,
  nodeModules = join(checkout, 'node_modules'),
): void {
  for (const entry of [...FOLDERS, ...FILES]) {
    try {
      cpSync(join(checkout, entry), join(tree, entry), { recursive: true, preserveTimestamps: true });
    } catch (error) {
      if (entry !== 'build') throw error; // no build yet: start.js makes one
    }
  }
  for (const entry of FOLDERS) {
    try {
      copyFolderTimes(join(checkout, entry), join(tree, entry));
    } catch {
      // build/ missing
    }
  }
  symlinkSync(nodeModules, join(tree, 'node_modules'), 'dir');
}
