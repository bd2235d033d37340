/**
 * /api/admin/users: listing, reading, changing and deleting people. Mounted before admin-users.ts
 * (creation and the QR-code + PIN method), so the GET /:id here is the one that answers.
 * Guards are per route, not `.use()`: a router-wide guard would also run in front of the method
 * routes that share this prefix.
 */
import { Hono } from 'hono';
import { listUsersQuery, patchUserBody } from '../../contracts/directory.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import { deleteUser, getUserAsActor, listUsers, updateUser } from './user-directory.js';
import type { AppEnv } from '../../http/env.js';
import { readJson, readQuery } from '../../http/request.js';

export function adminUserCrudRoutes(deps: ServiceDeps) {
  const adminOnly = requireRole(deps, ['admin']);
  // Managers see only workers in their own groups (scoped in the service).
  const adminOrManager = requireRole(deps, ['admin', 'manager']);
  return new Hono<AppEnv>()
    .get('/', adminOrManager, async (c) => {
      const query = readQuery(c, listUsersQuery);
      return c.json(await listUsers(deps, c.get('actor'), query), 200);
    })
    .get('/:id', adminOrManager, async (c) =>
      c.json(await getUserAsActor(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .patch('/:id', adminOnly, async (c) => {
      const body = await readJson(c, patchUserBody);
      return c.json(await updateUser(deps, c.get('actor'), c.req.param('id'), body), 200);
    })
    .delete('/:id', adminOnly, async (c) => {
      await deleteUser(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    });
}
