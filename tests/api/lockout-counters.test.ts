/**
 * The one lockout counter implementation, driven directly on a fresh database for both tables that
 * use it: a PIN method's counters (the row always exists) and a console account's (the first failure
 * creates the row). Every condition that makes the counters race-safe is exercised here, including
 * parallel claims and parallel locks.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LockoutCounterStatements } from '../../server/features/lockout/lockout-counters-repository.js';
import { createWorker, queryRows, startHarness, type Harness } from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const LIMITS = { threshold: 3, hardLimit: 5 };
const at = (seconds: number) => new Date(Date.UTC(2026, 5, 1, 8, 0, seconds));
const NOW = at(0);

interface CounterTable {
  name: string;
  counters: () => LockoutCounterStatements;
  /** A subject with nothing counted yet. */
  newKey: () => Promise<string>;
  /** What `read` gives for a subject with nothing counted. */
  nothingCounted: unknown;
}

let accounts = 0;
const TABLES: CounterTable[] = [
  {
    name: 'a PIN method (qr_pin_methods)',
    counters: () => h.runtime.deps.repos.methods.lockoutCounters,
    newKey: async () => {
      const worker = await createWorker(h);
      const [row] = await queryRows(h, 'select id from qr_pin_methods where user_id = ?', [worker.user.id]);
      return String(row?.id);
    },
    nothingCounted: { failedAttempts: 0, consecutiveFailures: 0, lockoutCount: 0, lockedUntil: null },
  },
  {
    name: 'a console account (console_lockouts)',
    counters: () => h.runtime.deps.repos.consoleAuth.lockoutCounters,
    newKey: async () => `account-key-${(accounts += 1)}`,
    nothingCounted: undefined,
  },
];

/** Claims one at a time until refused; the failure counts of the claims that got through. */
async function claimUntilRefused(counters: LockoutCounterStatements, key: string, now: Date) {
  const counted: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const claim = await counters.claim(key, now, LIMITS);
    if (!claim) break;
    counted.push(claim.failedAttempts);
  }
  return counted;
}

