/** /api/admin/audit-logs (admins) and /api/admin/sign-in-logs (admins; managers for their workers). */
import { Hono } from 'hono';
import { auditLogQuery, signInLogQuery } from '../contracts/logs.js';
import { requireRole } from '../middleware/session.js';
import type { ServiceDeps } from '../services/deps.js';
import { listAuditLogs, listSignInLogs } from '../services/logs.js';
import type { AppEnv } from './env.js';
import { readQuery } from './request.js';

export function adminLogRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .get('/audit-logs', requireRole(deps, ['admin']), async (c) =>
      c.json(await listAuditLogs(deps, readQuery(c, auditLogQuery)), 200),
    )
    .get('/sign-in-logs', requireRole(deps, ['admin', 'manager']), async (c) => {
      const query = readQuery(c, signInLogQuery);
      return c.json(await listSignInLogs(deps, c.get('actor'), query), 200);
    });
}
