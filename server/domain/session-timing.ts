/** Session lifetime rules: an idle timeout and an absolute timeout, both enforced on the server. */
export interface SessionTimeouts {
  idleSeconds: number;
  absoluteSeconds: number;
}

export type SessionState = 'active' | 'idle_expired' | 'expired' | 'revoked';

/** When a session ends at the latest: the expiry fixed at sign-in, or sooner under a shortened policy. */
export function absoluteEndOf(
  session: { createdAt: Date; expiresAt: Date },
  timeouts: SessionTimeouts,
): Date {
  return new Date(
    Math.min(session.expiresAt.getTime(), session.createdAt.getTime() + timeouts.absoluteSeconds * 1000),
  );
}

/**
 * The absolute limit is the earlier of the expiry fixed at sign-in and creation + the current policy's
 * absolute timeout, so shortening the policy also shortens sessions that are already open.
 */
export function sessionStateAt(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null },
  timeouts: SessionTimeouts,
  now: Date,
): SessionState {
  if (session.revokedAt) return 'revoked';
  if (now.getTime() >= absoluteEndOf(session, timeouts).getTime()) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= timeouts.idleSeconds * 1000) return 'idle_expired';
  return 'active';
}
