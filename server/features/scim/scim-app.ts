/**
 * createScimApp(deps): the SCIM 2.0 service provider (RFC 7643/7644) as a Hono app of its own,
 * served at /scim/v2 beside /api by every entry (scripts/start.js through src/hooks.server.ts,
 * server/index.ts, vite dev through the hooks, the API test harness), through `serveHttp` in
 * server/runtime.ts. It shares the admin API's security headers, client address and body limit,
 * but no session and no same-origin rule (a server-to-server API, bearer tokens only), and it
 * answers every failure as a SCIM error (scim-errors.ts), never the admin API's envelope.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { SCIM_BASE_PATH, SCIM_MAX_BODY_BYTES } from '../../contracts/scim.js';
import type { ServiceDeps } from '../../core/deps.js';
import { limitBody } from '../../http/middleware/body-limit.js';
import { resolveClientAddress } from '../../http/middleware/client-address.js';
import { keepJsonText } from '../../http/middleware/json-text.js';
import { apiSecurityHeaders } from '../../http/middleware/security-headers.js';
import { isBodyTooLarge } from '../../http/request.js';
import { scimDiscoveryRoutes } from './discovery.js';
import { requireScimToken, type ScimEnv } from './scim-auth.js';
import { asScimError, ScimError } from './scim-errors.js';
import { scimErrorResponse } from './scim-http.js';
import { scimUserRoutes } from './users-resource.js';
import { scimGroupRoutes } from './groups-routes.js';

export interface ScimAppOptions {
  /** Where unexpected errors go (never given request bodies). */
  logError?: (error: unknown) => void;
}

/** Whether a request path is SCIM's: /scim/v2 or below (after dot segments are resolved). */
export const isScimPath = (pathname: string): boolean =>
  pathname === SCIM_BASE_PATH || pathname.startsWith(`${SCIM_BASE_PATH}/`);

export function createScimApp(deps: ServiceDeps, options: ScimAppOptions = {}) {
  const logError =
    options.logError ?? ((error: unknown) => console.error('shiftpass: unexpected SCIM error', error));
  const app = new Hono<ScimEnv>().basePath(SCIM_BASE_PATH);
  app.use(keepJsonText());
  app.use(apiSecurityHeaders());
  // The admin API's middleware is typed for its own environment; these two only read the request
  // and set `clientAddress`, which ScimEnv has too.
  app.use(resolveClientAddress(deps.settings.trustedProxies) as never);
  app.use(limitBody(SCIM_MAX_BODY_BYTES));
  app.use(requireScimToken(deps));

  // Each resource type's routes (resource-types.ts lists them for discovery).
  app.route('/', scimDiscoveryRoutes(deps));
  app.route('/Users', scimUserRoutes(deps));
  app.route('/Groups', scimGroupRoutes(deps));

  app.notFound((c) => scimErrorResponse(c, new ScimError(404, null, 'No such SCIM endpoint.')));
  app.onError((error, c) => {
    const scimError = asScimError(error);
    if (scimError) return scimErrorResponse(c, scimError);
    if (isBodyTooLarge(error) || (error instanceof HTTPException && error.status === 413)) {
      return scimErrorResponse(c, new ScimError(413, null, 'The request body is too large.'));
    }
    if (error instanceof HTTPException && error.status < 500) {
      return scimErrorResponse(c, new ScimError(error.status, 'invalidSyntax', 'The request is not valid.'));
    }
    logError(error);
    return scimErrorResponse(c, new ScimError(500, null, 'Something went wrong on the server.'));
  });
  return app;
}

export type ScimApp = ReturnType<typeof createScimApp>;
