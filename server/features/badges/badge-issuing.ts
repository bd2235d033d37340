/**
 * Badges for many people at once (a CSV import, a store's sheet), through the one issuing service
 * (qr-pin-method.ts): each person goes through the same access check, the same policy and the same
 * audit entries as a badge issued from their own page.
 *
 * Per person: no method yet → a new method (badge + temporary PIN); a method without an unexpired
 * standard code → a new standard code, the PIN they know stays; an unexpired standard code → left
 * alone, unless `replace`, which deletes that code first (the old badge stops working at once).
 * One run issues at most BADGES_PER_RUN badges (each costs an argon2 hash and a checked QR render,
 * ~70 ms), so an answer never waits minutes; the rest are counted and the next run issues them.
 * Every step is its own atomic write, so a crash part-way leaves people either done or not started
 * (or, when replacing, without a standard code), and running it again completes the rest.
 */
import { BADGES_PER_RUN, type BadgeFailure, type IssuedBadgeView } from '../../contracts/bulk.js';
import { ApiError } from '../../contracts/errors.js';
import { codeWindowAt } from '../../domain/qr-code-window.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { deleteQrCode, issueQrCode, issueQrPinMethod, type IssuedQrCode } from './qr-pin-method.js';

/** Badges issued side by side: argon2 runs on the thread pool, so a few at once use the cores. */
const PARALLEL_ISSUES = 4;

export interface BadgePerson {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

/** What a person needs: a new method, a new standard code for their PIN, a replacement, or nothing. */
type BadgeNeed = 'method' | 'code' | 'replace' | 'none';

/** A person's badge today: no method, a method without a working standard code, or one until `until`. */
export type BadgeHolding = { kind: 'noMethod' } | { kind: 'noBadge' } | { kind: 'badge'; until: Date };

export async function badgeHoldingOf(deps: ServiceDeps, userId: string): Promise<BadgeHolding> {
  const method = await deps.repos.methods.findByUserId(userId);
  if (!method) return { kind: 'noMethod' };
  const now = deps.clock.now();
  const codes = await deps.repos.methods.codesOf(method.id);
  const badge = codes.find((code) => code.kind === 'standard' && codeWindowAt(code, now) !== 'expired');
  return badge ? { kind: 'badge', until: badge.expireDateTime } : { kind: 'noBadge' };
}

async function badgeNeedOf(deps: ServiceDeps, userId: string, replace: boolean): Promise<BadgeNeed> {
  const holding = await badgeHoldingOf(deps, userId);
  if (holding.kind === 'noMethod') return 'method';
  if (holding.kind === 'noBadge') return 'code';
  return replace ? 'replace' : 'none';
}

const toBadge = (person: BadgePerson, code: IssuedQrCode, pin: string | null): IssuedBadgeView => ({
  userId: person.id,
  userPrincipalName: person.userPrincipalName,
  displayName: person.displayName,
  shortCode: code.shortCode,
  image: { binaryValue: code.image.binaryValue, rawContent: code.image.rawContent },
  expireDateTime: code.expireDateTime,
  pin,
});

async function issueFor(
  deps: ServiceDeps,
  actor: Actor,
  person: BadgePerson,
  need: Exclude<BadgeNeed, 'none'>,
): Promise<IssuedBadgeView> {
  if (need === 'method') {
    const issued = await issueQrPinMethod(deps, actor, person.id, { standardQRCode: {} });
    return toBadge(person, issued.standardQRCode, issued.pin.code);
  }
  if (need === 'replace') await deleteQrCode(deps, actor, person.id, 'standard');
  const code = await issueQrCode(deps, actor, person.id, 'standard', {});
  return toBadge(person, code, null);
}

/** Runs `work` over `items` with at most `parallel` at a time; results in the items' order. */
export async function mapInParallel<T, R>(
  items: readonly T[],
  parallel: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, lane));
  return results;
}

export interface IssuedBadges {
  badges: IssuedBadgeView[];
  alreadyHadBadge: number;
  /** People the issuing service refused, or a fault hit; the others still get theirs. */
  failures: BadgeFailure[];
  /** People who still need a badge because this run stopped at BADGES_PER_RUN: run it again. */
  remaining: number;
}

/**
 * Badges for everyone in `people` who needs one (see the file comment), at most BADGES_PER_RUN, in the
 * order given. A failure for one person does not cost the others their badges: the ones issued exist
 * only in this answer.
 */
export async function issueStandardBadges(
  deps: ServiceDeps,
  actor: Actor,
  people: readonly BadgePerson[],
  options: { replace: boolean; max?: number },
): Promise<IssuedBadges> {
  const needs = await mapInParallel(people, 16, (person) => badgeNeedOf(deps, person.id, options.replace));
  const wanting = people.flatMap((person, i) => (needs[i] === 'none' ? [] : [{ person, need: needs[i]! }]));
  const now = wanting.slice(0, options.max ?? BADGES_PER_RUN);
  const outcomes = await mapInParallel(now, PARALLEL_ISSUES, async ({ person, need }) => {
    try {
      return await issueFor(deps, actor, person, need as Exclude<BadgeNeed, 'none'>);
    } catch (error) {
      // Even a server fault for one person must not swallow the badges already issued to others.
      const message =
        error instanceof ApiError
          ? error.message
          : 'The server could not issue this badge; run again to issue it.';
      return { userId: person.id, displayName: person.displayName, message };
    }
  });
  const result: IssuedBadges = {
    badges: [],
    alreadyHadBadge: people.length - wanting.length,
    failures: [],
    remaining: wanting.length - now.length,
  };
  for (const outcome of outcomes) {
    if ('shortCode' in outcome) result.badges.push(outcome);
    else result.failures.push(outcome);
  }
  return result;
}
