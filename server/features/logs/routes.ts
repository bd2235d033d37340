/**
 * /api/admin/audit-logs (admins) and /api/admin/sign-in-logs (admins; managers for their workers),
 * each as keyset pages and as a CSV download (`/export`, same filters, at most EXPORT_ROW_CAP rows).
 */
import { Hono } from 'hono';
import {
  auditLogExportQuery,
  auditLogQuery,
  signInLogExportQuery,
  signInLogQuery,
} from '../../contracts/logs.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import { exportAuditLogs, exportSignInLogs, listAuditLogs, listSignInLogs } from './logs.js';
import { auditLogColumns, signInLogColumns } from '../../http/csv-columns.js';
import { csvResponse, exportFileName } from '../../http/csv-response.js';
import type { AppEnv } from '../../http/env.js';
import { queryOf } from '../../http/validated.js';

export function adminLogRoutes(deps: ServiceDeps) {
  const adminOnly = requireRole(deps, ['admin'], 'logs.read');
  const adminOrManager = requireRole(deps, ['admin', 'manager'], 'logs.read');
  return new Hono<AppEnv>()
    .get('/audit-logs', adminOnly, queryOf(auditLogQuery), async (c) =>
      c.json(await listAuditLogs(deps, c.req.valid('query')), 200),
    )
    .get('/audit-logs/export', adminOnly, queryOf(auditLogExportQuery), (c) => {
      const pages = exportAuditLogs(deps, c.req.valid('query'));
      return csvResponse(c, exportFileName('audit-logs', deps.clock.now()), auditLogColumns, pages);
    })
    .get('/sign-in-logs', adminOrManager, queryOf(signInLogQuery), async (c) => {
      const query = c.req.valid('query');
      return c.json(await listSignInLogs(deps, c.get('actor'), query), 200);
    })
    .get('/sign-in-logs/export', adminOrManager, queryOf(signInLogExportQuery), async (c) => {
      const pages = await exportSignInLogs(deps, c.get('actor'), c.req.valid('query'));
      return csvResponse(c, exportFileName('sign-in-logs', deps.clock.now()), signInLogColumns, pages);
    });
}
