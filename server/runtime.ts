/**
 * Boots Shiftpass once per process: config → server key → database (+ migrations) → services →
 * console sign-in policy (stored once, if absent) → first-run admin → OpenID provider (signing keys
 * on first start) → Hono app. Used by the SvelteKit server and by the standalone API entry; both
 * route /oidc to `runtime.oidc.callback`.
 */
import { createApp } from './app.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { openDatabase, type OpenDatabase } from './db/client.js';
import { createRepositories } from './core/repositories.js';
import { openPreparedReads } from './db/prepared-reads.js';
import { systemClock, type Clock } from './domain/clock.js';
import { generatePin, MIN_PIN_LENGTH } from './domain/pin-rules.js';
import { hmacSha256, randomDigit } from './platform/crypto.js';
import { createConsoleSecrets } from './platform/console-secrets.js';
import { createOidcSecrets } from './platform/oidc-secrets.js';
import { createWebhookSecrets } from './features/webhooks/webhook-secrets.js';
import { systemWebhookNetwork, type WebhookNetwork } from './features/webhooks/webhook-network.js';
import { startWebhookDeliverer, type WebhookDeliverer } from './features/webhooks/deliverer.js';
import { createAttestationSigner } from './platform/device-tokens.js';
import { createArgon2Hasher, type Argon2Parameters } from './platform/password-hasher.js';
import { scheduleHasher } from './platform/hash-scheduler.js';
import { loadServerKeyRing } from './platform/server-key.js';
import { createShortCodes } from './platform/short-codes.js';
import { bootstrapFirstAdmin, type BootstrapOutcome } from './features/setup/bootstrap.js';
import { setupLinkLines } from './features/setup/start-banner.js';
import { storeConsoleSignInPolicyIfAbsent } from './features/policies/policies.js';
import { startOidcHost, type OidcHost } from './features/oidc/oidc-host.js';
import { deriveIssuerId, issuerIdOf } from './features/server-key/key-rotation.js';
import { startRetentionSweeper, type RetentionSweeper } from './features/logs/retention-sweep.js';
import type { ServiceDeps } from './core/deps.js';

export interface Runtime {
  config: Config;
  deps: ServiceDeps;
  app: ReturnType<typeof createApp>;
  database: OpenDatabase;
  bootstrap: BootstrapOutcome;
  /** The OpenID provider: a Node handler for /oidc and /oidc/* (server/features/oidc/oidc-host.ts). */
  oidc: OidcHost;
  /** The background sweep of logs past retention and stale throttle/lockout rows (features/logs/retention-sweep.ts). */
  retention: RetentionSweeper;
  /** The background sender of the webhook outbox (features/webhooks/deliverer.ts). */
  webhooks: WebhookDeliverer;
  close(): void;
}

export interface RuntimeOptions {
  clock?: Clock;
  argon2?: Argon2Parameters;
  migrationsDir?: string;
  /** How often the provider looks for rotated signing keys (ms); 0: never. Default 5 minutes. */
  oidcKeyReloadIntervalMs?: number;
  /** How often back-channel logouts are sent (ms); 0: only on `runtime.oidc.logoutDeliverer.tick()`. Default 5 s. */
  oidcLogoutDeliveryIntervalMs?: number;
  /** How often old logs and stale counters are swept (ms); 0: only on `runtime.retention.tick()`. Default 10 minutes. */
  retentionSweepIntervalMs?: number;
  logError?: (error: unknown) => void;
  /** How webhook hosts are resolved and which extra CAs are trusted (tests: a local receiver). */
  webhookNetwork?: WebhookNetwork;
  /** How often due webhooks are sent (ms); 0: only on `runtime.webhooks.tick()`. Default 2 s. */
  webhookDeliveryIntervalMs?: number;
}

/** The address people use: PUBLIC_ORIGIN, or this machine on the configured port. */
export function publicOriginOf(config: Config): string {
  const scheme = config.tls ? 'https' : 'http';
  return config.publicOrigin ?? `${scheme}://localhost:${config.port}`;
}

/**
 * The origin of links handed to people (console invitations, the Apps page's discovery URL): from
 * configuration only, never from a request's Host header. PUBLIC_ORIGIN, or this machine over plain
 * HTTP (a browser keeps the console's Secure cookie over plain HTTP only on localhost, so that is where
 * the console is used). Serving TLS without PUBLIC_ORIGIN, the name people use is unknown: undefined.
 */
export function linkOriginOf(config: Config): string | undefined {
  return config.publicOrigin ?? (config.tls ? undefined : publicOriginOf(config));
}

/** Stable per installation, so badges keep working across restarts, API nodes and key rotations. */
export { deriveIssuerId };

