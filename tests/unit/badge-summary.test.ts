import { describe, expect, test } from 'vitest';
import { DEFAULT_LOCKOUT } from '../../server/domain/lockout-policy.js';
import { summarizeBadge } from '../../server/features/people/badge-summary.js';
import type { BadgeFacts } from '../../server/features/people/users-repository.js';

const now = new Date('2026-06-01T12:00:00.000Z');
const at = (iso: string) => new Date(iso);
const code = (kind: 'standard' | 'temporary', start: string, expire: string) => ({
  kind,
  startDateTime: at(start),
  expireDateTime: at(expire),
});
const facts = (codes: BadgeFacts['codes'], lock: Partial<BadgeFacts> = {}): BadgeFacts => ({
  lockedUntil: null,
  consecutiveFailures: 0,
  codes,
  ...lock,
});
const summary = (f: BadgeFacts | undefined) => summarizeBadge(f, DEFAULT_LOCKOUT, now);

describe('a person’s badge in the people list', () => {
  test('is none without a badge, or when every code was deleted', () => {
    expect(summary(undefined)).toEqual({
      state: 'none',
      expireDateTime: null,
      isLocked: false,
      lockedUntilDateTime: null,
    });
    expect(summary(facts([])).state).toBe('none');
  });

  test('is active while a standard code works, even beside a temporary one', () => {
    const result = summary(
      facts([
        code('standard', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'),
        code('temporary', '2026-06-01T10:00:00Z', '2026-06-01T14:00:00Z'),
      ]),
    );
    expect(result.state).toBe('active');
    expect(result.expireDateTime).toBe('2027-01-01T00:00:00.000Z');
  });

  test('is temporary when only a temporary code works, with its end', () => {
    const result = summary(
      facts([
        code('standard', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
        code('temporary', '2026-06-01T10:00:00Z', '2026-06-01T14:00:00Z'),
      ]),
    );
    expect(result).toMatchObject({ state: 'temporary', expireDateTime: '2026-06-01T14:00:00.000Z' });
  });

  test('is not yet active when its only working code starts later', () => {
    expect(summary(facts([code('standard', '2026-07-01T00:00:00Z', '2027-07-01T00:00:00Z')])).state).toBe(
      'notYetActive',
    );
  });

  test('is expired when codes exist but none works any more, with the last one’s end', () => {
    const result = summary(
      facts([
        code('standard', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
        code('temporary', '2026-05-01T08:00:00Z', '2026-05-01T12:00:00Z'),
      ]),
    );
    expect(result).toMatchObject({ state: 'expired', expireDateTime: '2026-05-01T12:00:00.000Z' });
  });

  test('a code ends at its expiry instant, as at sign-in', () => {
    expect(summary(facts([code('standard', '2025-06-01T12:00:00Z', '2026-06-01T12:00:00Z')])).state).toBe(
      'expired',
    );
  });

  test('shows a timed lock until it runs out, and a lock at the hard limit without an end', () => {
    const working = [code('standard', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')];
    expect(summary(facts(working, { lockedUntil: at('2026-06-01T12:05:00Z') }))).toMatchObject({
      state: 'active',
      isLocked: true,
      lockedUntilDateTime: '2026-06-01T12:05:00.000Z',
    });
    expect(summary(facts(working, { lockedUntil: at('2026-06-01T11:59:00Z') })).isLocked).toBe(false);
    expect(summary(facts(working, { consecutiveFailures: DEFAULT_LOCKOUT.hardLimit }))).toMatchObject({
      isLocked: true,
      lockedUntilDateTime: null,
    });
  });
});
