/**
 * /api/admin/apps: store apps, the OpenID Connect clients that sign workers in through Shiftpass
 * (admins only). Every change hands out or redirects an app's way in (a new redirect URI is where
 * sign-in codes go), so a console session must have re-authenticated within 5 minutes to register,
 * edit, rotate a secret or delete (API-token callers are exempt).
 * The discovery URL in each answer is built on the configured address (server/runtime.ts linkOriginOf).
 */
import { Hono } from 'hono';
import { createAppBody, patchAppBody } from '../../contracts/apps.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { requireRecentAuth } from '../../http/middleware/recent-auth.js';
import { requireRole } from '../../http/middleware/session.js';
import { jsonBody } from '../../http/validated.js';
import { deleteApp, getApp, listApps, registerApp, rotateAppSecret, updateApp } from './apps.js';

export function adminAppRoutes(deps: ServiceDeps) {
  const recentAuth = requireRecentAuth(deps);
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/', async (c) => c.json(await listApps(deps), 200))
    .post('/', recentAuth, jsonBody(createAppBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await registerApp(deps, c.get('actor'), body), 201);
    })
    .get('/:id', async (c) => c.json(await getApp(deps, c.req.param('id')), 200))
    .patch('/:id', recentAuth, jsonBody(patchAppBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await updateApp(deps, c.get('actor'), c.req.param('id'), body), 200);
    })
    .post('/:id/rotate-secret', recentAuth, async (c) =>
      c.json(await rotateAppSecret(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .delete('/:id', recentAuth, async (c) => {
      await deleteApp(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    });
}
