/** /api/admin/groups: groups (stores), admins only; API tokens need users.read / users.write. */
import { Hono } from 'hono';
import { createGroupBody, listGroupsQuery, patchGroupBody } from '../../contracts/directory.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './groups.js';
import type { AppEnv } from '../../http/env.js';
import { jsonBody, queryOf } from '../../http/validated.js';

export function adminGroupRoutes(deps: ServiceDeps) {
  const read = requireRole(deps, ['admin'], 'users.read');
  const change = requireRole(deps, ['admin'], 'users.write');
  return new Hono<AppEnv>()
    .get('/', read, queryOf(listGroupsQuery), async (c) =>
      c.json(await listGroups(deps, c.req.valid('query')), 200),
    )
    .post('/', change, jsonBody(createGroupBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await createGroup(deps, c.get('actor'), body), 201);
    })
    .get('/:id', read, async (c) => c.json(await getGroup(deps, c.req.param('id')), 200))
    .patch('/:id', change, jsonBody(patchGroupBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await updateGroup(deps, c.get('actor'), c.req.param('id'), body), 200);
    })
    .delete('/:id', change, async (c) => {
      await deleteGroup(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    });
}
