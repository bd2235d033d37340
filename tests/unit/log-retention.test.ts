import { describe, expect, test } from 'vitest';
import {
  DEFAULT_LOG_RETENTION_POLICY,
  LOG_RETENTION_LIMITS,
  retentionCutoffs,
} from '../../server/domain/log-retention.js';

describe('log retention', () => {
  test('rows older than the retention in whole days are past it: 90 days of sign-ins, a year of audit', () => {
    const now = new Date('2026-06-01T08:00:00.000Z');
    expect(retentionCutoffs(DEFAULT_LOG_RETENTION_POLICY, now)).toEqual({
      signInLogsBefore: new Date('2026-03-03T00:00:00.000Z'),
      auditLogsBefore: new Date('2025-06-01T00:00:00.000Z'),
    });
  });

  test('the cut-offs move once a day, so a day of sweeps deletes (and audits) a day of rows once', () => {
    const cutoffsAt = (iso: string) => retentionCutoffs(DEFAULT_LOG_RETENTION_POLICY, new Date(iso));
    expect(cutoffsAt('2026-06-01T00:00:00.000Z')).toEqual(cutoffsAt('2026-06-01T23:59:59.999Z'));
    expect(cutoffsAt('2026-06-02T00:00:00.000Z').signInLogsBefore.getTime()).toBe(
      cutoffsAt('2026-06-01T12:00:00.000Z').signInLogsBefore.getTime() + 24 * 3600 * 1000,
    );
  });

  test('the defaults lie inside the ranges an admin may choose', () => {
    for (const [key, { min, max }] of Object.entries(LOG_RETENTION_LIMITS)) {
      const value = DEFAULT_LOG_RETENTION_POLICY[key as keyof typeof DEFAULT_LOG_RETENTION_POLICY];
      expect(value).toBeGreaterThanOrEqual(min);
      expect(value).toBeLessThanOrEqual(max);
    }
  });
});
