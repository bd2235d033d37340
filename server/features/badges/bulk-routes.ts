/**
 * Bulk routes: POST /api/admin/users/import (CSV of people, admins) and POST
 * /api/admin/groups/{id}/badges (a store's badges, admins and that store's managers).
 */
import { Hono } from 'hono';
import { groupBadgesBody, importUsersBody } from '../../contracts/bulk.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import { issueGroupBadges } from './group-badges.js';
import { importUsers } from '../people/user-import.js';
import type { AppEnv } from '../../http/env.js';
import { readJson } from '../../http/request.js';

/** The one route whose body may be larger than the API's default cap (a CSV file in JSON). */
export const USER_IMPORT_PATH = '/api/admin/users/import';

export function adminBulkRoutes(deps: ServiceDeps) {
  const adminOnly = requireRole(deps, ['admin']);
  const adminOrManager = requireRole(deps, ['admin', 'manager']);
  return new Hono<AppEnv>()
    .post('/users/import', adminOnly, async (c) => {
      const body = await readJson(c, importUsersBody);
      return c.json(await importUsers(deps, c.get('actor'), body), 200);
    })
    .post('/groups/:id/badges', adminOrManager, async (c) => {
      const body = await readJson(c, groupBadgesBody);
      return c.json(await issueGroupBadges(deps, c.get('actor'), c.req.param('id'), body), 200);
    });
}
