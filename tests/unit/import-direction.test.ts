/**
 * The server's layout (docs/architecture.md) as a test, so it cannot erode: every import in server/
 * and src/ runs one way, features depend on each other without cycles, and the kiosk and console never
 * bundle server code other than the HTTP contract. Imports are read with TypeScript's own pre-processor
 * (static, dynamic, `import type` and re-exports alike).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

type Layer =
  | 'domain'
  | 'contracts'
  | 'config'
  | 'platform'
  | 'db'
  | 'repository'
  | 'core'
  | 'service'
  | 'http'
  | 'middleware'
  | 'routes'
  | 'wiring';

/** What each layer may import from the server besides itself (see docs/architecture.md). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  domain: ['domain'],
  contracts: ['contracts', 'domain'],
  config: ['config', 'domain'],
  platform: ['platform', 'domain', 'contracts', 'config'],
  db: ['db', 'domain'],
  repository: ['repository', 'db', 'domain', 'contracts'],
  core: ['core', 'repository', 'db', 'domain', 'contracts', 'platform'],
  service: ['service', 'core', 'repository', 'domain', 'contracts', 'platform', 'config'],
  http: ['http', 'service', 'core', 'domain', 'contracts', 'platform'],
  middleware: ['middleware', 'http', 'service', 'core', 'domain', 'contracts', 'platform'],
  routes: ['middleware', 'http', 'service', 'core', 'domain', 'contracts'],
  wiring: [
    'wiring',
    'routes',
    'middleware',
    'http',
    'service',
    'core',
    'repository',
    'db',
    'domain',
    'contracts',
    'platform',
    'config',
  ],
};

/** Packages only some layers may use: HTTP belongs to routes and middleware, SQL to the data layer. */
const PACKAGE_RULES: { pattern: RegExp; allowed: readonly Layer[] }[] = [
  { pattern: /^hono(\/|$)|^@hono\//, allowed: ['http', 'middleware', 'routes', 'wiring'] },
  { pattern: /^drizzle-orm(\/|$)|^@libsql\/|^libsql(\/|$)/, allowed: ['db', 'repository', 'wiring'] },
  { pattern: /^node:/, allowed: ['config', 'platform', 'db', 'wiring', 'http', 'core', 'service'] },
];

function layerOf(path: string): Layer | null {
  if (!path.startsWith('server/') || !path.endsWith('.ts')) return null;
  const rest = path.slice('server/'.length);
  if (['app.ts', 'runtime.ts', 'index.ts'].includes(rest)) return 'wiring';
  if (rest === 'config.ts') return 'config';
  const [top] = rest.split('/');
  if (top === 'domain' || top === 'contracts' || top === 'platform' || top === 'db' || top === 'core') {
    return top;
  }
  if (rest.startsWith('http/middleware/')) return 'middleware';
  if (top === 'http') return 'http';
  if (top === 'features') {
    const file = rest.split('/').at(-1)!;
    if (file.endsWith('-repository.ts')) return 'repository';
    if (file === 'routes.ts' || file.endsWith('-routes.ts')) return 'routes';
    return 'service';
  }
  return null;
}

const featureOf = (path: string): string | null => /^server\/features\/([^/]+)\//.exec(path)?.[1] ?? null;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'migrations') out.push(...sourceFiles(path));
    } else if (/\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface ImportEdge {
  from: string;
  /** A repository path (`server/…/x.ts`) or a package name. */
  to: string;
  isPackage: boolean;
}

/** Every import of a file, resolved to a repository path (relative and `$server/` specifiers). */
function importsOf(path: string, text = readFileSync(join(ROOT, path), 'utf8')): ImportEdge[] {
  const code = path.endsWith('.svelte')
    ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
    : text;
  return ts.preProcessFile(code, true, true).importedFiles.map(({ fileName }) => {
    let target: string | null = null;
    if (fileName.startsWith('$server/')) target = `server/${fileName.slice('$server/'.length)}`;
    else if (fileName.startsWith('.')) target = relative(ROOT, resolve(join(ROOT, dirname(path)), fileName));
    if (target === null) return { from: path, to: fileName, isPackage: !fileName.startsWith('$') };
    return { from: path, to: target.replace(/\.js$/, '').replace(/(\.ts)?$/, '.ts'), isPackage: false };
  });
}

/** The one PWA module that may name server code: the type of the route chain, for Hono's typed client. */
const TYPED_CLIENT = 'src/lib/api/typed-client.ts';

/** The broken rules among these edges, as readable lines. */
function violationsOf(edges: ImportEdge[], leafContracts: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const { from, to, isPackage } of edges) {
    // src/hooks.server.ts is wiring: it serves the API inside the SvelteKit server (docs/architecture.md).
    if (from === 'src/hooks.server.ts') continue;
    if (from.startsWith('src/')) {
      // The typed API client reads the route chain's type (`import type`, erased at build).
      if (from === TYPED_CLIENT && to === 'server/app.ts') continue;
      if (!isPackage && to.startsWith('server/') && !to.startsWith('server/contracts/')) {
        problems.push(`${from} imports ${to}: the PWA may import only server/contracts/`);
      }
      continue;
    }
    const layer = layerOf(from);
    if (!layer) continue;
    if (isPackage) {
      const rule = PACKAGE_RULES.find((r) => r.pattern.test(to));
      if (rule && !rule.allowed.includes(layer)) problems.push(`${from} (${layer}) imports package ${to}`);
      continue;
    }
    const target = layerOf(to);
    if (!target) continue;
    // The contract's leaf modules (plain constants and the error catalogue, importing nothing of the
    // server) are vocabulary every layer may use; the schemas are not.
    if (layer === 'domain' && target === 'contracts' && leafContracts.has(to)) continue;
    if (!MAY_IMPORT[layer].includes(target)) {
      problems.push(`${from} (${layer}) imports ${to} (${target})`);
    }
  }
  return problems;
}

