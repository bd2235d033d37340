/**
 * Serves the provider inside Shiftpass's own HTTP server: a Node `(req, res)` handler for `/oidc` and
 * `/oidc/*` that the entries route to (scripts/start.js next to SvelteKit, server/index.ts next to
 * the API). It makes sure signing keys exist, builds the provider, and rebuilds it when the published
 * key set changes (a rotation by `npm run oidc:rotate-keys` or another process), checked every few
 * minutes with one small query; all provider state is in the database, so a rebuild loses nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { ServiceDeps } from '../../core/deps.js';
import { anyCidrContains, parseIpAddress, unmapIpv4, type CidrRange } from '../../domain/ip-address.js';
import { createOidcProvider, OIDC_MOUNT_PATH } from './provider.js';
import { ensureSigningKeys, loadSigningKeys } from './signing-keys.js';
import { endOidcSessionsFor } from './global-sign-out.js';
import { startLogoutDeliverer, type LogoutDeliverer } from './logout-deliverer.js';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface OidcHost {
  issuer: string;
  /** Whether a request path (with its query) belongs to the provider. */
  handles(url: string): boolean;
  /** The Node handler for requests that `handles`. */
  callback: NodeHandler;
  /** The current provider instance (it changes when the signing keys do). */
  provider(): Provider;
  /** Rebuilds the provider if the published signing keys changed; true when it did. */
  reloadKeysIfChanged(): Promise<boolean>;
  /**
   * Shared-device global sign-out for kiosk sessions that just ended (global-sign-out.ts); the runtime
   * hands it to the sessions service (`ServiceDeps.onSessionsEnded`). Never throws: a failure is
   * logged, and the deliverer's sweep finishes the job.
   */
  endSessionsFor(kioskSessionIds: string[]): Promise<void>;
  /** The background sender of back-channel logouts (logout-deliverer.ts). */
  logoutDeliverer: LogoutDeliverer;
  close(): void;
}

export interface OidcHostOptions {
  /** The public origin (PUBLIC_ORIGIN, or http(s)://localhost:PORT); the issuer adds /oidc. */
  origin: string;
  trustedProxies: readonly CidrRange[];
  logError: (error: unknown) => void;
  /** How often to look for rotated keys; 0 turns the check off (tests). Default 5 minutes. */
  keyReloadIntervalMs?: number;
  /** How often the logout deliverer runs; 0: only when `logoutDeliverer.tick()` is called. Default 5 s. */
  logoutDeliveryIntervalMs?: number;
}

const DEFAULT_KEY_RELOAD_MS = 5 * 60 * 1000;
const FORWARDED_HEADERS = ['x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-for', 'x-forwarded-port'];

export const issuerFor = (origin: string): string => `${origin.replace(/\/+$/, '')}${OIDC_MOUNT_PATH}`;

export const isOidcPath = (url: string): boolean =>
  url === OIDC_MOUNT_PATH || url.startsWith(`${OIDC_MOUNT_PATH}/`) || url.startsWith(`${OIDC_MOUNT_PATH}?`);

export async function startOidcHost(deps: ServiceDeps, options: OidcHostOptions): Promise<OidcHost> {
  const issuer = issuerFor(options.origin);
  const proxy = options.trustedProxies.length > 0;
  await ensureSigningKeys(deps);
  let keys = await loadSigningKeys(deps);
  const build = () =>
    createOidcProvider(deps, { issuer, keys: keys.keys, proxy, logError: options.logError });
  let provider = build();
  let callback = provider.callback();

  const fromTrustedProxy = (req: IncomingMessage): boolean => {
    const address = req.socket.remoteAddress ? parseIpAddress(req.socket.remoteAddress) : null;
    return address !== null && anyCidrContains(options.trustedProxies, unmapIpv4(address));
  };

  const handler: NodeHandler = (req, res) => {
    // Koa believes X-Forwarded-* whenever `proxy` is on; only a trusted proxy may send them.
    if (!proxy || !fromTrustedProxy(req)) for (const name of FORWARDED_HEADERS) delete req.headers[name];
    const url = req.url ?? '/';
    const rest = url.slice(OIDC_MOUNT_PATH.length);
    // oidc-provider finds its mount path from originalUrl (as under Express's app.use('/oidc', …)).
    Object.assign(req, { originalUrl: url });
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    callback(req, res);
  };

  const reloadKeysIfChanged = async () => {
    const latest = await loadSigningKeys(deps);
    if (latest.version === keys.version) return false;
    keys = latest;
    provider = build();
    callback = provider.callback();
    return true;
  };

  const interval = options.keyReloadIntervalMs ?? DEFAULT_KEY_RELOAD_MS;
  const timer =
    interval > 0
      ? setInterval(() => reloadKeysIfChanged().catch(options.logError), interval).unref()
      : undefined;

  const logoutDeliverer = startLogoutDeliverer(deps, () => provider, {
    intervalMs: options.logoutDeliveryIntervalMs,
    logError: options.logError,
  });

  return {
    issuer,
    handles: isOidcPath,
    callback: handler,
    provider: () => provider,
    reloadKeysIfChanged,
    endSessionsFor: (kioskSessionIds) =>
      endOidcSessionsFor(deps, provider, { kioskSessionIds }).catch(options.logError),
    logoutDeliverer,
    close: () => {
      clearInterval(timer);
      logoutDeliverer.stop();
    },
  };
}
