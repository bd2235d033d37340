/**
 * /api/admin/api-tokens: admin API tokens (admins only). Creating one is a sensitive action: a console
 * session must have re-authenticated within 5 minutes (API-token callers are exempt).
 */
import { Hono } from 'hono';
import { createApiTokenBody } from '../../contracts/api-tokens.js';
import { requireRecentAuth } from '../../http/middleware/recent-auth.js';
import { requireRole } from '../../http/middleware/session.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { jsonBody } from '../../http/validated.js';

export function adminApiTokenRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/', async (c) => c.json(await listApiTokens(deps), 200))
    .post('/', requireRecentAuth(deps), jsonBody(createApiTokenBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await createApiToken(deps, c.get('actor'), body), 201);
    })
    .delete('/:id', async (c) => {
      await revokeApiToken(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    });
}
