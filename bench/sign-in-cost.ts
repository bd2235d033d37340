/**
 * What one sign-in costs the server: the inputs of the internet-scale model in docs/benchmarks.md
 * (issue 14 target 8). Runs the real runtime in this process on a temporary file database (no HTTP:
 * the HTTP layer's cost is the session-check figures' business) and prints, per successful sign-in and
 * per wrong-PIN sign-in:
 * - CPU time of the whole process (every thread: argon2 runs in libuv's pool) and of one bare argon2id
 *   verification at the server's parameters, so "everything but the hash" is their difference;
 * - the main thread's busy time (event-loop utilisation × wall time), the part no second core can take;
 * - database statements, writes and commits, counted at @libsql/client's interface on the main thread
 *   (a commit is a write statement outside a batch or transaction, a batch or transaction holding a
 *   write) plus what the database writer thread ran (server/db/writer-thread.mjs: the group commit's
 *   shared transactions; it counts the same way and reports on request).
 * Sequential sign-ins, so each figure is one request's own cost, then successful ones 4 at once (the
 * group commit shares commits between them). Prints figures, never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient, type InArgs, type InStatement } from '@libsql/client';
import { startRuntime } from '../server/runtime.js';
import { inProcessApi } from './in-process-api.js';

const ROUNDS = Number(process.env.ROUNDS ?? 200);
const TOKEN = 'bench-admin-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'shiftpass-cost-'));

/**
 * Counts what reaches the driver on the main thread: the methods of @libsql/client's local-file client
 * and transaction classes are wrapped before the runtime opens its database, so every statement is
 * seen whatever wraps the client. A commit is a write statement run on its own, a batch holding a
 * write, or a transaction that wrote and committed. Writes run on the writer thread
 * (server/db/group-commit.ts), which counts them itself: `allCounts` adds its figures.
 */
const counts = { statements: 0, writes: 0, commits: 0 };
const sqlOf = (statement: InStatement) => (typeof statement === 'string' ? statement : statement.sql);
const isWrite = (statement: InStatement) =>
  /^\s*(insert|update|delete|replace|with[\s\S]*\b(insert|update|delete)\b)/i.test(sqlOf(statement));
const isSavepoint = (statement: InStatement) => /^\s*(savepoint|release|rollback)/i.test(sqlOf(statement));
type Method = (this: object, ...args: unknown[]) => Promise<unknown>;
function wrap(proto: Record<string, Method>, name: string, before: (self: object, args: unknown[]) => void) {
  const original = proto[name]!;
  proto[name] = function (this: object, ...args: unknown[]) {
    before(this, args);
    return original.apply(this, args);
  };
}
const probe = createClient({ url: ':memory:' });
const probeTx = await probe.transaction('write');
const clientProto = Object.getPrototypeOf(probe) as Record<string, Method>;
const txProto = Object.getPrototypeOf(probeTx) as Record<string, Method>;
probeTx.close();
probe.close();
const statementOf = (args: unknown[]): InStatement =>
  typeof args[0] === 'string' ? { sql: args[0], args: (args[1] as InArgs) ?? [] } : (args[0] as InStatement);
wrap(clientProto, 'execute', (_, args) => {
  counts.statements += 1;
  if (isWrite(statementOf(args))) {
    counts.writes += 1;
    counts.commits += 1;
  }
});
wrap(clientProto, 'batch', (_, args) => {
  const statements = args[0] as InStatement[];
  counts.statements += statements.length;
  const writes = statements.filter(isWrite).length;
  counts.writes += writes;
  if (writes > 0) counts.commits += 1;
});
const wroteIn = new WeakSet<object>();
wrap(txProto, 'execute', (tx, args) => {
  const statement = statementOf(args);
  if (isSavepoint(statement)) return;
  counts.statements += 1;
  if (isWrite(statement)) {
    counts.writes += 1;
    wroteIn.add(tx);
  }
});
wrap(txProto, 'batch', (tx, args) => {
  const statements = args[0] as InStatement[];
  counts.statements += statements.length;
  const writes = statements.filter(isWrite).length;
  counts.writes += writes;
  if (writes > 0) wroteIn.add(tx);
});
wrap(txProto, 'commit', (tx) => {
  if (wroteIn.has(tx)) counts.commits += 1;
});

