/** What `npm start` prints on a first start: one line while it builds, one when built, the setup link set apart. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { failureExcerpt, runBuildStep } from '../../scripts/build-step.js';
import { setupLinkLines } from '../../server/features/setup/start-banner.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDirFor(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shiftpass-build-step-'));
  dirs.push(dir);
  return join(dir, 'data');
}

/** Runs the build step with a fake build that writes `output` and exits with `status`. */
function buildWith(output: string, status: number | null, reason: 'first' | 'changed' = 'first') {
  const dataDir = dataDirFor();
  const printed: string[] = [];
  const errors: string[] = [];
  let clock = 1_000;
  const result = runBuildStep({
    reason,
    dataDir,
    run: (logFd) => {
      writeSync(logFd, output);
      clock += 41_600;
      return status;
    },
    print: (line) => printed.push(line),
    printError: (line) => errors.push(line),
    now: () => clock,
  });
  return { result, printed, errors, dataDir, logPath: join(dataDir, 'build.log') };
}

const WARNINGS = [
  '▲ [WARNING] Cannot find base config file "./.svelte-kit/tsconfig.json" [tsconfig.json]',
  "node_modules/html5-qrcode/esm/code-decoder.js (1:17): The 'this' keyword is equivalent to 'undefined'",
  'Generated an empty chunk: "chunks/internal2.js".',
].join('\n');

describe('a build that succeeds', () => {
  test('prints only "Building…" and "Built in N s", naming the log that holds its warnings', () => {
    const { result, printed, errors, logPath } = buildWith(WARNINGS, 0);
    expect(result).toBe(0);
    expect(printed).toEqual([
      'Building Shiftpass (first start, about a minute)…',
      `Built in 42 s (the build's messages, warnings included, are in ${logPath}).`,
    ]);
    expect(errors).toEqual([]);
    expect(readFileSync(logPath, 'utf8')).toBe(WARNINGS);
  });

  test('a rebuild after a change says so', () => {
    expect(buildWith('', 0, 'changed').printed[0]).toBe(
      'Sources changed: rebuilding Shiftpass (about a minute)…',
    );
  });

  test('creates the data directory for the log, readable by its owner only', () => {
    const { dataDir, logPath } = buildWith('', 0);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(logPath).mode & 0o777).toBe(0o600);
  });
});

describe('a build that fails', () => {
  test('shows its error in the terminal (not the warnings before it) and hands back its status', () => {
    const output = `${WARNINGS}\nerror during build:\nsrc/routes/+page.svelte (3:4): Unexpected token\n    at parse (file.js:1:1)\n`;
    const { result, printed, errors, logPath } = buildWith(output, 2);
    expect(result).toBe(2);
    expect(printed).toEqual(['Building Shiftpass (first start, about a minute)…']);
    expect(errors).toEqual([
      'error during build:',
      'src/routes/+page.svelte (3:4): Unexpected token',
      '    at parse (file.js:1:1)',
      `The build failed (exit code 2); nothing was started. Its whole output is in ${logPath}.`,
    ]);
  });

  test('killed by a signal (no status), it still fails', () => {
    expect(buildWith('out of memory', null).result).toBe(1);
  });

  test('with no line naming an error, its last 60 lines are shown', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);
    const excerpt = failureExcerpt(lines.join('\n'));
    expect(excerpt).toHaveLength(60);
    expect(excerpt[0]).toBe('line 40');
    expect(excerpt.at(-1)).toBe('line 99');
  });
});

test('the setup link stands apart: a blank line around it, indented, with what it is for and how long it works', () => {
  expect(setupLinkLines('http://localhost:3000', 'abc_DEF-123')).toEqual([
    '',
    'No admin yet. Open this one-time link in a browser to create the first admin (it works for 24 h):',
    '',
    '    http://localhost:3000/setup#abc_DEF-123',
    '',
  ]);
});
