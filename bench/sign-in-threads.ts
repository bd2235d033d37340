/**
 * Where a successful sign-in's CPU goes, thread by thread, through `npm start`'s whole stack
 * (issue 14 target 1; docs/benchmarks.md, "Session 8"). Starts the production server on a fresh
 * DATA_DIR, issues 24 workers a badge, then signs them in round-robin over 4 autocannon connections
 * for SECONDS (default 10) and prints, per successful sign-in, the CPU time of the server's main
 * thread, of each of its other threads (the four argon2 threads of libuv's pool, the database
 * writer, V8's helpers), of the whole process and of the load generator (this process), read from
 * /proc (Linux only). On a shared machine a rate is noise; CPU per request is the figure to compare.
 *
 * Usage: npx tsx bench/sign-in-threads.ts [SECONDS]
 * A profile of the same load: start the server with `node --cpu-prof scripts/start.js` instead.
 */
import autocannon from 'autocannon';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedWorker, startProductServer } from './product-server.js';

const SECONDS = Number(process.argv[2] ?? 10);
const TOKEN = 'bench-admin-token-0123456789abcdef';
const ROOT = new URL('..', import.meta.url).pathname;
const TICK_MS = 10; // /proc reports CPU in clock ticks of 10 ms (USER_HZ = 100)

/** CPU milliseconds of each thread of `pid`, by thread id. */
function threadCpu(pid: number): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    cpu.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS); // utime + stime
  }
  return cpu;
}

const dataDir = mkdtempSync(join(tmpdir(), 'shiftpass-threads-'));
const server = await startProductServer({ tree: ROOT, dataDir, token: TOKEN, host: '127.0.0.1' });
try {
  const workers: { qr: string; pin: string }[] = [];
  for (let i = 0; i < 24; i++) {
    const method = await seedWorker(server, {
      userPrincipalName: `threads-${i}`,
      displayName: `Worker ${i}`,
    });
    workers.push({ qr: method.standardQRCode.image.rawContent, pin: method.pin.code });
  }
  let next = 0;
  const signIns = (extra: Partial<autocannon.Options>) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        {
          url: server.base,
          connections: 4,
          requests: [
            {
              method: 'POST',
              path: '/api/auth/qr-pin/sign-in',
              headers: { 'content-type': 'application/json' },
              setupRequest: (req) => {
                const worker = workers[next++ % workers.length]!;
                return { ...req, body: JSON.stringify(worker) };
              },
            },
          ],
          ...extra,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
  await signIns({ amount: 48 }); // warm-up: JIT, pages, argon2's memory

  const pid = server.child.pid!;
  const before = threadCpu(pid);
  const ownBefore = process.cpuUsage();
  const result = await signIns({ duration: SECONDS });
  const after = threadCpu(pid);
  const own = process.cpuUsage(ownBefore);
  const ok = result['2xx'];
  if (result.non2xx > 0 || ok === 0) throw new Error(`${result.non2xx} sign-ins refused, ${ok} answered`);

  const perSignIn = (tid: string) => (after.get(tid)! - (before.get(tid) ?? 0)) / ok;
  const others = [...after.keys()]
    .filter((tid) => tid !== String(pid))
    .map(perSignIn)
    .filter((ms) => ms > 0)
    .sort((a, b) => b - a);
  const total = [...after.keys()].reduce((sum, tid) => sum + perSignIn(tid), 0);
  console.log(
    `sign-ins: ${ok} in ${result.duration} s (${(ok / result.duration).toFixed(1)}/s), p50 ${result.latency.p50} ms`,
  );
  console.log(`CPU ms per sign-in — main thread ${perSignIn(String(pid)).toFixed(2)}`);
  console.log(`  other threads ${others.map((ms) => ms.toFixed(2)).join(', ')}`);
  console.log(
    `  whole server ${total.toFixed(2)}; load generator ${((own.user + own.system) / 1000 / ok).toFixed(2)}`,
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
