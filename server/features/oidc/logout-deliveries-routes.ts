/** GET /api/admin/apps/{id}/logout-deliveries (admins only): who the app was told signed out, and how it went. */
import { Hono } from 'hono';
import { listLogoutDeliveriesQuery } from '../../contracts/oidc-logout-deliveries.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { requireRole } from '../../http/middleware/session.js';
import { queryOf } from '../../http/validated.js';
import { listLogoutDeliveries } from './logout-deliveries.js';

export function adminLogoutDeliveryRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>().get(
    '/:id/logout-deliveries',
    requireRole(deps, ['admin']),
    queryOf(listLogoutDeliveriesQuery),
    async (c) => c.json(await listLogoutDeliveries(deps, c.req.param('id'), c.req.valid('query')), 200),
  );
}
