/**
 * `npm start`'s build step as people run it: scripts/start.js in a copy of the tree whose build fails
 * at once (a vite.config.ts that throws), so the failure path runs for real without a full build. The
 * successful path's lines are tested in tests/unit/start-output.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'shiftpass-npm-start-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a failing build shows its error in the terminal, keeps the whole output in the data directory and exits non-zero', () => {
  for (const entry of ['scripts', 'package.json', 'svelte.config.js'])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'vite.config.ts'),
    "throw new Error('vite.config.ts is broken on purpose for this test');\n",
  );
  const dataDir = join(dir, 'data');
  const started = spawnSync(process.execPath, ['scripts/start.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(started.status, started.stderr).not.toBe(0);
  expect(started.status).not.toBeNull();
  expect(started.stdout).toBe('Building Shiftpass (first start, about a minute)…\n');
  expect(started.stderr).toContain('vite.config.ts is broken on purpose for this test');
  const logPath = join(dataDir, 'build.log');
  expect(started.stderr.trimEnd().split('\n').at(-1)).toBe(
    `The build failed (exit code ${started.status}); nothing was started. Its whole output is in ${logPath}.`,
  );
  expect(readFileSync(logPath, 'utf8')).toContain('vite.config.ts is broken on purpose for this test');
  expect(existsSync(join(dir, 'build'))).toBe(false);
}, 90_000);
