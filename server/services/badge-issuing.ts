/**
 * Badges for many people at once (a CSV import, a store's sheet), through the one issuing service
 * (qr-pin-method.ts): each person goes through the same access check, the same policy and the same
 * audit entries as a badge issued from their own page.
 *
 * Per person: no method yet → a new method (badge + temporary PIN); a method without an unexpired
 * standard code → a new standard code, the PIN they know stays; an unexpired standard code → left
 * alone, unless `replace`, which deletes that code first (the old badge stops working at once).
 * Every step is its own atomic write, so a crash part-way leaves people either done or not started
 * (or, when replacing, without a standard code), and running it again completes the rest.
 */
import type { BadgeFailure, IssuedBadgeView } from '../contracts/bulk.js';
import { ApiError } from '../contracts/errors.js';
import { codeWindowAt } from '../domain/qr-code-window.js';
import type { Actor, ServiceDeps } from './deps.js';
import { deleteQrCode, issueQrCode, issueQrPinMethod, type IssuedQrCode } from './qr-pin-method.js';

/** Badges issued side by side: argon2 runs on the thread pool, so a few at once use the cores. */
const PARALLEL_ISSUES = 4;

export interface BadgePerson {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

async function hasUnexpiredStandardCode(deps: ServiceDeps, userId: string): Promise<'no_method' | boolean> {
  const method = await deps.repos.methods.findByUserId(userId);
  if (!method) return 'no_method';
  const now = deps.clock.now();
  const codes = await deps.repos.methods.codesOf(method.id);
  return codes.some((code) => code.kind === 'standard' && codeWindowAt(code, now) !== 'expired');
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

/** One person's badge, or null when they already have one and `replace` is off. */
export async function issueStandardBadge(
  deps: ServiceDeps,
  actor: Actor,
  person: BadgePerson,
  options: { replace: boolean },
): Promise<IssuedBadgeView | null> {
  const state = await hasUnexpiredStandardCode(deps, person.id);
  if (state === 'no_method') {
    const issued = await issueQrPinMethod(deps, actor, person.id, { standardQRCode: {} });
    return toBadge(person, issued.standardQRCode, issued.pin.code);
  }
  if (state) {
    if (!options.replace) return null;
    await deleteQrCode(deps, actor, person.id, 'standard');
  }
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
  /** People the issuing service refused (e.g. a manager's reach); the others still get theirs. */
  failures: BadgeFailure[];
}

/**
 * Badges for everyone in `people` who needs one (see the file comment), in the order given. A failure
 * for one person does not cost the others their badges: the ones issued must reach the caller.
 */
export async function issueStandardBadges(
  deps: ServiceDeps,
  actor: Actor,
  people: readonly BadgePerson[],
  options: { replace: boolean },
): Promise<IssuedBadges> {
  const outcomes = await mapInParallel(people, PARALLEL_ISSUES, async (person) => {
    try {
      return await issueStandardBadge(deps, actor, person, options);
    } catch (error) {
      // Even a server fault for one person must not swallow the badges already issued to others:
      // they exist only in this answer. The person is reported; running again issues theirs.
      const message =
        error instanceof ApiError
          ? error.message
          : 'The server could not issue this badge; run again to issue it.';
      return { userId: person.id, displayName: person.displayName, message };
    }
  });
  const result: IssuedBadges = { badges: [], alreadyHadBadge: 0, failures: [] };
  for (const outcome of outcomes) {
    if (outcome === null) result.alreadyHadBadge += 1;
    else if ('shortCode' in outcome) result.badges.push(outcome);
    else result.failures.push(outcome);
  }
  return result;
}