describe.each(TABLES)('the lockout counters of $name', (table) => {
  test('claims count one failure each and stop at the threshold', async () => {
    const counters = table.counters();
    const key = await table.newKey();
    expect(await counters.read(key)).toEqual(table.nothingCounted);

    expect(await counters.claim(key, NOW, LIMITS)).toEqual({
      failedAttempts: 1,
      consecutiveFailures: 1,
      lockoutCount: 0,
    });
    expect(await claimUntilRefused(counters, key, NOW)).toEqual([2, 3]);
    expect(await counters.read(key)).toMatchObject({ failedAttempts: 3, consecutiveFailures: 3 });
  });

  test('many claims at once never count more than the threshold', async () => {
    const counters = table.counters();
    const key = await table.newKey();

    const claims = await Promise.all(Array.from({ length: 40 }, () => counters.claim(key, NOW, LIMITS)));

    const granted = claims.filter((claim) => claim !== undefined);
    expect(granted.map((claim) => claim.failedAttempts).sort()).toEqual([1, 2, 3]);
    expect(await counters.read(key)).toMatchObject({ failedAttempts: 3, consecutiveFailures: 3 });
  });

  test('a running lock refuses claims, and once it has run out they count again', async () => {
    const counters = table.counters();
    const key = await table.newKey();
    await claimUntilRefused(counters, key, NOW);
    expect(await counters.lockIfDue(key, NOW, { threshold: 3, lockoutCount: 0, until: at(60) })).toBe(true);
    expect(await counters.read(key)).toEqual({
      failedAttempts: 0,
      consecutiveFailures: 3,
      lockoutCount: 1,
      lockedUntil: at(60),
    });

    expect(await counters.claim(key, at(59), LIMITS)).toBeUndefined();
    expect(await counters.claim(key, at(60), LIMITS)).toEqual({
      failedAttempts: 1,
      consecutiveFailures: 4,
      lockoutCount: 1,
    });
  });

  test('claims stop at the hard limit of consecutive failures even below the threshold', async () => {
    const counters = table.counters();
    const key = await table.newKey();
    await claimUntilRefused(counters, key, NOW);
    await counters.lockIfDue(key, NOW, { threshold: 3, lockoutCount: 0, until: at(60) });

    expect(await claimUntilRefused(counters, key, at(60))).toEqual([1, 2]);
    expect(await counters.read(key)).toMatchObject({ failedAttempts: 2, consecutiveFailures: 5 });
  });

  test('racing lockIfDue calls write one lock between them', async () => {
    const counters = table.counters();
    const key = await table.newKey();
    await claimUntilRefused(counters, key, NOW);

    const locked = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        counters.lockIfDue(key, NOW, { threshold: 3, lockoutCount: 0, until: at(60 + i) }),
      ),
    );

    expect(locked.filter(Boolean)).toHaveLength(1);
    const after = await counters.read(key);
    expect(after).toMatchObject({ failedAttempts: 0, lockoutCount: 1 });
    expect(after?.lockedUntil).toEqual(at(60 + locked.indexOf(true)));
  });

  test('lockIfDue writes nothing below the threshold, after the lockout count moved on, or while a lock runs', async () => {
    const counters = table.counters();
    const key = await table.newKey();
    await counters.claim(key, NOW, LIMITS);
    expect(await counters.lockIfDue(key, NOW, { threshold: 3, lockoutCount: 0, until: at(60) })).toBe(false);

    await claimUntilRefused(counters, key, NOW);
    expect(await counters.lockIfDue(key, NOW, { threshold: 3, lockoutCount: 7, until: at(60) })).toBe(false);
    expect(await counters.lockIfDue(key, NOW, { threshold: 3, lockoutCount: 0, until: at(60) })).toBe(true);
    // Failures back at the threshold while the lock still runs (an admin lowered the threshold).
    expect(await counters.lockIfDue(key, at(30), { threshold: 0, lockoutCount: 1, until: at(999) })).toBe(
      false,
    );
    expect(await counters.read(key)).toMatchObject({ lockoutCount: 1, lockedUntil: at(60) });
  });

  test('a refund gives one claimed attempt back and never goes below zero', async () => {
    const counters = table.counters();
    const key = await table.newKey();
    await counters.claim(key, NOW, LIMITS);
    await counters.claim(key, NOW, LIMITS);

    await counters.refund(key);
    expect(await counters.read(key)).toMatchObject({ failedAttempts: 1, consecutiveFailures: 1 });
    await counters.refund(key);
    await counters.refund(key);
    expect(await counters.read(key)).toMatchObject({ failedAttempts: 0, consecutiveFailures: 0 });
  });

  test('a reset forgets every failure and the running lock', async () => {
    const counters = table.counters();
    const key = await table.newKey();
    await claimUntilRefused(counters, key, NOW);
    await counters.lockIfDue(key, NOW, { threshold: 3, lockoutCount: 0, until: at(60) });

    await counters.reset(key);

    expect(await counters.read(key)).toEqual(table.nothingCounted);
    expect(await counters.claim(key, NOW, LIMITS)).toEqual({
      failedAttempts: 1,
      consecutiveFailures: 1,
      lockoutCount: 0,
    });
  });
});

test('a PIN method that does not exist is not counted: its row is never created by a claim', async () => {
  const counters = h.runtime.deps.repos.methods.lockoutCounters;
  expect(await counters.claim('no-such-method', NOW, LIMITS)).toBeUndefined();
  expect(await counters.read('no-such-method')).toBeUndefined();
});

test("a console account's first claim creates its row, and a reset deletes it", async () => {
  const counters = h.runtime.deps.repos.consoleAuth.lockoutCounters;
  await counters.claim('first-failure', NOW, LIMITS);
  expect(
    await queryRows(h, 'select * from console_lockouts where account_key = ?', ['first-failure']),
  ).toHaveLength(1);

  await counters.reset('first-failure');
  expect(
    await queryRows(h, 'select * from console_lockouts where account_key = ?', ['first-failure']),
  ).toHaveLength(0);
});
