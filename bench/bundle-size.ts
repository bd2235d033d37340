/**
 * Kiosk route `/`: the JavaScript it loads up front (gzip) and what it loads later, from the last
 * `vite build` (`--build`, as `npm run bench` passes, builds first). Up front = Kit's start and app entries plus the route's
 * layout and page nodes with all their static imports (what Kit's HTML modulepreloads). Fails when a
 * decoder (html5-qrcode, zxing-wasm) is in the up-front set: they must load lazily.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
}

const root = resolve(fileURLToPath(import.meta.url), '../..');
const output = resolve(root, '.svelte-kit/output');
const manifestPath = resolve(output, 'client/.vite/manifest.json');
if (process.argv.includes('--build')) {
  // A fresh production build, its chatter kept unless it fails.
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) {
    console.error(`bundle-size: vite build failed\n${built.stdout}\n${built.stderr}`);
    process.exit(1);
  }
}
const serverManifestPath = resolve(output, 'server/manifest.js');
if (!existsSync(manifestPath) || !existsSync(serverManifestPath)) {
  console.error('bundle-size: no client build found (.svelte-kit/output). Run `npx vite build` first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;

// Which nodes Kit loads for "/": the route's layouts and its page (leaf), from the server manifest.
const routeMatch = /id: "\/",[\s\S]*?page: \{ layouts: \[([\d,\s]*)\],[\s\S]*?leaf: (\d+) \}/.exec(
  readFileSync(serverManifestPath, 'utf8'),
);
if (!routeMatch) {
  console.error('bundle-size: route "/" not found in .svelte-kit/output/server/manifest.js');
  process.exit(1);
}
const nodes = [...routeMatch[1]!.split(',').filter((n) => n.trim()), routeMatch[2]!].map(Number);
// Kit's client entry is keyed by its real path: `node_modules/@sveltejs/kit/…` in a checkout, a path
// outside the root (`../../…/node_modules/@sveltejs/kit/…`) when node_modules is a symlink (the
// benches' copies of the tree). Missing it left Kit's whole client out of the total.
const KIT_ENTRY = 'node_modules/@sveltejs/kit/src/runtime/client/entry.js';
const kitEntry = Object.keys(manifest).find((key) => key === KIT_ENTRY || key.endsWith(`/${KIT_ENTRY}`));
if (!kitEntry) {
  console.error(`bundle-size: Kit's client entry (${KIT_ENTRY}) is not in the build manifest`);
  process.exit(1);
}
const roots = [
  kitEntry,
  '.svelte-kit/generated/client-optimized/app.js',
  ...nodes.map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`),
];
const missingRoot = roots.find((key) => !(key in manifest));
if (missingRoot) {
  console.error(`bundle-size: ${missingRoot} is not in the build manifest`);
  process.exit(1);
}

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

const initial = closure(roots);
// Lazily loaded from the route's own code (not other routes' nodes, which app.js also lists).
const lazyRoots = [...initial]
  .flatMap((key) => manifest[key]!.dynamicImports ?? [])
  .filter((key) => !key.startsWith('.svelte-kit/generated/') && !initial.has(key));
const clientDir = resolve(output, 'client');
const sizes = (file: string) => {
  const body = readFileSync(resolve(clientDir, file));
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const initialFiles = [...new Set([...initial].map((key) => manifest[key]!.file))];
const initialTotal = initialFiles
  .map(sizes)
  .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
console.log(
  `\nKiosk route "/" — JavaScript loaded up front (${initialFiles.length} files, nodes ${nodes.join(', ')})`,
);
console.log(`  ${kb(initialTotal.gzip)} gzip (${kb(initialTotal.raw)} raw)`);

console.log('Loaded later, on demand:');
const DECODER = /html5-qrcode|zxing-wasm|src\/lib\/scanner\/wasm-decoder/;
const decoderFiles = new Set<string>();
for (const key of [...new Set(lazyRoots)]) {
  const files = [...closure([key])].filter((k) => !initial.has(k)).map((k) => manifest[k]!.file);
  const assets = [...closure([key])].flatMap((k) => manifest[k]!.assets ?? []);
  const js = files
    .map(sizes)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const label = key.includes('wasm-decoder')
    ? 'zxing-wasm (via src/lib/scanner/wasm-decoder.ts)'
    : key.replace(/^.*node_modules\//, '').replace(/\/(esm|build|dist)\/.*$/, '');
  console.log(`  ${label}: JS ${kb(js.gzip)} gzip (${kb(js.raw)} raw)`);
  for (const asset of assets) {
    const size = sizes(asset);
    console.log(`    + ${asset.split('/').pop()}: ${kb(size.gzip)} gzip (${kb(size.raw)} raw)`);
  }
  if (DECODER.test(key)) files.forEach((file) => decoderFiles.add(file));
}

// The decoders must not be up front: neither their chunks nor their code inside a shared chunk.
const MARKERS = ['qr-shaded-region' /* html5-qrcode */, 'zxing_reader' /* zxing-wasm */];
const offending = initialFiles.filter(
  (file) =>
    decoderFiles.has(file) ||
    MARKERS.some((marker) => readFileSync(resolve(clientDir, file), 'utf8').includes(marker)),
);
console.log(
  `decoders loaded lazily (not in the up-front set): ${offending.length === 0 ? 'yes' : `no (${offending.join(', ')})`}`,
);
if (offending.length > 0 || decoderFiles.size === 0) {
  if (decoderFiles.size === 0)
    console.error('bundle-size: no lazily loaded decoder chunk found in the build.');
  process.exit(1);
}
