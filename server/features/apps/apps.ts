/**
 * Store apps (OpenID Connect clients): the admin's register, list, read, edit, rotate-secret and
 * delete. A confidential app's client secret is made here, sealed at once (bound to the app's id,
 * platform/oidc-secrets.ts) and given to the admin in the one answer that creates or rotates it;
 * nothing else ever shows it, the audit log included. Every change is audited with before and after.
 */
import type { z } from 'zod';
import {
  OIDC_DISCOVERY_PATH,
  type AppView,
  type AppWithSecret,
  type createAppBody,
  type patchAppBody,
} from '../../contracts/apps.js';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { conditionsName, type PolicyConditions } from '../../domain/conditional-access.js';
import { publicSigningKeyProblem } from '../../platform/app-keys.js';
import { randomToken } from '../../platform/crypto.js';
import type { AppJwks, AppRow, NameTaken } from './apps-repository.js';

/** 128 random bits, base64url: an app's id and client_id. */
const APP_ID_BYTES = 16;

type AppSnapshot = Omit<AppView, 'discoveryUrl'>;

/** The app as the audit log keeps it: everything but the secret (only whether there is one). */
function snapshotOf(row: AppRow): AppSnapshot {
  return {
    id: row.id,
    clientId: row.id,
    displayName: row.displayName,
    clientType: row.clientType,
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod,
    hasSecret: row.clientSecretSealed !== null,
    jwks: row.jwks,
    redirectUris: row.redirectUris,
    postLogoutRedirectUris: row.postLogoutRedirectUris,
    backchannelLogoutUri: row.backchannelLogoutUri,
    homeUrl: row.homeUrl,
    groupIds: row.groupIds,
    enabled: row.enabled,
    createdDateTime: row.createdAt.toISOString(),
    modifiedDateTime: row.updatedAt.toISOString(),
  };
}

/**
 * Where app developers find the issuer: on the configured address (never the request's Host header);
 * only the path when this server does not know the address people use (TLS without PUBLIC_ORIGIN).
 */
const discoveryUrl = (deps: ServiceDeps) => `${deps.settings.linkOrigin ?? ''}${OIDC_DISCOVERY_PATH}`;

export const toAppView = (deps: ServiceDeps, row: AppRow): AppView => ({
  ...snapshotOf(row),
  discoveryUrl: discoveryUrl(deps),
});

async function checkGroups(deps: ServiceDeps, groupIds: string[] | undefined): Promise<void> {
  if (groupIds && !(await deps.repos.users.groupsExist(groupIds))) {
    throw new ApiError('GROUP_NOT_FOUND', say.chosenStoreMissing, {
      field: 'groupIds',
    });
  }
}

async function checkKeys(jwks: AppJwks | undefined | null): Promise<void> {
  if (!jwks) return;
  for (const [index, key] of jwks.keys.entries()) {
    const problem = await publicSigningKeyProblem(key);
    if (problem) {
      const field = `jwks.keys.${index}`;
      throw new ApiError('VALIDATION_FAILED', say.publicKeyRefused(index + 1, problem), { field });
    }
  }
}

function unlessNameTaken<T>(written: T | NameTaken, name: string | undefined): T {
  if (written !== 'name_taken') return written;
  throw new ApiError('NAME_ALREADY_EXISTS', say.appNameTaken(name ?? ''), {
    field: 'displayName',
  });
}

async function loadApp(deps: ServiceDeps, id: string): Promise<AppRow> {
  const row = await deps.repos.apps.findById(id);
  if (!row) throw new ApiError('NOT_FOUND', say.noSuchApp);
  return row;
}

export async function listApps(deps: ServiceDeps): Promise<{ value: AppView[] }> {
  const rows = await deps.repos.apps.list();
  return { value: rows.map((row) => toAppView(deps, row)) };
}

export async function getApp(deps: ServiceDeps, id: string): Promise<AppView> {
  return toAppView(deps, await loadApp(deps, id));
}