export async function startRuntime(
  env: Record<string, string | undefined>,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const config = parseConfig(env);
  // The previous key (after a rotation) only checks what it made: verifiers, hashes, sealed values, attestations.
  const { ring } = loadServerKeyRing(config.secretKey);
  const { current: key, previous } = ring;
  let database: OpenDatabase;
  try {
    database = await openDatabase(config.databaseUrl, {
      authToken: config.databaseAuthToken,
      migrationsDir: options.migrationsDir ?? env.MIGRATIONS_DIR,
    });
  } catch (error) {
    // The URL's query may hold credentials: name only what comes before it.
    const where = config.databaseUrl.split('?')[0];
    throw new ConfigError(`cannot open the database ${where}: ${(error as Error).message.split('\n')[0]}`);
  }
  const pepperOf = (serverKey: Buffer) => hmacSha256(serverKey, 'shiftpass pin pepper');
  const shortCodeKeyOf = (serverKey: Buffer) => hmacSha256(serverKey, 'shiftpass short code key');
  // Checks queue in front of argon2 (clean badges first, one per badge at a time), not in libuv's pool.
  const hasher = scheduleHasher(
    createArgon2Hasher(
      pepperOf(key),
      options.argon2,
      previous && { kid: previous.kid, pepper: pepperOf(previous.key) },
    ),
  );
  const reads = openPreparedReads(config.databaseUrl, database.client);
  const repos = createRepositories(database.db, reads);
  const deps: ServiceDeps = {
    repos,
    clock: options.clock ?? systemClock,
    hasher,
    shortCodes: createShortCodes(
      shortCodeKeyOf(key),
      previous && { kid: previous.kid, key: shortCodeKeyOf(previous.key) },
    ),
    consoleSecrets: createConsoleSecrets(key, previous?.key),
    oidcSecrets: createOidcSecrets(key, previous?.key),
    webhookSecrets: createWebhookSecrets(key, previous?.key),
    webhookNetwork: options.webhookNetwork ?? systemWebhookNetwork,
    deviceTokens: await createAttestationSigner(key, previous?.key),
    settings: {
      issuerId: await issuerIdOf(config.issuerId, repos.settings, key),
      publicOrigin: config.publicOrigin,
      linkOrigin: linkOriginOf(config),
      trustedProxies: config.trustedProxies,
      ipv6ClientPrefix: config.ipv6ClientPrefix,
      webhookAllowList: config.webhookAllowList,
    },
    decoyPinHash: await hasher.hash(generatePin(MIN_PIN_LENGTH, randomDigit)),
  };
  // Before the app serves: the console's lockout is a stored document from the first request on.
  await storeConsoleSignInPolicyIfAbsent(deps);
  const bootstrap = await bootstrapFirstAdmin(deps, config.bootstrap);
  const logError =
    options.logError ?? ((error: unknown) => console.error('shiftpass: unexpected error', error));
  const oidc = await startOidcHost(deps, {
    origin: publicOriginOf(config),
    trustedProxies: config.trustedProxies,
    logError,
    keyReloadIntervalMs: options.oidcKeyReloadIntervalMs,
    logoutDeliveryIntervalMs: options.oidcLogoutDeliveryIntervalMs,
  });
  // Every way a session ends reaches the store apps signed in through it (shared-device sign-out).
  deps.onSessionsEnded = oidc.endSessionsFor;
  const retention = startRetentionSweeper(deps, { intervalMs: options.retentionSweepIntervalMs, logError });
  const webhooks = startWebhookDeliverer(deps, { intervalMs: options.webhookDeliveryIntervalMs, logError });
  return {
    config,
    deps,
    app: createApp(deps, { logError, oidcProvider: oidc.provider }),
    database,
    bootstrap,
    oidc,
    retention,
    webhooks,
    close: () => {
      retention.stop();
      webhooks.stop();
      oidc.close();
      reads.close();
      database.close();
    },
  };
}

/** The lines printed at start-up about the first admin; never contains a password or token. */
export function describeBootstrap(runtime: Runtime): string[] {
  const origin = publicOriginOf(runtime.config);
  const b = runtime.bootstrap;
  const lines: string[] = [];
  if (b.kind === 'bootstrapped') {
    if (b.adminUsername)
      lines.push(`Created the first admin "${b.adminUsername}" from BOOTSTRAP_ADMIN_USERNAME.`);
    if (b.apiTokenExpiresAt)
      lines.push(
        `BOOTSTRAP_API_TOKEN is now an admin API token with full access until ${b.apiTokenExpiresAt.toISOString()}: send it as "Authorization: Bearer …".`,
      );
  }
  const setupToken = b.kind === 'setup_link' || b.kind === 'bootstrapped' ? b.setupToken : undefined;
  if (setupToken) {
    lines.push(...setupLinkLines(origin, setupToken));
  }
  if (b.kind === 'admin_exists' && b.ignoredApiToken) {
    lines.push('BOOTSTRAP_API_TOKEN was ignored: an admin already exists (it only applies on first start).');
  }
  lines.push(`Kiosk: ${origin}/   API: ${origin}/api   OpenID issuer: ${runtime.oidc.issuer}`);
  return lines;
}
