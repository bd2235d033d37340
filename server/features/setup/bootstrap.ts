/**
 * First run (Keycloak/authentik style): when no admin who can sign in exists, either the
 * BOOTSTRAP_* variables create one (and an admin API token), or a one-time setup link is issued.
 */
import { ConfigError } from '../../config.js';
import { ApiError } from '../../contracts/errors.js';
import type { completeSetupBody } from '../../contracts/schemas.js';
import type { z } from 'zod';
import { FULL_ADMIN_SCOPE } from '../../domain/api-token-scopes.js';
import { BOOTSTRAP_API_TOKEN_LIFETIME_DAYS } from '../../domain/api-token-lifetime.js';
import { addSeconds } from '../../domain/clock.js';
import { newId, randomToken, sha256 } from '../../platform/crypto.js';
import { recordAudit } from '../../core/audit.js';
import type { ServiceDeps } from '../../core/deps.js';

export const SETUP_LINK_LIFETIME_SECONDS = 24 * 60 * 60;

export interface BootstrapInput {
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  apiToken: string | undefined;
  /** How long the stored API token lasts (BOOTSTRAP_API_TOKEN_LIFETIME_DAYS). */
  apiTokenLifetimeDays: number;
}

export type BootstrapOutcome =
  | { kind: 'admin_exists'; ignoredApiToken: boolean }
  | {
      kind: 'bootstrapped';
      adminUsername: string | undefined;
      apiToken: boolean;
      /** When the stored BOOTSTRAP_API_TOKEN stops working (null: none given, or it was already stored). */
      apiTokenExpiresAt: Date | null;
      setupToken?: string;
    }
  | { kind: 'setup_link'; setupToken: string };

async function createAdmin(
  deps: ServiceDeps,
  input: { userPrincipalName: string; displayName: string; password: string | null },
) {
  const now = deps.clock.now();
  const admin = await deps.repos.users.insert({
    id: newId(),
    userPrincipalName: input.userPrincipalName,
    displayName: input.displayName,
    role: 'admin',
    accountEnabled: true,
    passwordHash: input.password === null ? null : await deps.hasher.hash(input.password),
    createdAt: now,
    updatedAt: now,
  });
  if (!admin) throw new ApiError('USER_ALREADY_EXISTS');
  return admin;
}

