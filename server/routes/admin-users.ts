/** /api/admin/users: people and their QR-code + PIN method. */
import { Hono } from 'hono';
import { createUserBody, putQrPinMethodBody } from '../contracts/schemas.js';
import { requireRole } from '../middleware/session.js';
import type { ServiceDeps } from '../services/deps.js';
import { issueQrPinMethod } from '../services/qr-pin-method.js';
import { createUser, getUser } from '../services/users.js';
import type { AppEnv } from './env.js';
import { readJson } from './request.js';

export function adminUserRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .post('/', async (c) => {
      const body = await readJson(c, createUserBody);
      return c.json(await createUser(deps, c.get('actor'), body), 201);
    })
    .get('/:id', async (c) => c.json(await getUser(deps, c.req.param('id')), 200))
    .put('/:id/qr-code-pin-method', async (c) => {
      const body = await readJson(c, putQrPinMethodBody);
      return c.json(await issueQrPinMethod(deps, c.get('actor'), c.req.param('id'), body), 201);
    });
}
