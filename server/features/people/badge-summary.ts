/**
 * A person's badge in one state for the people list: which code works now (a standard code wins over
 * a temporary one), and whether wrong PINs have locked it, by the same rules sign-in uses
 * (domain/qr-code-window.ts, domain/lockout.ts).
 */
import type { PersonBadgeView } from '../../contracts/people-list.js';
import { lockStateAt } from '../../domain/lockout.js';
import type { LockoutPolicy } from '../../domain/lockout-policy.js';
import { codeWindowAt } from '../../domain/qr-code-window.js';
import type { BadgeFacts } from './users-repository.js';

const NO_BADGE: PersonBadgeView = {
  state: 'none',
  expireDateTime: null,
  isLocked: false,
  lockedUntilDateTime: null,
};

const latestExpiry = (codes: BadgeFacts['codes']) =>
  codes.reduce((latest, code) => (code.expireDateTime > latest.expireDateTime ? code : latest));

export function summarizeBadge(
  facts: BadgeFacts | undefined,
  lockout: LockoutPolicy,
  now: Date,
): PersonBadgeView {
  if (!facts) return NO_BADGE;
  const lock = lockStateAt(facts, lockout, now);
  const locked = {
    isLocked: lock.locked,
    lockedUntilDateTime: lock.locked && lock.until ? lock.until.toISOString() : null,
  };
  const working = (kind: 'standard' | 'temporary') =>
    facts.codes.filter((code) => code.kind === kind && codeWindowAt(code, now) === 'active');
  const standard = working('standard');
  const temporary = working('temporary');
  const later = facts.codes.filter((code) => codeWindowAt(code, now) === 'not_yet_active');
  const [state, codes]: [PersonBadgeView['state'], BadgeFacts['codes']] =
    standard.length > 0
      ? ['active', standard]
      : temporary.length > 0
        ? ['temporary', temporary]
        : later.length > 0
          ? ['notYetActive', later]
          : facts.codes.length > 0
            ? ['expired', facts.codes]
            : ['none', []];
  return {
    state,
    expireDateTime: codes.length > 0 ? latestExpiry(codes).expireDateTime.toISOString() : null,
    ...locked,
  };
}