async function issueSetupToken(deps: ServiceDeps): Promise<string> {
  const token = randomToken(32);
  const now = deps.clock.now();
  await deps.repos.credentials.replaceSetupToken({
    id: newId(),
    tokenHash: sha256(token),
    createdAt: now,
    expiresAt: addSeconds(now, SETUP_LINK_LIFETIME_SECONDS),
  });
  return token;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Stores a full-admin API token (its hash only) for `ownerId`, expiring after `lifetimeDays`. It is the
 * first admin's own way in, so it holds admin.full; it expires like every token, since it sits in
 * environment files and scripts.
 */
async function storeApiToken(
  deps: ServiceDeps,
  ownerId: string,
  token: string,
  displayName: string,
  lifetimeDays: number,
): Promise<Date> {
  const tokenHash = sha256(token);
  const id = newId();
  const now = deps.clock.now();
  const expiresAt = addSeconds(now, lifetimeDays * DAY_SECONDS);
  const scopes = [FULL_ADMIN_SCOPE];
  await deps.repos.credentials.insertApiToken({
    id,
    displayName,
    tokenHash,
    userId: ownerId,
    createdAt: now,
    expiresAt,
    scopes,
  });
  await recordAudit(
    deps,
    'system',
    'apiToken.created',
    { type: 'apiToken', id },
    { displayName, expireDateTime: expiresAt.toISOString(), scopes },
  );
  return expiresAt;
}

export async function bootstrapFirstAdmin(
  deps: ServiceDeps,
  input: BootstrapInput,
): Promise<BootstrapOutcome> {
  if ((await deps.repos.users.countPasswordAdmins()) > 0) {
    const known = input.apiToken
      ? await deps.repos.credentials.findApiTokenByHash(sha256(input.apiToken))
      : undefined;
    return { kind: 'admin_exists', ignoredApiToken: Boolean(input.apiToken) && !known };
  }
  if (!input.adminUsername && !input.apiToken) {
    return { kind: 'setup_link', setupToken: await issueSetupToken(deps) };
  }

  let ownerId: string;
  if (input.adminUsername && input.adminPassword) {
    if (await deps.repos.users.findByPrincipalName(input.adminUsername)) {
      throw new ConfigError(
        `BOOTSTRAP_ADMIN_USERNAME ${input.adminUsername} names an existing user who is not an admin`,
      );
    }
    const admin = await createAdmin(deps, {
      userPrincipalName: input.adminUsername,
      displayName: input.adminUsername,
      password: input.adminPassword,
    });
    await recordAudit(
      deps,
      'system',
      'user.created',
      { type: 'user', id: admin.id },
      { bootstrap: true, role: 'admin' },
    );
    ownerId = admin.id;
  } else {
    // Only an API token was given: it belongs to a service admin that cannot sign in with a password,
    // and a setup link is still issued so a person can claim the console.
    const owner =
      (await deps.repos.users.findByPrincipalName('bootstrap-api')) ??
      (await createAdmin(deps, {
        userPrincipalName: 'bootstrap-api',
        displayName: 'Bootstrap API',
        password: null,
      }));
    ownerId = owner.id;
  }
  // A token already stored (a restart before anyone claimed the console) is left as it is.
  const apiTokenExpiresAt =
    input.apiToken && !(await deps.repos.credentials.findApiTokenByHash(sha256(input.apiToken)))
      ? await storeApiToken(deps, ownerId, input.apiToken, 'Bootstrap API token', input.apiTokenLifetimeDays)
      : null;
  return {
    kind: 'bootstrapped',
    adminUsername: input.adminUsername,
    apiToken: Boolean(input.apiToken),
    apiTokenExpiresAt,
    setupToken: input.adminUsername ? undefined : await issueSetupToken(deps),
  };
}

/**
 * Redeems a setup link: creates the first admin and returns a full-admin API token, shown once, that
 * expires after BOOTSTRAP_API_TOKEN_LIFETIME_DAYS' default.
 */
export async function completeSetup(
  deps: ServiceDeps,
  input: z.output<typeof completeSetupBody>,
): Promise<{
  user: { id: string; userPrincipalName: string };
  apiToken: string;
  apiTokenExpireDateTime: string;
}> {
  const tokenHash = sha256(input.token);
  const usable =
    (await deps.repos.users.countPasswordAdmins()) === 0 &&
    (await deps.repos.credentials.isSetupTokenUsable(tokenHash, deps.clock.now()));
  if (!usable) throw new ApiError('SETUP_LINK_INVALID');
  // Checked before the link is used up, so a taken name can be corrected; only link holders learn it.
  if (await deps.repos.users.findByPrincipalName(input.userPrincipalName)) {
    throw new ApiError('USER_ALREADY_EXISTS');
  }
  if (!(await deps.repos.credentials.consumeSetupToken(tokenHash, deps.clock.now()))) {
    throw new ApiError('SETUP_LINK_INVALID');
  }
  const admin = await createAdmin(deps, {
    userPrincipalName: input.userPrincipalName,
    displayName: input.displayName ?? input.userPrincipalName,
    password: input.password,
  });
  await recordAudit(
    deps,
    'system',
    'user.created',
    { type: 'user', id: admin.id },
    { setupLink: true, role: 'admin' },
  );
  const apiToken = `sp_${randomToken(32)}`;
  const expiresAt = await storeApiToken(
    deps,
    admin.id,
    apiToken,
    'First admin token',
    BOOTSTRAP_API_TOKEN_LIFETIME_DAYS,
  );
  return {
    user: { id: admin.id, userPrincipalName: admin.userPrincipalName },
    apiToken,
    apiTokenExpireDateTime: expiresAt.toISOString(),
  };
}
