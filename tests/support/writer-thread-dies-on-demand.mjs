// The part of tests/support/writer-thread-that-dies.mjs that dies: loaded before the real writer thread.
import Database from 'libsql';
import { existsSync, rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { path, busyTimeoutMs } = /** @type {{ path: string, busyTimeoutMs: number }} */ (workerData);

/** While this file exists, the next group begins its transaction, writes its first job and the thread exits. */
const marker = `${path}.die-in-next-group`;

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
port.on(
  'message',
  (
    /** @type {{ type: string, jobs?: { kind: string, statement: { sql: string, args: unknown[] } }[] }} */ request,
  ) => {
    if (request.type !== 'group' || !existsSync(marker)) return;
    rmSync(marker);
    const db = new Database(path, { timeout: busyTimeoutMs });
    db.exec('BEGIN IMMEDIATE');
    const first = request.jobs?.[0];
    if (first?.kind === 'execute') db.prepare(first.statement.sql).run(first.statement.args);
    process.exit(1);
  },
);
