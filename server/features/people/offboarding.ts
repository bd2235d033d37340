/**
 * Offboarding: when someone leaves, their access ends at once and for good, in one audited step
 * (docs/security.md, "Offboarding"). The HR system asks for it through SCIM (`active: false`, `DELETE`);
 * an admin can from the person's page in the console.
 *
 * `offboardUser`, in this order:
 * 1. who may: from the console, an admin who can change this person (a narrow API token never an
 *    admin; nobody themselves); from SCIM, the SCIM layer has already checked its token;
 * 2. ONE transaction (offboarding-repository.ts): the audit entry `user.offboarded`, the person turned
 *    off and marked offboarded, their QR-code + PIN method deleted (every standard and temporary code,
 *    the PIN and the lockout state: no old badge ever works again, even once the person is turned on),
 *    their sessions (kiosk and console) and API tokens revoked, their open forgot-PIN requests closed,
 *    their unused step-up challenges and any console invitation link dropped. Refused for the last
 *    enabled admin (`LAST_ADMIN`); a person already offboarded is answered as is, with nothing changed
 *    and nothing recorded;
 * 3. the ended sessions announced (`sessionsEnded`): every store app signed in through them gets a
 *    back-channel logout in the durable outbox and loses its grant and tokens at once
 *    (oidc/global-sign-out.ts). Should the process stop between 2 and 3, the deliverer's sweep finds
 *    the revoked sessions and does the same;
 * 4. the number of apps told added to the audit entry.
 *
 * `reactivateUser` turns a turned-off person on again; their old badges stay gone (they need a new one).
 */
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import type { UserView } from '../../contracts/schemas.js';
import type { OffboardingCounts, OffboardingSource } from '../../domain/offboarding.js';
import { loadManagedUser } from '../../core/actor-scope.js';
import { auditedChangeOf, auditEntryOf } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { sessionsEnded } from '../sessions/sessions.js';
import { toUserView } from './create-user.js';
import { outboxWritesOfAuditedChange } from '../webhooks/events/audit-events.js';

export interface OffboardingOptions {
  source: OffboardingSource;
}

export type OffboardingResult =
  /** `changed: false`: the person was already offboarded; nothing was done or recorded. */
  { user: UserView; changed: true; counts: OffboardingCounts } | { user: UserView; changed: false };

export interface ReactivationResult {
  user: UserView;
  /** False when the person was already on: nothing was done or recorded. */
  changed: boolean;
}

const noSuchUser = () => new ApiError('NOT_FOUND', say.noSuchUser);

/** From the console: someone the actor may change (admins only reach here), never themselves. */
async function checkConsoleActor(deps: ServiceDeps, actor: Actor, userId: string, source: OffboardingSource) {
  if (source !== 'console') return;
  await loadManagedUser(deps, actor, userId);
  if (userId === actor.userId) throw new ApiError('CANNOT_REMOVE_SELF');
}

async function viewOf(deps: ServiceDeps, userId: string): Promise<UserView> {
  const user = await deps.repos.users.findById(userId);
  if (!user) throw noSuchUser();
  return toUserView(user, await deps.repos.users.groupIdsOf(userId));
}

/** Offboards a person (see the header); idempotent. */
export async function offboardUser(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  { source }: OffboardingOptions,
): Promise<OffboardingResult> {
  await checkConsoleActor(deps, actor, userId, source);
  const entry = auditEntryOf(deps, actor, 'user.offboarded', { type: 'user', id: userId }, { source });
  // Its webhook events (person.disabled, one badge.revoked per badge it revokes, read before the batch
  // deletes them) go into the same batch, each written only if the batch's audit entry is.
  const revokedBadges = await deps.repos.webhookEvents.workingBadgesOf(userId, entry.activityDateTime!);
  const offboarded = { type: 'user', id: userId };
  const events = await outboxWritesOfAuditedChange(
    deps,
    auditedChangeOf(actor, 'user.offboarded', offboarded, { revokedBadges }),
    entry.id,
  );
  const done = await deps.repos.offboarding.offboard(userId, source, entry, events);
  if (done.outcome === 'not_found') throw noSuchUser();
  if (done.outcome === 'last_admin') throw new ApiError('LAST_ADMIN');
  if (done.outcome === 'already_offboarded') return { user: await viewOf(deps, userId), changed: false };

  await sessionsEnded(deps, done.sessionIds);
  const appsTold = await deps.repos.offboarding.logoutsQueuedSince(userId, entry.activityDateTime);
  await deps.repos.offboarding.addToAuditDetails(entry.id, { appsTold });
  const details = (await deps.repos.offboarding.auditDetails(entry.id)) ?? {};
  const count = (key: keyof OffboardingCounts) => (typeof details[key] === 'number' ? details[key] : 0);
  return {
    user: await viewOf(deps, userId),
    changed: true,
    counts: {
      badgesRevoked: count('badgesRevoked'),
      sessionsEnded: count('sessionsEnded'),
      appsTold,
      apiTokensRevoked: count('apiTokensRevoked'),
    },
  };
}

/** Turns a turned-off (or offboarded) person on again; old badges stay revoked. Idempotent. */
export async function reactivateUser(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  { source }: OffboardingOptions,
): Promise<ReactivationResult> {
  if (source === 'console') await loadManagedUser(deps, actor, userId);
  const entry = auditEntryOf(deps, actor, 'user.reactivated', { type: 'user', id: userId }, { source });
  const outcome = await deps.repos.offboarding.reactivate(userId, entry);
  if (outcome === 'not_found') throw noSuchUser();
  return { user: await viewOf(deps, userId), changed: outcome === 'reactivated' };
}
