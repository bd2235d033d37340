/**
 * Crash safety of the real API server process (`npm run start:api`): 200 concurrent requests — badge +
 * PIN sign-ins, wrong PINs and admin writes — then SIGKILL at a random moment, a restart on the same
 * data, and a check that the database is sound and that every write the server acknowledged before it
 * died is still there:
 *
 * - a sign-in answered 200: its session still signs the worker in, its sign-in log row is there;
 * - a wrong PIN answered 401: its sign-in log row is there and the badge's failure count includes it
 *   (a lockout that forgot failures on a crash would give a guesser free attempts);
 * - an admin write answered 201: the person exists and the audit log names the change.
 *
 * Acknowledged means the client read the whole answer before the kill. Each request comes from its own
 * address (X-Forwarded-For through a trusted loopback proxy), which also ties each log row to one
 * request. The kill point is the k-th answer, k drawn from a seeded generator: the seed is printed, and
 * CRASH_TEST_SEED=<seed> replays a run.
 */
import { describe, expect, it } from 'vitest';
import {
  apiClient,
  consistencyOf,
  createProcessWorker,
  enableQrCodePin,
  killLeftoverServers,
  newDataDir,
  openFile,
  rowsOf,
  startServerProcess,
  type ApiClient,
  type ProcessWorker,
  type ServerProcess,
} from '../support/server-process.js';

const KILL_POINTS = 5;
const REQUESTS_PER_ROUND = 200;
/**
 * Each signer signs in once per round, as a worker does (one attempt at a time). An attempt's claim is
 * committed before its PIN is checked, and a crash between the two leaves it counted as a failure —
 * on purpose: a crash must never hand out free guesses. So with one attempt per round, KILL_POINTS
 * kills can leave a signer at most KILL_POINTS (5) unanswered attempts, under the lockout threshold
 * (10). With several attempts per signer in flight, early kills in a row could rightly lock a signer.
 */
const SIGNERS = 60;
const VICTIMS_PER_ROUND = 5;
const WRONG_PINS_PER_VICTIM = 6; // under the default lockout threshold (10): every one is checked
const ADMIN_WRITES_PER_ROUND = REQUESTS_PER_ROUND - SIGNERS - VICTIMS_PER_ROUND * WRONG_PINS_PER_VICTIM;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A different PIN of the same length: the last digit moved on by one. */
const wrongPinFor = (pin: string) => pin.slice(0, -1) + String((Number(pin.at(-1)) + 1) % 10);

type Planned =
  | { kind: 'sign-in'; worker: ProcessWorker; pin: string; address: string }
  | { kind: 'create-user'; userPrincipalName: string };

