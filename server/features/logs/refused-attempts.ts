/**
 * Attempts refused by the per-client budget (429 TOO_MANY_ATTEMPTS) are counted, not logged one by
 * one: the first refusal of a client's budget window writes one sign-in log row, each later refusal
 * in that window adds one to its `details.refusedAttempts` and moves `details.lastAttemptAt`. A flood
 * from one client therefore adds one row per budget window and sign-in kind (kiosk, console), however
 * many requests it sends (docs/security.md, "Bounded data under abuse").
 */
import type { ServiceDeps } from '../../core/deps.js';
import { sha256 } from '../../platform/crypto.js';

export interface RefusedAttempt {
  /** The budget window the refusal came from (ThrottleClaim's `windowId`). */
  windowId: string;
  /** Which sign-in step was refused (e.g. `console:password`): each has its own row per window. */
  kind: string;
  now: Date;
  authMethod: string;
  userId?: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  /** The first refusal's details (the later ones only count). */
  details: Record<string, unknown>;
}

/** The row's id: the same for every refusal of one window, kind and user, shaped like other rows' ids. */
function refusedRowId(attempt: RefusedAttempt): string {
  const hex = sha256(['refused-by-budget', attempt.windowId, attempt.kind, attempt.userId ?? ''].join('\n'));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export async function countRefusedAttempt(deps: ServiceDeps, attempt: RefusedAttempt): Promise<void> {
  await deps.repos.logs.countRefusedSignIn(
    {
      id: refusedRowId(attempt),
      createdDateTime: attempt.now,
      result: 'failure',
      failureCode: 'TOO_MANY_ATTEMPTS',
      authMethod: attempt.authMethod,
      userId: attempt.userId ?? null,
      ipAddress: attempt.ipAddress,
      userAgent: attempt.userAgent,
      details: { ...attempt.details, reason: 'client_throttled' },
    },
    attempt.now,
  );
}