/** Cycles in the graph of which feature uses which (a repository's row types do not count). */
function featureCycles(edges: ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to, isPackage } of edges) {
    const a = featureOf(from);
    const b = isPackage ? null : featureOf(to);
    if (!a || !b || a === b || layerOf(to) === 'repository') continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  const cycles = new Map<string, string[]>();
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at < 0) {
        visit(next, [...path, next]);
        continue;
      }
      const cycle = path.slice(at);
      // One entry per cycle, however it was entered: start it at its alphabetically first feature.
      const first = cycle.indexOf([...cycle].sort()[0]!);
      const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
      cycles.set(rotated.join(' → '), [...rotated, rotated[0]!]);
    }
  };
  for (const start of graph.keys()) visit(start, [start]);
  return [...cycles.values()];
}

const serverFiles = sourceFiles('server');
const allEdges = [...serverFiles, ...sourceFiles('src')].flatMap((path) => importsOf(path));
const leafContracts = new Set(
  serverFiles.filter(
    (path) =>
      path.startsWith('server/contracts/') && importsOf(path).every((edge) => edge.isPackage === true),
  ),
);

describe('the server layout', () => {
  test('every server file belongs to a layer', () => {
    expect(serverFiles.filter((path) => layerOf(path) === null)).toEqual([]);
  });

  test('imports run one way: routes → middleware → services → repositories → database, all on domain', () => {
    expect(violationsOf(allEdges, leafContracts)).toEqual([]);
  });

  test('features use each other without cycles', () => {
    expect(featureCycles(allEdges)).toEqual([]);
  });

  test('the typed API client takes only the type of the route chain from the server, never its code', () => {
    const text = readFileSync(join(ROOT, TYPED_CLIENT), 'utf8');
    const fromApp = text.split('\n').filter((line) => /from '\$server\/app'/.test(line));
    expect(fromApp).toEqual([`import type { ShiftpassApi } from '$server/app';`]);
  });

  test('the kiosk and console import nothing of the server but its HTTP contract', () => {
    const fromSrc = allEdges.filter((edge) => edge.from.startsWith('src/'));
    expect(fromSrc.length).toBeGreaterThan(0);
    expect(violationsOf(fromSrc, leafContracts)).toEqual([]);
  });
});

describe('the checker itself', () => {
  const edge = (from: string, to: string, isPackage = false): ImportEdge => ({ from, to, isPackage });

  test('refuses a pure rule that reaches for infrastructure', () => {
    expect(violationsOf([edge('server/domain/lockout.ts', 'server/platform/crypto.ts')], new Set())).toEqual([
      'server/domain/lockout.ts (domain) imports server/platform/crypto.ts (platform)',
    ]);
  });

  test('refuses a service that imports its routes, and a repository that imports a service', () => {
    expect(
      violationsOf(
        [
          edge('server/features/sign-in/sign-in.ts', 'server/features/sign-in/routes.ts'),
          edge('server/features/people/users-repository.ts', 'server/features/people/user-directory.ts'),
        ],
        new Set(),
      ),
    ).toHaveLength(2);
  });

  test('refuses HTTP in a service and SQL in a route', () => {
    expect(
      violationsOf(
        [
          edge('server/features/sign-in/sign-in.ts', 'hono', true),
          edge('server/features/sign-in/routes.ts', 'drizzle-orm', true),
        ],
        new Set(),
      ),
    ).toHaveLength(2);
  });

  test('refuses server code other than the contract in the PWA', () => {
    expect(
      violationsOf([edge('src/lib/kiosk/kiosk-flow.svelte.ts', 'server/domain/pin-rules.ts')], new Set()),
    ).toHaveLength(1);
  });

  test('finds a cycle between two features', () => {
    expect(
      featureCycles([
        edge('server/features/a/x.ts', 'server/features/b/y.ts'),
        edge('server/features/b/y.ts', 'server/features/a/z.ts'),
      ]),
    ).toContainEqual(['a', 'b', 'a']);
  });
});
