/**
 * createApp(deps): the whole HTTP API as a plain Hono object. It is served under /api by the
 * SvelteKit server (src/hooks.server.ts) and by the standalone API entry (server/index.ts).
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './contracts/errors.js';
import { errorBodyIn, say } from './contracts/error-words.js';
import { errorLanguageOf } from './http/error-language.js';
import { limitBody } from './http/middleware/body-limit.js';
import { keepJsonText } from './http/middleware/json-text.js';
import { resolveClientAddress } from './http/middleware/client-address.js';
import { requireSameOrigin } from './http/middleware/same-origin.js';
import { apiSecurityHeaders } from './http/middleware/security-headers.js';
import { loadSession } from './http/middleware/session.js';
import { adminAppRoutes } from './features/apps/routes.js';
import { adminApiTokenRoutes } from './features/api-tokens/routes.js';
import { adminDeviceRoutes } from './features/devices/admin-routes.js';
import { adminConditionalAccessRoutes } from './features/conditional-access/routes.js';
import { adminGroupRoutes } from './features/people/groups-routes.js';
import { adminKioskRoutes, kioskConfigRoutes } from './features/policies/kiosk-routes.js';
import { adminLogRoutes } from './features/logs/routes.js';
import { adminPolicyRoutes } from './features/policies/routes.js';
import { adminReportRoutes } from './features/logs/reports-routes.js';
import { adminUserRoutes, USER_IMPORT_PATH } from './features/people/users-routes.js';
import { adminBadgeRoutes } from './features/badges/routes.js';
import { adminConsoleAccessRoutes } from './features/console-auth/admin-routes.js';
import { authRoutes } from './features/sign-in/routes.js';
import { adminPinResetRoutes, forgotPinRoutes } from './features/forgot-pin/routes.js';
import { consoleAuthRoutes } from './features/console-auth/routes.js';
import { deviceRoutes, managerDeviceRoutes } from './features/devices/routes.js';
import type { AppEnv } from './http/env.js';
import { isBodyTooLarge } from './http/request.js';
import { firstStepsRoutes, setupRoutes } from './features/setup/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { oidcInteractionRoutes } from './features/oidc/routes.js';
import { adminLogoutDeliveryRoutes } from './features/oidc/logout-deliveries-routes.js';
import { adminWebhookRoutes } from './features/webhooks/routes.js';
import type Provider from 'oidc-provider';
import type { ServiceDeps } from './core/deps.js';

const MAX_BODY_BYTES = 64 * 1024;
/** A CSV import: the file's own cap (IMPORT_MAX_BYTES, checked in the service) plus room for JSON escapes. */
const MAX_IMPORT_BODY_BYTES = 3 * 1024 * 1024;

export interface AppOptions {
  /** Where unexpected errors go; never given secrets (request bodies are not logged). */
  logError?: (error: unknown) => void;
  /** The OpenID provider the kiosk completes app sign-ins on (server/features/oidc); none: refused. */
  oidcProvider?: () => Provider;
}

export function createApp(deps: ServiceDeps, options: AppOptions = {}) {
  const logError =
    options.logError ?? ((error: unknown) => console.error('shiftpass: unexpected error', error));
  const app = new Hono<AppEnv>().basePath('/api');

  // First, so every `c.json()` below (routes, notFound, onError) notes its text for npm start's handler.
  app.use(keepJsonText());
  app.use(apiSecurityHeaders());
  app.use(resolveClientAddress(deps.settings.trustedProxies));
  const defaultLimit = limitBody(MAX_BODY_BYTES);
  const importLimit = limitBody(MAX_IMPORT_BODY_BYTES);
  app.use((c, next) => (c.req.path === USER_IMPORT_PATH ? importLimit(c, next) : defaultLimit(c, next)));
  app.use(requireSameOrigin(deps.settings.publicOrigin));
  // Before the session: liveness reads no cookie and no database.
  app.route('/health', healthRoutes());
  app.use(loadSession(deps));

  const routes = app
    .route('/auth/console', consoleAuthRoutes(deps))
    .route('/auth/qr-pin/forgot-pin', forgotPinRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/admin/users', adminUserRoutes(deps))
    .route('/admin/users', adminConsoleAccessRoutes(deps))
    .route('/admin/users', adminPinResetRoutes(deps))
    .route('/admin', adminBadgeRoutes(deps))
    .route('/admin/groups', adminGroupRoutes(deps))
    .route('/admin/api-tokens', adminApiTokenRoutes(deps))
    .route('/admin/policies', adminPolicyRoutes(deps))
    .route('/admin/reports', adminReportRoutes(deps))
    .route('/admin/kiosk', adminKioskRoutes(deps))
    .route('/admin/devices', adminDeviceRoutes(deps))
    .route('/admin/conditional-access', adminConditionalAccessRoutes(deps))
    .route('/admin/apps', adminAppRoutes(deps))
    .route('/admin/apps', adminLogoutDeliveryRoutes(deps))
    .route('/admin/webhooks', adminWebhookRoutes(deps))
    .route('/admin', adminLogRoutes(deps))
    .route('/devices', deviceRoutes(deps))
    .route('/manager/devices', managerDeviceRoutes(deps))
    .route('/setup', setupRoutes(deps))
    .route('/admin/first-steps', firstStepsRoutes(deps))
    .route('/kiosk', kioskConfigRoutes(deps))
    .route('/oidc', oidcInteractionRoutes(deps, options.oidcProvider));

  // Error messages are worded in the request's language (Accept-Language), once, as the answer is sent.
  app.notFound((c) =>
    c.json(errorBodyIn(new ApiError('NOT_FOUND', say.noSuchRoute), errorLanguageOf(c)), 404),
  );
  app.onError((error, c) => {
    const language = errorLanguageOf(c);
    if (error instanceof ApiError) return c.json(errorBodyIn(error, language), error.status as 400);
    // A body cut off by the server in front while the body limit above was still reading it.
    if (isBodyTooLarge(error)) return c.json(errorBodyIn(new ApiError('PAYLOAD_TOO_LARGE'), language), 413);
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
      return c.json(errorBodyIn(new ApiError(code), language), error.status);
    }
    logError(error);
    return c.json(errorBodyIn(new ApiError('INTERNAL_ERROR'), language), 500);
  });
  return routes;
}

export type ShiftpassApi = ReturnType<typeof createApp>;
