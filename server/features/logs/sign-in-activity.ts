/**
 * The dashboard's summary: sign-ins per hour (success/failure) over the last N hours, failure codes
 * by count, and how many QR-code + PIN methods are locked now. Managers: their workers only.
 */
import type { z } from 'zod';
import type { SignInActivityView, signInActivityQuery } from '../../contracts/reports.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { listScopeOf } from '../../core/actor-scope.js';
import { getQrPinPolicy } from '../policies/policies.js';

const HOUR_MS = 3600_000;

export async function reportSignInActivity(
  deps: ServiceDeps,
  actor: Actor,
  query: z.output<typeof signInActivityQuery>,
): Promise<SignInActivityView> {
  const now = deps.clock.now();
  const currentHour = Math.floor(now.getTime() / HOUR_MS);
  const firstHour = currentHour - query.hours + 1;
  const from = new Date(firstHour * HOUR_MS);
  const scope = await listScopeOf(deps, actor);
  const [counts, policy] = await Promise.all([
    // Up to the end of the current hour: entries a clock step ahead still land in it.
    deps.repos.logQueries.signInCounts({ from, to: new Date((currentHour + 1) * HOUR_MS), scope }),
    getQrPinPolicy(deps),
  ]);
  const lockedMethods = await deps.repos.reports.lockedMethodCount({
    now,
    hardLimit: policy.lockout.hardLimit,
    scope,
  });

  const hours = Array.from({ length: query.hours }, (_, i) => ({
    startDateTime: new Date((firstHour + i) * HOUR_MS).toISOString(),
    success: 0,
    failure: 0,
  }));
  const reasons = new Map<string, number>();
  const totals = { success: 0, failure: 0 };
  for (const row of counts) {
    const bucket = hours[row.hour - firstHour];
    if (!bucket) continue;
    bucket[row.result] += row.count;
    totals[row.result] += row.count;
    if (row.result === 'failure') {
      const code = row.failureCode ?? 'UNKNOWN';
      reasons.set(code, (reasons.get(code) ?? 0) + row.count);
    }
  }
  const failureReasons = [...reasons]
    .map(([failureCode, count]) => ({ failureCode, count }))
    .sort((a, b) => b.count - a.count || a.failureCode.localeCompare(b.failureCode));
  return {
    fromDateTime: from.toISOString(),
    toDateTime: now.toISOString(),
    hours,
    totals,
    failureReasons,
    lockedMethods,
  };
}
