// The build step of `npm start`, quiet: one line while it builds, one when it is done. The build's own
// output (some forty lines of third-party warnings a newcomer cannot act on) goes to a log file in the
// data directory, named in the "Built" line; a failed build shows its errors in the terminal and the
// caller exits with the build's status.
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the last build's output is kept. */
export const BUILD_LOG_FILE = 'build.log';

/** @typedef {'first' | 'changed'} BuildReason */

/** @param {BuildReason} reason */
export function buildingLine(reason) {
  return reason === 'first'
    ? 'Building Shiftpass (first start, about a minute)…'
    : 'Sources changed: rebuilding Shiftpass (about a minute)…';
}

/** @param {number} elapsedMs @param {string} logPath */
export function builtLine(elapsedMs, logPath) {
  const seconds = Math.max(1, Math.round(elapsedMs / 1000));
  return `Built in ${seconds} s (the build's messages, warnings included, are in ${logPath}).`;
}

/** At most this many lines of a failed build's output are shown in the terminal. */
const SHOWN_LINES = 60;

/**
 * The part of a failed build's output that says what went wrong: from its first line naming an error
 * on (vite's "error during build:", esbuild's "✘ [ERROR]", a plugin's "Error:"), or its last lines when
 * none does; at most SHOWN_LINES, the end kept.
 * @param {string} output
 * @returns {string[]}
 */
export function failureExcerpt(output) {
  const lines = output.replace(/\s+$/, '').split('\n');
  const first = lines.findIndex((line) => /\berror\b/i.test(line));
  const from = first === -1 ? Math.max(0, lines.length - SHOWN_LINES) : first;
  return lines.slice(from).slice(-SHOWN_LINES);
}

/** @param {number} status @param {string} logPath */
export function failedLine(status, logPath) {
  return `The build failed (exit code ${status}); nothing was started. Its whole output is in ${logPath}.`;
}

/**
 * @typedef {object} BuildStepOptions
 * @property {BuildReason} reason
 * @property {string} dataDir the data directory (DATA_DIR, default ./data); created when missing
 * @property {(logFd: number) => number | null} run runs the build with stdout and stderr on `logFd`,
 *   returns its exit status
 * @property {(line: string) => void} [print]
 * @property {(line: string) => void} [printError]
 * @property {() => number} [now] milliseconds
 */

/**
 * Runs the build quietly; returns 0 when it succeeded, else the status to exit with.
 * @param {BuildStepOptions} options
 * @returns {number}
 */
export function runBuildStep({
  reason,
  dataDir,
  run,
  print = (line) => console.log(line),
  printError = (line) => console.error(line),
  now = () => Date.now(),
}) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logPath = join(dataDir, BUILD_LOG_FILE);
  print(buildingLine(reason));
  const startedAt = now();
  const logFd = openSync(logPath, 'w', 0o600);
  let status;
  try {
    status = run(logFd);
  } finally {
    closeSync(logFd);
  }
  if (status === 0) {
    print(builtLine(now() - startedAt, logPath));
    return 0;
  }
  const failedWith = status ?? 1;
  for (const line of failureExcerpt(readFileSync(logPath, 'utf8'))) printError(line);
  printError(failedLine(failedWith, logPath));
  return failedWith;
}
