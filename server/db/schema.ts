/**
 * The whole Shiftpass data model. Times are stored as integer milliseconds (drizzle `timestamp_ms`)
 * and leave the API as ISO-8601 UTC strings. No column ever holds a PIN, QR secret or token in the
 * clear: PINs and passwords are argon2id verifiers, secrets and tokens are SHA-256 hashes, badge short
 * codes and console recovery codes are HMAC-SHA256 under subkeys of the server key, TOTP seeds are
 * sealed with AES-256-GCM under another subkey.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { GRANTS, POLICY_STATES } from '../domain/conditional-access.js';
import { DEVICE_STATUSES } from '../domain/device-status.js';
import { KIOSK_LANGUAGES } from '../domain/kiosk-languages.js';
import { OFFBOARDING_SOURCES } from '../domain/offboarding.js';
import { PIN_RESET_STATUSES } from '../domain/pin-reset.js';
import { ROLES } from '../domain/roles.js';
import type { ApiTokenScope } from '../domain/api-token-scopes.js';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    userPrincipalName: text('user_principal_name').notNull(),
    displayName: text('display_name').notNull(),
    /** displayName folded for search (server/domain/search-fold.ts), when it differs from lower(). */
    foldedName: text('folded_name'),
    employeeId: text('employee_id'),
    role: text('role', { enum: ROLES }).notNull(),
    accountEnabled: integer('account_enabled', { mode: 'boolean' }).notNull().default(true),
    /** argon2id verifier for console (username + password) sign-in; null for badge-only workers. */
    passwordHash: text('password_hash'),
    /** The provisioning client's own id for the person (SCIM `externalId`, Entra's objectId); null: none. */
    externalId: text('external_id'),
    /** Work email (SCIM `emails` of type work); null: none. */
    email: text('email'),
    /** SCIM `name.givenName` / `name.familyName` as the provisioning client sent them; null: derived. */
    givenName: text('given_name'),
    familyName: text('family_name'),
    /**
     * When a SCIM client deleted the person (RFC 7644 §3.6): offboarded, then gone for SCIM, but kept
     * (disabled) for the console and the sign-in logs' names. Null: not deleted.
     */
    scimDeletedAt: integer('scim_deleted_at', { mode: 'timestamp_ms' }),
    /**
     * When the person was offboarded (features/people/offboarding.ts): turned off, every badge and API
     * token revoked, every session ended. Null while enabled; cleared whenever the person is enabled.
     */
    offboardedAt: integer('offboarded_at', { mode: 'timestamp_ms' }),
    /** Who offboarded them: the HR system (`scim`) or an admin in the console; null with offboardedAt. */
    offboardedVia: text('offboarded_via', { enum: OFFBOARDING_SOURCES }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('users_upn_unique').on(sql`lower(${t.userPrincipalName})`),
    uniqueIndex('users_external_id_unique')
      .on(t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    index('users_email_nocase_idx')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.email} IS NOT NULL`),
    index('users_display_name_idx').on(t.displayName),
    index('users_display_name_nocase_idx').on(sql`lower(${t.displayName})`, t.id),
    index('users_employee_id_idx').on(t.employeeId),
    index('users_folded_name_idx')
      .on(t.foldedName)
      .where(sql`${t.foldedName} IS NOT NULL`),
  ],
);

/** Groups double as stores: managers are scoped to the groups they belong to. */
export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    displayName: text('display_name').notNull(),
    /** IANA time zone for time-window rules (conditional access). */
    timeZone: text('time_zone'),
    /** The language a kiosk of this store starts in when the kiosk has none of its own; null: the phone's. */
    kioskLanguage: text('kiosk_language', { enum: KIOSK_LANGUAGES }),
    /** The provisioning client's own id for the group (SCIM `externalId`); null: none. */
    externalId: text('external_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('groups_external_id_unique')
      .on(t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
  ],
);

export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_idx').on(t.userId)],
);

/** At most one QR-code + PIN method per user: the PIN and the lockout state live here. */
export const qrPinMethods = sqliteTable('qr_pin_methods', {
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  pinHash: text('pin_hash').notNull(),
  pinLength: integer('pin_length').notNull(),
  forceChangePinNextSignIn: integer('force_change_pin', { mode: 'boolean' }).notNull(),
  pinUpdatedAt: integer('pin_updated_at', { mode: 'timestamp_ms' }).notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  /** Failures since the last success; at the policy's hard limit the method stays locked until unlocked. */
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  /** Lockouts since the last success: the exponent of the growing lockout delay. */
  lockoutCount: integer('lockout_count').notNull().default(0),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const qrCodes = sqliteTable(
  'qr_codes',
  {
    /** Public code id, carried in the badge payload (base32, not secret). */
    id: text('id').primaryKey(),
    methodId: text('method_id')
      .notNull()
      .references(() => qrPinMethods.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['standard', 'temporary'] }).notNull(),
    secretHash: text('secret_hash').notNull(),
    /**
     * The badge's short code (typed fallback) as HMAC-SHA256 under a server-key subkey, hex; looked up
     * by that value, hence unique. Null for codes issued before short codes existed.
     */
    shortCodeHash: text('short_code_hash'),
    startDateTime: integer('start_at', { mode: 'timestamp_ms' }).notNull(),
    expireDateTime: integer('expire_at', { mode: 'timestamp_ms' }).notNull(),
    createdDateTime: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedDateTime: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('qr_codes_method_idx').on(t.methodId),
    index('qr_codes_expire_idx').on(t.expireDateTime),
    uniqueIndex('qr_codes_short_code_unique').on(t.shortCodeHash),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['kiosk', 'console'] }).notNull(),
    authMethod: text('auth_method', { enum: ['qr_pin', 'password', 'setup'] }).notNull(),
    mustChangePin: integer('must_change_pin', { mode: 'boolean' }).notNull().default(false),
    deviceId: text('device_id'),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    /** Console sessions: when the password and second factor were last given (sign-in or re-authentication). */
    reauthenticatedAt: integer('reauthenticated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A console user's TOTP authenticator. The seed is sealed (AES-256-GCM), never stored in the clear. */
export const totpCredentials = sqliteTable('totp_credentials', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  /** The time step of the last accepted code: that code and every older one are refused (no replay). */
  lastUsedStep: integer('last_used_step'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Single-use console recovery codes, as HMAC-SHA256 of (user id, code) under a server-key subkey. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_unique').on(t.userId, t.codeHash)],
);

/**
 * Console sign-ins between the password and the second factor: a short-lived, single-use challenge
 * (only its SHA-256 is kept), not a session. Deleted when used or replaced, swept when expired.
 */
export const consoleChallenges = sqliteTable(
  'console_challenges',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    next: text('next', { enum: ['totp', 'enroll-totp'] }).notNull(),
    /** The TOTP seed being enrolled, sealed; moves to totp_credentials when the first code confirms it. */
    pendingSecretSealed: text('pending_secret_sealed'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('console_challenges_expires_idx').on(t.expiresAt)],
);

/**
 * Failed console sign-ins (wrong passwords and wrong codes) per typed username, under a keyed hash of
 * the name, with the same counters and rules as a PIN method's lockout.
 */
export const consoleLockouts = sqliteTable('console_lockouts', {
  accountKey: text('account_key').primaryKey(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  lockoutCount: integer('lockout_count').notNull().default(0),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
  /** The last counted failure: a name no console account has is forgotten after a long quiet spell. */
  lastFailedAt: integer('last_failed_at', { mode: 'timestamp_ms' }),
});

export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  /** What the token may do (domain/api-token-scopes.ts); tokens made before scopes existed hold admin.full. */
  scopes: text('scopes', { mode: 'json' })
    .$type<ApiTokenScope[]>()
    .notNull()
    .default(sql`'["admin.full"]'`),
});

/**
 * One-time links that let a manager or admin choose a console password (first access, or a reset after
 * a lost authenticator). Only the SHA-256 of the link's token is kept; one open invitation per user.
 */
export const consoleInvitations = sqliteTable(
  'console_invitations',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: text('created_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('console_invitations_expires_idx').on(t.expiresAt)],
);

/** One-time first-run links; only the hash of the link's token is kept. */
export const setupTokens = sqliteTable('setup_tokens', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

/** Named policies and settings (the QR-code method policy, session settings), stored as JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Counters for throttling by device or network address, shared by every API process. */
export const throttles = sqliteTable('throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
  blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
});

/** Kiosk-mode devices: a browser profile holding a non-extractable key a manager enrolled. */
export const devices = sqliteTable(
  'devices',
  {
    id: text('id').primaryKey(),
    displayName: text('display_name').notNull(),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
    /** The device's public ECDSA P-256 key as a JWK (kty, crv, x, y only). */
    publicKeyJwk: text('public_key_jwk', { mode: 'json' }).notNull(),
    /** RFC 7638 SHA-256 thumbprint of the public key, base64url. */
    keyThumbprint: text('key_thumbprint').notNull().unique(),
    status: text('status', { enum: DEVICE_STATUSES }).notNull(),
    enrolledByUserId: text('enrolled_by_user_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
    /** The PWA version the device last reported (enrolment, attestation refresh, sign-in). */
    appVersion: text('app_version'),
    /** When the newest attestation issued to the device expires / was issued. */
    attestationIssuedAt: integer('attestation_issued_at', { mode: 'timestamp_ms' }),
    attestationExpiresAt: integer('attestation_expires_at', { mode: 'timestamp_ms' }),
    /**
     * The latest verdict of an external compliance source (an MDM webhook):
     * `{ compliant, reasons, source, reportedAt }`; null when none has reported.
     */
    externalCompliance: text('external_compliance', { mode: 'json' }),
    statusChangedAt: integer('status_changed_at', { mode: 'timestamp_ms' }),
    statusChangedByUserId: text('status_changed_by_user_id'),
  },
  (t) => [
    index('devices_group_idx').on(t.groupId, t.displayName),
    index('devices_name_idx').on(t.displayName, t.id),
  ],
);

/** Single-use server nonces (device enrolment and proofs); only the hash is stored. */
export const nonces = sqliteTable(
  'nonces',
  {
    nonceHash: text('nonce_hash').primaryKey(),
    purpose: text('purpose').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('nonces_expires_idx').on(t.expiresAt)],
);

/**
 * Step-up by a manager (features/step-up): a worker whose badge + PIN were right but whose sign-in
 * needs a second factor gets a short-lived, single-use co-sign challenge (only its SHA-256 is kept),
 * bound to the worker's badge and the kiosk (or, for a store app's sign-in, to the worker's kiosk
 * session). A manager of one of the worker's stores completes it with their own badge + PIN. A used
 * challenge keeps the session and who co-signed: an app sign-in through that session reads it to know
 * a manager confirmed it.
 */
export const stepUpChallenges = sqliteTable(
  'step_up_challenges',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /**
     * The worker's method and code the badge + PIN were checked against (a badge replaced since does
     * not count); null for a challenge that steps up a kiosk session (`sessionId` set when issued).
     */
    methodId: text('method_id'),
    codeId: text('code_id'),
    /** The enrolled kiosk the worker signed in on; null on a phone without device binding. */
    deviceId: text('device_id'),
    /** How the worker's badge was given (scanned or typed), for their sign-in log row. */
    via: text('via', { enum: ['qr', 'shortCode'] }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    /**
     * The worker's session: the one a sign-in's challenge made once used, or, set when issued, the
     * signed-in kiosk session a store app's sign-in asked a second factor of (step-up of a session).
     */
    sessionId: text('session_id'),
    coSignedByUserId: text('co_signed_by_user_id'),
  },
  (t) => [
    index('step_up_challenges_expires_idx').on(t.expiresAt),
    index('step_up_challenges_session_idx').on(t.sessionId),
  ],
);

/** Conditional-access policies (server/domain/conditional-access.ts); conditions as JSON. */
export const conditionalAccessPolicies = sqliteTable('conditional_access_policies', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull().unique(),
  state: text('state', { enum: POLICY_STATES }).notNull(),
  grant: text('grant', { enum: GRANTS }).notNull(),
  conditions: text('conditions', { mode: 'json' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Named network locations (IPv4/IPv6 CIDR lists), optionally one store's network. */
export const namedLocations = sqliteTable('named_locations', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull().unique(),
  cidrs: text('cidrs', { mode: 'json' }).notNull(),
  groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const auditLogs = sqliteTable(
  'audit_logs',
  {
    id: text('id').primaryKey(),
    activityDateTime: integer('activity_at', { mode: 'timestamp_ms' }).notNull(),
    actorType: text('actor_type', { enum: ['user', 'api_token', 'system'] }).notNull(),
    actorId: text('actor_id'),
    activity: text('activity').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Before/after values; never secrets. */
    details: text('details', { mode: 'json' }),
  },
  (t) => [
    index('audit_logs_time_idx').on(t.activityDateTime, t.id),
    index('audit_logs_actor_idx').on(t.actorId, t.activityDateTime),
    index('audit_logs_target_idx').on(t.targetId, t.activityDateTime),
  ],
);

export const signInLogs = sqliteTable(
  'sign_in_logs',
  {
    id: text('id').primaryKey(),
    createdDateTime: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    result: text('result', { enum: ['success', 'failure'] }).notNull(),
    failureCode: text('failure_code'),
    authMethod: text('auth_method').notNull(),
    userId: text('user_id'),
    codeId: text('code_id'),
    deviceId: text('device_id'),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /** Conditional-access verdicts and other context; never secrets. */
    details: text('details', { mode: 'json' }),
  },
  (t) => [
    // Newest-first pages walk (time, id); user, result and failure code ride along so the filters on
    // them and the dashboard's hourly counts read the index alone (docs/database-indexes.md).
    index('sign_in_logs_time_idx').on(t.createdDateTime, t.id, t.userId, t.result, t.failureCode),
    index('sign_in_logs_user_idx').on(t.userId, t.createdDateTime),
    index('sign_in_logs_device_idx').on(t.deviceId, t.createdDateTime),
    index('sign_in_logs_code_idx').on(t.codeId),
  ],
);

/**
 * What the OpenID provider (oidc-provider) stores, one row per item of one of its models: Session,
 * Interaction, Grant, AuthorizationCode, AccessToken, RefreshToken, … (server/features/oidc). Kept in the
 * database, not in memory, so several API processes behave as one provider.
 */
export const oidcModels = sqliteTable(
  'oidc_models',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    consumedAt: integer('consumed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('oidc_models_grant_idx').on(t.grantId),
    index('oidc_models_uid_idx').on(t.uid),
    index('oidc_models_expires_idx').on(t.expiresAt),
  ],
);

/**
 * The provider's signing keys. The private JWK is sealed with a subkey of the server key; a key that a
 * newer one replaced keeps verifying (it stays in JWKS) until `removeAfter`, when every token it
 * signed has expired.
 */
export const oidcSigningKeys = sqliteTable('oidc_signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  privateJwkSealed: text('private_jwk_sealed').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  supersededAt: integer('superseded_at', { mode: 'timestamp_ms' }),
  removeAfter: integer('remove_after', { mode: 'timestamp_ms' }),
});

/**
 * Store apps that sign workers in through Shiftpass (OpenID Connect clients). The id is the client_id.
 * A confidential app's secret is sealed with a subkey of the server key (the provider must compare it,
 * so a one-way hash will not do); `jwks` holds a `private_key_jwt` app's public keys.
 */
export const apps = sqliteTable('apps', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull().unique(),
  clientType: text('client_type', { enum: ['public', 'confidential'] }).notNull(),
  tokenEndpointAuthMethod: text('token_endpoint_auth_method', {
    enum: ['none', 'client_secret_basic', 'private_key_jwt'],
  }).notNull(),
  clientSecretSealed: text('client_secret_sealed'),
  jwks: text('jwks', { mode: 'json' }),
  redirectUris: text('redirect_uris', { mode: 'json' }).notNull(),
  postLogoutRedirectUris: text('post_logout_redirect_uris', { mode: 'json' }).notNull(),
  backchannelLogoutUri: text('backchannel_logout_uri'),
  /** Where the kiosk home opens the app (its sign-in start, OIDC `initiate_login_uri`). */
  homeUrl: text('home_url'),
  /** Stores whose workers see the app on the kiosk home; empty: every store. */
  groupIds: text('group_ids', { mode: 'json' }).notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Which kiosk session a provider (oidc-provider) session was signed in through: the provider's session
 * uid, written when the kiosk completes an app's sign-in. Shared-device sign-out follows these links
 * from the kiosk session to the provider sessions (and so to the apps) it must end.
 */
export const oidcSessionLinks = sqliteTable(
  'oidc_session_links',
  {
    providerSessionUid: text('provider_session_uid').primaryKey(),
    kioskSessionId: text('kiosk_session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('oidc_session_links_kiosk_session_idx').on(t.kioskSessionId)],
);

/**
 * Back-channel logouts to send (OpenID Back-Channel Logout 1.0): one row per app and provider session
 * id (`sid`) whose kiosk session ended, written in the sign-out's own request (an outbox) and sent by a
 * background deliverer (features/oidc/logout-deliverer.ts) with retries and backoff. `nextAttemptAt`
 * null: no more attempts (delivered, given up, or the app is gone). `lastAnswer`: the app's HTTP
 * status, or a short word (`timeout`, `unreachable`, `app_gone`). Never holds a token.
 */
export const oidcLogoutDeliveries = sqliteTable(
  'oidc_logout_deliveries',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    sid: text('sid').notNull(),
    /** The user the app was told about (the logout token's `sub`); no foreign key: kept after deletion. */
    sub: text('sub').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastAttemptAt: integer('last_attempt_at', { mode: 'timestamp_ms' }),
    lastAnswer: text('last_answer'),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('oidc_logout_deliveries_app_sid_idx').on(t.appId, t.sid),
    index('oidc_logout_deliveries_next_idx').on(t.nextAttemptAt),
    index('oidc_logout_deliveries_app_created_idx').on(t.appId, t.createdAt),
  ],
);

/**
 * A worker's forgotten-PIN reset with a manager (features/forgot-pin/, docs/security.md): opened by the
 * kiosk for a scanned badge, bound to that kiosk by a random request secret of which only the SHA-256
 * is kept; approved by a manager on the phone or in the console within 10 minutes; then the worker
 * chooses the new PIN. Rows also count the hourly limits per badge and per manager.
 */
export const pinResetRequests = sqliteTable(
  'pin_reset_requests',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The badge (QR code) the request was opened with. */
    codeId: text('code_id').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    status: text('status', { enum: PIN_RESET_STATUSES }).notNull(),
    /** The enrolled kiosk that opened it, when it is one. */
    deviceId: text('device_id'),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    approvedByUserId: text('approved_by_user_id'),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    /** Where it was approved: on the phone (`kiosk`) or in the console. */
    approvedVia: text('approved_via', { enum: ['kiosk', 'console'] }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('pin_reset_requests_user_idx').on(t.userId, t.createdAt),
    index('pin_reset_requests_code_idx').on(t.codeId, t.createdAt),
    index('pin_reset_requests_approver_idx').on(t.approvedByUserId, t.approvedAt),
    index('pin_reset_requests_created_idx').on(t.createdAt),
  ],
);
