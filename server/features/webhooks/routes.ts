/**
 * /api/admin/webhooks: webhook endpoints and their deliveries (admins only; API tokens need
 * admin.full, the scope a route that names none needs). A change decides where events about people
 * and devices are sent, so a console session must have re-authenticated within 5 minutes to register,
 * change, rotate the secret of or delete an endpoint, as for store apps (API-token callers are exempt).
 */
import { Hono } from 'hono';
import { createWebhookBody, listWebhookDeliveriesQuery, patchWebhookBody } from '../../contracts/webhooks.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { requireRecentAuth } from '../../http/middleware/recent-auth.js';
import { requireRole } from '../../http/middleware/session.js';
import { jsonBody, queryOf } from '../../http/validated.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  retryDelivery,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from './webhooks.js';

export function adminWebhookRoutes(deps: ServiceDeps) {
  const recentAuth = requireRecentAuth(deps);
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/', async (c) => c.json(await listWebhooks(deps), 200))
    .post('/', recentAuth, jsonBody(createWebhookBody), async (c) =>
      c.json(await createWebhook(deps, c.get('actor'), c.req.valid('json')), 201),
    )
    .get('/:id', async (c) => c.json(await getWebhook(deps, c.req.param('id')), 200))
    .patch('/:id', recentAuth, jsonBody(patchWebhookBody), async (c) =>
      c.json(await updateWebhook(deps, c.get('actor'), c.req.param('id'), c.req.valid('json')), 200),
    )
    .delete('/:id', recentAuth, async (c) => {
      await deleteWebhook(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    })
    .post('/:id/rotate-secret', recentAuth, async (c) =>
      c.json(await rotateWebhookSecret(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .post('/:id/test', async (c) => c.json(await sendTestEvent(deps, c.req.param('id')), 202))
    .get('/:id/deliveries', queryOf(listWebhookDeliveriesQuery), async (c) =>
      c.json(await listDeliveries(deps, c.req.param('id'), c.req.valid('query')), 200),
    )
    .post('/:id/deliveries/:deliveryId/retry', async (c) => {
      await retryDelivery(deps, c.get('actor'), c.req.param('id'), c.req.param('deliveryId'));
      return c.body(null, 202);
    });
}