const runtime = await startRuntime({ DATA_DIR: dir, BOOTSTRAP_API_TOKEN: TOKEN });
async function allCounts() {
  const writer = await runtime.database.writer?.counts();
  return {
    statements: counts.statements + (writer?.statements ?? 0),
    writes: counts.writes + (writer?.writes ?? 0),
    commits: counts.commits + (writer?.commits ?? 0),
  };
}
/** Each request from its own address, so the per-client budget never shapes a figure. */
const call = inProcessApi(runtime, TOKEN, 7);

async function provision(i: number) {
  const user = (await (
    await call('POST', '/api/admin/users', { userPrincipalName: `cost${i}`, displayName: `Cost ${i}` })
  ).json()) as { id: string };
  const method = (await (await call('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {})).json()) as {
    standardQRCode: { image: { rawContent: string } };
    pin: { code: string };
  };
  return { qr: method.standardQRCode.image.rawContent, pin: method.pin.code };
}

interface Cost {
  cpuMs: number;
  mainThreadMs: number;
  wallMs: number;
  statements: number;
  writes: number;
  commits: number;
}

/**
 * Runs `once` ROUNDS times, `concurrency` at a time, and returns the mean cost of one (with
 * concurrency above 1 the wall time is the total divided by ROUNDS, not one request's latency).
 */
async function measure(once: (i: number) => Promise<void>, concurrency = 1): Promise<Cost> {
  for (let i = 0; i < 10; i += 1) await once(i); // warm-up
  const before = await allCounts();
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ROUNDS) await once(next++);
    }),
  );
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const busy = performance.eventLoopUtilization(elu);
  const after = await allCounts();
  return {
    cpuMs: (used.user + used.system) / 1000 / ROUNDS,
    mainThreadMs: (busy.utilization * wallMs) / ROUNDS,
    wallMs: wallMs / ROUNDS,
    statements: (after.statements - before.statements) / ROUNDS,
    writes: (after.writes - before.writes) / ROUNDS,
    commits: (after.commits - before.commits) / ROUNDS,
  };
}

try {
  await call('PATCH', '/api/admin/policies/qr-code-pin', { state: 'enabled' });
  const workers = await Promise.all(Array.from({ length: 8 }, (_, i) => provision(i)));
  // A wrong PIN on badges of their own, spread so none reaches its lockout (threshold 10).
  const targets = await Promise.all(
    Array.from({ length: Math.ceil((ROUNDS + 10) / 8) }, (_, i) => provision(100 + i)),
  );
  const hasher = runtime.deps.hasher;
  const verifier = await hasher.hash('27051984');

  const argon2 = await measure(async () => {
    await hasher.verify(verifier, '27051984');
  });
  const signIn = async (i: number) => {
    const w = workers[i % workers.length]!;
    const res = await call(
      'POST',
      '/api/auth/qr-pin/sign-in',
      { qr: w.qr, pin: w.pin },
      { 'content-type': 'application/json' },
    );
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  };
  const success = await measure(signIn);
  const successAtFour = await measure(signIn, 4);
  let wrongIndex = 0;
  const wrong = await measure(async () => {
    const t = targets[Math.floor(wrongIndex++ / 8) % targets.length]!;
    const res = await call(
      'POST',
      '/api/auth/qr-pin/sign-in',
      { qr: t.qr, pin: '58203917' },
      {
        'content-type': 'application/json',
      },
    );
    if (res.status !== 401) throw new Error(`wrong PIN answered ${res.status}`);
  });

  const line = (label: string, c: Cost) =>
    console.log(
      `${label}: CPU ${c.cpuMs.toFixed(2)} ms (${(c.cpuMs - argon2.cpuMs).toFixed(2)} ms besides argon2), main thread ${c.mainThreadMs.toFixed(2)} ms, wall ${c.wallMs.toFixed(1)} ms; ${c.statements.toFixed(1)} statements, ${c.writes.toFixed(1)} writes, ${c.commits.toFixed(1)} commits`,
    );
  console.log(
    `sign-in cost, mean of ${ROUNDS} sequential, in process (no HTTP), load before ${process.env.LOAD ?? ''}`,
  );
  console.log(`bare argon2id verify: CPU ${argon2.cpuMs.toFixed(2)} ms, wall ${argon2.wallMs.toFixed(1)} ms`);
  line('successful sign-in', success);
  line('wrong-PIN sign-in', wrong);
  line('successful sign-in, 4 at once (wall = total ÷ sign-ins)', successAtFour);
} finally {
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
}
