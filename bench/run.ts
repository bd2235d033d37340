/**
 * `npm run bench`: prints figures, never asserts. Runs the real runtime on a temporary file database.
 * - argon2id cost per PIN verification
 * - median latency of an unknown badge vs a wrong PIN (they must look the same to an attacker), for
 *   scanned badges and for typed short codes
 * - successful sign-ins per second at concurrency 1 and 4
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRuntime } from '../server/runtime.js';
import { inProcessApi } from './in-process-api.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'shiftpass-bench-'));
const runtime = await startRuntime({ DATA_DIR: dir, BOOTSTRAP_API_TOKEN: TOKEN });
/** Each request from its own address, so the per-client budget never shapes a figure. */
const call = inProcessApi(runtime, TOKEN, 9);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function provision(i: number) {
  const user = (await (
    await call('POST', '/api/admin/users', { userPrincipalName: `bench${i}`, displayName: `Bench ${i}` })
  ).json()) as { id: string };
  const method = (await (await call('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {})).json()) as {
    standardQRCode: { image: { rawContent: string }; shortCode: string };
    pin: { code: string };
  };
  return {
    qr: method.standardQRCode.image.rawContent,
    shortCode: method.standardQRCode.shortCode,
    pin: method.pin.code,
  };
}

type Badge = { qr: string } | { shortCode: string };
type Provisioned = Awaited<ReturnType<typeof provision>>;

/** Times one sign-in; with `expected`, fails unless that error code came back (so the right path is timed). */
async function timeSignIn(
  badge: Badge,
  pin: string,
  expected?: string,
): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const res = await call(
    'POST',
    '/api/auth/qr-pin/sign-in',
    { ...badge, pin },
    { 'content-type': 'application/json' },
  );
  const body = (await res.json()) as { error?: { code: string } };
  const ms = performance.now() - start;
  if (expected && body.error?.code !== expected) {
    throw new Error(`expected ${expected}, got ${res.status} ${body.error?.code ?? 'success'}`);
  }
  return { ms, status: res.status };
}

/**
 * Wrong PINs spread over badges so none reaches its lockout (which answers without checking a PIN);
 * each comparison has badges of its own.
 */
async function compareFailures(
  label: string,
  first: number,
  toBadge: (target: Provisioned) => Badge,
  unknownBadge: Badge,
) {
  const targets = await Promise.all(Array.from({ length: 6 }, (_, i) => provision(first + i)));
  const wrong: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 48; i++) {
    // Interleaved so drift in machine load hits both alike.
    wrong.push((await timeSignIn(toBadge(targets[i % targets.length]!), '58203917', 'PIN_INCORRECT')).ms);
    unknown.push((await timeSignIn(unknownBadge, '58203917', 'QR_CODE_NOT_RECOGNIZED')).ms);
  }
  const ratio = median(unknown) / median(wrong);
  console.log(
    `sign-in failure latency (${label}), median of 48: wrong PIN ${median(wrong).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms, ratio ${ratio.toFixed(2)} (target 0.80–1.20) ${ratio >= 0.8 && ratio <= 1.2 ? 'PASS' : 'MISS'}`,
  );
}

try {
  await call('PATCH', '/api/admin/policies/qr-code-pin', { state: 'enabled' });
  const hasher = runtime.deps.hasher;
  const verifier = await hasher.hash('27051984');
  const hashTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    await hasher.verify(verifier, '27051984');
    hashTimes.push(performance.now() - start);
  }
  console.log(`argon2id verify (m=19 MiB, t=2, p=1): median ${median(hashTimes).toFixed(1)} ms`);

  const someBadge = await provision(99);
  await compareFailures('scanned badge', 100, (target) => ({ qr: target.qr }), {
    qr: someBadge.qr.replace(/:[A-Z2-7]{16}:/, ':AAAAAAAAAAAAAAAA:'),
  });
  // 2^-50 that a random badge has this code; the expected error code would tell.
  await compareFailures('typed short code', 110, (target) => ({ shortCode: target.shortCode }), {
    shortCode: 'ZZZZZ-ZZZZZ',
  });

  const badges = await Promise.all(Array.from({ length: 8 }, (_, i) => provision(i + 1)));
  for (const concurrency of [1, 4]) {
    const total = 80;
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const b = badges[next++ % badges.length]!;
          const { status } = await timeSignIn({ qr: b.qr }, b.pin);
          if (status !== 200) throw new Error(`sign-in failed with ${status}`);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `successful sign-ins, concurrency ${concurrency}: ${(total / seconds).toFixed(0)} per second`,
    );
  }
} finally {
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
}
