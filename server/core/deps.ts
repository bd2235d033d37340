/** Everything a service needs, passed as one object so tests can hand in fakes or a fresh database. */
import type { Repositories } from './repositories.js';
import type { Clock } from '../domain/clock.js';
import type { Role } from '../domain/roles.js';
import type { ApiTokenScope } from '../domain/api-token-scopes.js';
import type { CidrRange } from '../domain/ip-address.js';
import type { WebhookAllowList } from '../domain/webhook-address.js';
import type { ConsoleSecrets } from '../platform/console-secrets.js';
import type { OidcSecrets } from '../platform/oidc-secrets.js';
import type { AttestationSigner } from '../platform/device-tokens.js';
import type { PasswordHasher } from '../platform/password-hasher.js';
import type { ShortCodes } from '../platform/short-codes.js';
import type { WebhookSecrets } from '../features/webhooks/webhook-secrets.js';
import type { WebhookNetwork } from '../features/webhooks/webhook-network.js';

/** Fixed for the life of the process; everything an admin can change lives in the database (policies). */
export interface ServiceSettings {
  /** Names this installation in every badge it issues. */
  issuerId: string;
  /** The address people use (PUBLIC_ORIGIN), if configured; state-changing browser requests must come from it. */
  publicOrigin: string | undefined;
  /**
   * Where links handed to people point (server/runtime.ts linkOriginOf); undefined when this server
   * does not know the name people use, and such links are refused.
   */
  linkOrigin: string | undefined;
  /** Proxies whose X-Forwarded-For entries are believed (TRUSTED_PROXIES); empty: the socket address is the client. */
  trustedProxies: readonly CidrRange[];
  /** IPv6 clients are budgeted by their network of this many bits (IPV6_CLIENT_PREFIX, default 64). */
  ipv6ClientPrefix: number;
  /** Private hosts and ranges webhooks may reach (SHIFTPASS_WEBHOOK_ALLOWED_HOSTS); public ones always. */
  webhookAllowList: WebhookAllowList;
}

export interface ServiceDeps {
  repos: Repositories;
  clock: Clock;
  hasher: PasswordHasher;
  /** Badge short codes: new ones, and the keyed hash under which they are stored and looked up. */
  shortCodes: ShortCodes;
  /** Console second factor: TOTP seeds sealed at rest, recovery-code and account keyed hashes. */
  consoleSecrets: ConsoleSecrets;
  /** Signs and verifies kiosk device attestations (Ed25519 key derived from the server key). */
  deviceTokens: AttestationSigner;
  /** The OpenID provider's secrets at rest: app client secrets, signing keys, cookie keys. */
  oidcSecrets: OidcSecrets;
  /** Webhook endpoints' signing secrets, sealed at rest (features/webhooks/webhook-secrets.ts). */
  webhookSecrets: WebhookSecrets;
  /** How webhook hosts are resolved and which CAs their certificates may chain to (tests inject both). */
  webhookNetwork: WebhookNetwork;
  settings: ServiceSettings;
  /** A verifier of a random PIN, checked when there is no real one so every failure costs one hash. */
  decoyPinHash: string;
  /**
   * Called with the ids of sessions that just ended (features/sessions `sessionsEnded`). The runtime
   * sets it to the OpenID provider's global sign-out (features/oidc/global-sign-out.ts), so sessions
   * need not import the provider; it never throws (failures are logged and swept up later).
   */
  onSessionsEnded?: (sessionIds: string[]) => Promise<void>;
}

/**
 * Who is acting: a signed-in person or an API token (always on behalf of its owner, and only inside
 * the token's scopes).
 */
export type Actor =
  | { type: 'user'; userId: string; role: Role; sessionId: string }
  | { type: 'api_token'; userId: string; role: Role; tokenId: string; scopes: readonly ApiTokenScope[] };
