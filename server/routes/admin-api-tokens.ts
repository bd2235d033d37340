/**
 * /api/admin/api-tokens: admin API tokens (admins only). Creating one is a sensitive action: a console
 * session must have re-authenticated within 5 minutes (API-token callers are exempt).
 */
import { Hono } from 'hono';
import { createApiTokenBody } from '../contracts/api-tokens.js';
import { requireRecentAuth } from '../middleware/recent-auth.js';
import { requireRole } from '../middleware/session.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens.js';
import type { ServiceDeps } from '../services/deps.js';
import type { AppEnv } from './env.js';
import { readJson } from './request.js';

export function adminApiTokenRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/', async (c) => c.json(await listApiTokens(deps), 200))
    .post('/', requireRecentAuth(deps), async (c) => {
      const body = await readJson(c, createApiTokenBody);
      return c.json(await createApiToken(deps, c.get('actor'), body), 201);
    })
    .delete('/:id', async (c) => {
      await revokeApiToken(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    });
}