interface Acknowledged {
  sessions: { userId: string; cookie: string; address: string }[];
  failures: { userId: string; address: string }[];
  createdUsers: { id: string; userPrincipalName: string }[];
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** What one request got: a whole answer, or nothing (cut by the kill: never acknowledged). */
async function send(
  api: ApiClient,
  item: Planned,
): Promise<{ status: number; body: unknown; cookie?: string } | null> {
  try {
    const res =
      item.kind === 'create-user'
        ? await api.request('POST', '/api/admin/users', {
            body: { userPrincipalName: item.userPrincipalName, displayName: 'Crash Test' },
          })
        : await api.request('POST', '/api/auth/qr-pin/sign-in', {
            body: { qr: item.worker.qr, pin: item.pin },
            token: null,
            forwardedFor: item.address,
          });
    const body: unknown = await res.json();
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-shiftpass_session='))
      ?.split(';')[0];
    return { status: res.status, body, cookie };
  } catch {
    return null;
  }
}

/**
 * Sends every planned request at once and SIGKILLs the server when the `killAfter`-th answer has been
 * read. Returns how many answers arrived and any answer that was neither a success nor a wrong PIN.
 */
async function driveAndKill(
  api: ApiClient,
  server: ServerProcess,
  plan: Planned[],
  killAfter: number,
  acknowledged: Acknowledged,
): Promise<{ answered: number; unexpected: string[] }> {
  let answered = 0;
  const unexpected: string[] = [];
  const kill = () => server.child.kill('SIGKILL');
  if (killAfter === 0) setImmediate(kill);
  await Promise.all(
    plan.map(async (item) => {
      const answer = await send(api, item);
      if (!answer) return;
      answered += 1;
      if (answered === killAfter) kill();
      const code = (answer.body as { error?: { code?: string } }).error?.code;
      if (item.kind === 'create-user' && answer.status === 201) {
        const { id } = answer.body as { id: string };
        acknowledged.createdUsers.push({ id, userPrincipalName: item.userPrincipalName });
      } else if (item.kind === 'sign-in' && answer.status === 200 && answer.cookie) {
        acknowledged.sessions.push({ userId: item.worker.id, cookie: answer.cookie, address: item.address });
      } else if (item.kind === 'sign-in' && answer.status === 401 && code === 'PIN_INCORRECT') {
        acknowledged.failures.push({ userId: item.worker.id, address: item.address });
      } else {
        unexpected.push(`${item.kind}: ${answer.status} ${code ?? ''}`);
      }
    }),
  );
  return { answered, unexpected };
}

/** Every acknowledged write so far is present in the restarted server and its database. */
async function expectEveryAcknowledgedWrite(
  api: ApiClient,
  databasePath: string,
  acknowledged: Acknowledged,
): Promise<void> {
  const lostSessions: string[] = [];
  await inBatches(acknowledged.sessions, 25, async (session) => {
    const res = await api.request('GET', '/api/auth/session', { token: null, cookie: session.cookie });
    await res.body?.cancel();
    if (res.status !== 200) lostSessions.push(`${session.address}: ${res.status}`);
  });
  expect(lostSessions, 'sessions answered 200 but gone after the crash').toEqual([]);

  const lostUsers: string[] = [];
  await inBatches(acknowledged.createdUsers, 25, async (user) => {
    const res = await api.request('GET', `/api/admin/users/${user.id}`);
    await res.body?.cancel();
    if (res.status !== 200) lostUsers.push(user.userPrincipalName);
  });
  expect(lostUsers, 'people created (201) but gone after the crash').toEqual([]);

  const db = openFile(databasePath);
  try {
    const logRows = await rowsOf(db, 'SELECT ip_address, result, user_id FROM sign_in_logs');
    const logByAddress = new Map(logRows.map((row) => [String(row.ip_address), row]));
    const missingLogRows = [
      ...acknowledged.sessions.map((s) => ({ ...s, result: 'success' })),
      ...acknowledged.failures.map((f) => ({ ...f, result: 'failure' })),
    ].filter((ack) => {
      const row = logByAddress.get(ack.address);
      return !row || row.result !== ack.result || row.user_id !== ack.userId;
    });
    expect(
      missingLogRows.map((m) => m.address),
      'sign-in log rows lost',
    ).toEqual([]);

    const failuresByUser = new Map<string, number>();
    for (const f of acknowledged.failures)
      failuresByUser.set(f.userId, (failuresByUser.get(f.userId) ?? 0) + 1);
    const countRows = await rowsOf(db, 'SELECT user_id, failed_attempts FROM qr_pin_methods');
    const counted = new Map(countRows.map((row) => [String(row.user_id), Number(row.failed_attempts)]));
    const forgotten = [...failuresByUser].filter(([userId, n]) => (counted.get(userId) ?? 0) < n);
    expect(forgotten, 'wrong PINs answered 401 but missing from the failure count').toEqual([]);

    const auditRows = await rowsOf(db, 'SELECT target_id FROM audit_logs WHERE target_id IS NOT NULL');
    const audited = new Set(auditRows.map((row) => String(row.target_id)));
    const unaudited = acknowledged.createdUsers.filter((u) => !audited.has(u.id));
    expect(
      unaudited.map((u) => u.userPrincipalName),
      'admin writes without their audit entry',
    ).toEqual([]);
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged session, sign-in log row, failure count and audited admin write across ${KILL_POINTS} SIGKILLs at random moments under 200 concurrent requests`, async () => {
    const seed = Number(process.env.CRASH_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`crash-safety seed: ${seed} (replay with CRASH_TEST_SEED=${seed})`);
    const random = seededRandom(seed);
    const data = await newDataDir();
    try {
      let server = await startServerProcess(data);
      const api = apiClient(() => server.origin);
      await enableQrCodePin(api);
      const signers: ProcessWorker[] = [];
      const victims: ProcessWorker[][] = Array.from({ length: KILL_POINTS }, () => []);
      const names = [
        ...Array.from({ length: SIGNERS }, (_, i) => ({ name: `signer${i}`, into: signers })),
        ...victims.flatMap((round, r) =>
          Array.from({ length: VICTIMS_PER_ROUND }, (_, i) => ({ name: `victim${r}-${i}`, into: round })),
        ),
      ];
      await inBatches(names, 8, async ({ name, into }) => {
        into.push(await createProcessWorker(api, name));
      });

      const acknowledged: Acknowledged = { sessions: [], failures: [], createdUsers: [] };
      const report: string[] = [];
      for (let round = 0; round < KILL_POINTS; round++) {
        const address = (i: number) => `10.${round + 1}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
        const wrong = victims[round]!.flatMap((victim) =>
          Array.from({ length: WRONG_PINS_PER_VICTIM }, () => ({ victim })),
        );
        const signIns = SIGNERS; // each signer once
        const plan: Planned[] = shuffle(
          [
            ...Array.from({ length: signIns }, (_, i): Planned => {
              const worker = signers[i % SIGNERS]!;
              return { kind: 'sign-in', worker, pin: worker.pin, address: address(i) };
            }),
            ...wrong.map(({ victim }, i): Planned => ({
              kind: 'sign-in',
              worker: victim,
              pin: wrongPinFor(victim.pin),
              address: address(signIns + i),
            })),
            ...Array.from({ length: ADMIN_WRITES_PER_ROUND }, (_, i): Planned => ({
              kind: 'create-user',
              userPrincipalName: `round${round}-new${i}@example.test`,
            })),
          ],
          random,
        );
        expect(plan).toHaveLength(REQUESTS_PER_ROUND);
        const killAfter = Math.floor(random() * 121); // 0–120 of 200 answers: always mid-load
        const { answered, unexpected } = await driveAndKill(api, server, plan, killAfter, acknowledged);
        expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
        expect(unexpected, 'answers other than 200, 201 or a wrong PIN').toEqual([]);
        report.push(
          `kill ${round + 1}: after answer ${killAfter}, ${answered} answered before the server died`,
        );

        expect(await consistencyOf(data.databasePath)).toEqual(['ok']);
        server = await startServerProcess(data);
        await expectEveryAcknowledgedWrite(api, data.databasePath, acknowledged);
      }
      console.log(
        [
          ...report,
          `acknowledged: ${acknowledged.sessions.length} sessions, ${acknowledged.failures.length} wrong PINs, ` +
            `${acknowledged.createdUsers.length} people created`,
        ].join('\n'),
      );
      expect(acknowledged.sessions.length).toBeGreaterThan(0);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      killLeftoverServers();
      data.remove();
    }
  }, 300_000);
});
