/**
 * How long the sign-in log and the audit log are kept (docs/security.md, "Bounded data under abuse").
 * Pure; stored as JSON in `settings`, validated at the API edge. The defaults follow common practice
 * for identity logs: sign-ins 90 days (Entra ID P1/P2 keep 30), audit entries a year.
 */
export interface LogRetentionPolicy {
  /** Sign-in log rows older than this many days are deleted. */
  signInLogRetentionInDays: number;
  /** Audit log entries older than this many days are deleted. */
  auditLogRetentionInDays: number;
}

export const LOG_RETENTION_LIMITS = {
  signInLogRetentionInDays: { min: 7, max: 3650 },
  auditLogRetentionInDays: { min: 30, max: 3650 },
} as const;

export const DEFAULT_LOG_RETENTION_POLICY: LogRetentionPolicy = {
  signInLogRetentionInDays: 90,
  auditLogRetentionInDays: 365,
};

const DAY_MS = 24 * 3600 * 1000;

/**
 * Rows written before these instants are past their retention at `now`. The cut-offs move once a day
 * (at midnight UTC): a day's rows go together in the first sweep after it, so what retention deleted is
 * audited once a day, not at every sweep, and a row is kept its full retention and at most a day more.
 */
export function retentionCutoffs(
  policy: LogRetentionPolicy,
  now: Date,
): { signInLogsBefore: Date; auditLogsBefore: Date } {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return {
    signInLogsBefore: new Date(today - policy.signInLogRetentionInDays * DAY_MS),
    auditLogsBefore: new Date(today - policy.auditLogRetentionInDays * DAY_MS),
  };
}
