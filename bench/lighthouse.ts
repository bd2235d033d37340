/**
 * Lighthouse bench (issue 14 target 6): is the kiosk's scan screen responsive on a cheap phone?
 *
 * Starts Shiftpass as `npm start` does (`node scripts/start.js`) on a temporary DATA_DIR and a free
 * port, from a copy of a source tree in a temporary directory (bench/source-copy.ts: with its build,
 * which start.js reuses unless stale), enables the QR-code + PIN policy through the admin API, then runs Lighthouse (the npm
 * package, its CLI) with its default mobile preset — simulated throttling with a 4× CPU slowdown,
 * a mid-range phone's screen — on Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) with
 * Chromium's fake camera (its own moving test pattern: no badge, so the scanner decodes frame after
 * frame for the whole run, the scan screen's steady state).
 *
 * `/` runs RUNS times (default 3, `--runs N`) and the medians are the figures; `/admin/login` once,
 * for reference (no camera there). `--tree DIR` measures another checkout (say, a copy of an older
 * main) instead of this one; `--reports DIR` keeps Lighthouse's JSON reports there.
 *
 * Prints one figure line per measure on stdout (`<what>: <value> (target <target>) PASS|MISS`), the
 * details (each run, where the main thread's time went, the scripts that took it) on stderr. Exits 1
 * only when the page could not be measured or the scanner never started (a run without the decoder
 * loaded would flatter the figures).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProductServer, startProductServer } from './product-server.js';
import { copySources } from './source-copy.js';

const TBT_TARGET_MS = 300;
const SCORE_TARGET = 90;
const TOKEN = 'bench-lighthouse-admin-token-0123456789';
const root = resolve(fileURLToPath(import.meta.url), '../..');
const argValue = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const RUNS = Number(argValue('--runs') ?? 3);
const sourceTree = resolve(argValue('--tree') ?? root);
const keepReports = argValue('--reports');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
const info = (line: string) => console.error(`lighthouse bench: ${line}`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Audit {
  numericValue?: number;
  displayValue?: string;
  details?: { items?: Record<string, unknown>[] };
}
interface Report {
  categories: { performance: { score: number | null } };
  audits: Record<string, Audit | undefined>;
  runtimeError?: { code: string; message: string };
}

/** One Lighthouse run (its CLI, in a child process) on `url`; the JSON report. */
function lighthouse(url: string, outDir: string): Promise<Report> {
  const out = join(outDir, `report-${Date.now()}.json`);
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance',
        '--quiet',
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (chunk) => (err = (err + chunk).slice(-4000)));
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`lighthouse exited ${code}\n${err}`));
      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      if (keepReports) cpSync(out, join(resolve(keepReports), out.split('/').pop()!));
      if (report.runtimeError) return fail(new Error(`lighthouse: ${report.runtimeError.message}`));
      done(report);
    });
  });
}

const items = (report: Report, audit: string) => report.audits[audit]?.details?.items ?? [];
const ms = (value: unknown) => `${Math.round(Number(value))} ms`;

/** Where the main thread's time went, and which scripts took it (Lighthouse's own breakdowns). */
function describe(report: Report): string {
  const groups = items(report, 'mainthread-work-breakdown')
    .slice(0, 5)
    .map((item) => `${String(item.groupLabel)} ${ms(item.duration)}`)
    .join(', ');
  const scripts = items(report, 'bootup-time')
    .slice(0, 4)
    .map((item) => `${String(item.url).replace(/^https?:\/\/[^/]+/, '')} ${ms(item.scripting)}`)
    .join(', ');
  const longTasks = items(report, 'long-tasks').length;
  return `main thread (simulated ×4): ${groups}; script by file: ${scripts}; long tasks listed: ${longTasks}`;
}

/** Whether a decoder was fetched during the run: a run where the scanner never started proves nothing. */
function scannerLoaded(report: Report): string | null {
  const urls = items(report, 'network-requests').map((item) => String(item.url));
  const decoder = urls.find((url) => /zxing_reader|decode-worker|html5-qrcode/i.test(url));
  return decoder ? decoder.replace(/^https?:\/\/[^/]+/, '') : null;
}

info(`load before ${loadavg()}; tree ${sourceTree}; ${RUNS} runs of /`);
const dir = mkdtempSync(join(tmpdir(), 'shiftpass-bench-lighthouse-'));
const tree = join(dir, 'tree');
copySources(sourceTree, tree, join(root, 'node_modules'));
mkdirSync(join(dir, 'data'));
mkdirSync(join(dir, 'reports'));

let failed = false;
let server: ProductServer | undefined;
try {
  server = await startProductServer({ tree, dataDir: join(dir, 'data'), token: TOKEN });
  const { base } = server;
  const enabled = await fetch(`${base}/api/admin/policies/qr-code-pin`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ state: 'enabled', includeTargets: [{ id: 'all_users' }] }),
  });
  if (!enabled.ok) throw new Error(`enabling the QR-code + PIN policy: ${enabled.status}`);

  const kiosk: Report[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const report = await lighthouse(`${base}/`, join(dir, 'reports'));
    const decoder = scannerLoaded(report);
    info(
      `/ run ${run}: performance ${Math.round((report.categories.performance.score ?? 0) * 100)}, TBT ${ms(report.audits['total-blocking-time']?.numericValue)}, TTI ${ms(report.audits['interactive']?.numericValue)}; decoder fetched: ${decoder ?? 'none'}; load ${loadavg()}`,
    );
    info(`/ run ${run}: ${describe(report)}`);
    if (!decoder) throw new Error('the scanner never loaded a decoder on /: the scan screen did not run');
    kiosk.push(report);
  }
  const login = await lighthouse(`${base}/admin/login`, join(dir, 'reports'));
  info(`/admin/login: ${describe(login)}`);

  const figures = (path: string, reports: Report[]) => {
    const tbt = median(reports.map((r) => r.audits['total-blocking-time']?.numericValue ?? NaN));
    const score = median(reports.map((r) => Math.round((r.categories.performance.score ?? 0) * 100)));
    const tti = median(reports.map((r) => r.audits['interactive']?.numericValue ?? NaN));
    const of = reports.length > 1 ? ` (median of ${reports.length})` : '';
    console.log(
      `Lighthouse mobile ${path} TBT${of}: ${Math.round(tbt)} ms (target < ${TBT_TARGET_MS} ms) ${tbt < TBT_TARGET_MS ? 'PASS' : 'MISS'}`,
    );
    console.log(
      `Lighthouse mobile ${path} performance${of}: ${score} (target ≥ ${SCORE_TARGET}) ${score >= SCORE_TARGET ? 'PASS' : 'MISS'}`,
    );
    console.log(`Lighthouse mobile ${path} time to interactive${of}: ${(tti / 1000).toFixed(1)} s`);
  };
  figures('/', kiosk);
  figures('/admin/login', [login]);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
  info(`load after ${loadavg()}`);
}
process.exit(failed ? 1 : 0);