export async function registerApp(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof createAppBody>,
): Promise<AppWithSecret> {
  await checkGroups(deps, input.groupIds);
  await checkKeys(input.jwks);
  const id = randomToken(APP_ID_BYTES);
  const secret =
    input.tokenEndpointAuthMethod === 'client_secret_basic' ? deps.oidcSecrets.newClientSecret() : null;
  const now = deps.clock.now();
  const row = unlessNameTaken(
    await deps.repos.apps.create({
      id,
      displayName: input.displayName,
      clientType: input.clientType,
      tokenEndpointAuthMethod: input.tokenEndpointAuthMethod,
      clientSecretSealed: secret ? deps.oidcSecrets.sealClientSecret(secret, id) : null,
      jwks: input.jwks,
      redirectUris: input.redirectUris,
      postLogoutRedirectUris: input.postLogoutRedirectUris,
      backchannelLogoutUri: input.backchannelLogoutUri,
      homeUrl: input.homeUrl,
      groupIds: input.groupIds,
      enabled: input.enabled,
      createdAt: now,
      updatedAt: now,
    }),
    input.displayName,
  );
  await recordAudit(deps, actor, 'app.created', { type: 'app', id }, { after: snapshotOf(row) });
  const view = toAppView(deps, row);
  return secret ? { ...view, clientSecret: secret } : view;
}

export async function updateApp(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: z.output<typeof patchAppBody>,
): Promise<AppView> {
  const before = await loadApp(deps, id);
  if (patch.jwks && before.tokenEndpointAuthMethod !== 'private_key_jwt') {
    throw new ApiError('VALIDATION_FAILED', say.keysOnlyForPrivateKeyJwt, { field: 'jwks' });
  }
  await checkGroups(deps, patch.groupIds);
  await checkKeys(patch.jwks);
  const row = unlessNameTaken(
    await deps.repos.apps.update(id, { ...patch, updatedAt: deps.clock.now() }),
    patch.displayName,
  );
  if (!row) throw new ApiError('NOT_FOUND', say.noSuchApp);
  await recordAudit(
    deps,
    actor,
    'app.updated',
    { type: 'app', id },
    { before: snapshotOf(before), after: snapshotOf(row) },
  );
  return toAppView(deps, row);
}

/** A new client secret; the old one stops working with this write (the provider reads the row each time). */
export async function rotateAppSecret(deps: ServiceDeps, actor: Actor, id: string): Promise<AppWithSecret> {
  const before = await loadApp(deps, id);
  if (before.tokenEndpointAuthMethod !== 'client_secret_basic') throw new ApiError('APP_HAS_NO_SECRET');
  const secret = deps.oidcSecrets.newClientSecret();
  const row = await deps.repos.apps.update(id, {
    clientSecretSealed: deps.oidcSecrets.sealClientSecret(secret, id),
    updatedAt: deps.clock.now(),
  });
  if (!row || row === 'name_taken') throw new ApiError('NOT_FOUND', say.noSuchApp);
  await recordAudit(deps, actor, 'app.secretRotated', { type: 'app', id });
  return { ...toAppView(deps, row), clientSecret: secret };
}

/**
 * The conditional-access policies naming an app among their target apps: it cannot be deleted under
 * them (read through the repository: conditional access's services reach apps through sessions).
 */
async function policiesNamingApp(
  deps: ServiceDeps,
  appId: string,
): Promise<{ id: string; displayName: string }[]> {
  const policies = await deps.repos.conditionalAccess.listPolicies({ includeDisabled: true });
  return policies
    .filter((policy) => conditionsName(policy.conditions as PolicyConditions, 'apps', appId))
    .map((policy) => ({ id: policy.id, displayName: policy.displayName }));
}

export async function deleteApp(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const before = await loadApp(deps, id);
  const usedBy = await policiesNamingApp(deps, id);
  if (usedBy.length > 0) {
    throw new ApiError('APP_IN_USE', say.appInUse(usedBy.map((policy) => policy.displayName)), {
      policies: usedBy,
    });
  }
  if (!(await deps.repos.apps.delete(id))) throw new ApiError('NOT_FOUND', say.noSuchApp);
  await recordAudit(deps, actor, 'app.deleted', { type: 'app', id }, { before: snapshotOf(before) });
}
