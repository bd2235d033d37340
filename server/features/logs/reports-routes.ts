/** /api/admin/reports: read-only reports (admins; managers for their workers). */
import { Hono } from 'hono';
import {
  qrCodeExpirationsExportQuery,
  qrCodeExpirationsQuery,
  signInActivityQuery,
} from '../../contracts/reports.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import { exportQrCodeExpirations, reportQrCodeExpirations } from './expiry-report.js';
import { reportSignInActivity } from './sign-in-activity.js';
import { qrCodeExpirationColumns } from '../../http/csv-columns.js';
import { csvResponse, exportFileName } from '../../http/csv-response.js';
import type { AppEnv } from '../../http/env.js';
import { queryOf } from '../../http/validated.js';

export function adminReportRoutes(deps: ServiceDeps) {
  const adminOrManager = requireRole(deps, ['admin', 'manager'], 'logs.read');
  return new Hono<AppEnv>()
    .get('/qr-code-expirations', adminOrManager, queryOf(qrCodeExpirationsQuery), async (c) => {
      const query = c.req.valid('query');
      return c.json(await reportQrCodeExpirations(deps, c.get('actor'), query), 200);
    })
    .get('/qr-code-expirations/export', adminOrManager, queryOf(qrCodeExpirationsExportQuery), async (c) => {
      const query = c.req.valid('query');
      const pages = await exportQrCodeExpirations(deps, c.get('actor'), query);
      return csvResponse(
        c,
        exportFileName('qr-code-expirations', deps.clock.now()),
        qrCodeExpirationColumns,
        pages,
      );
    })
    .get('/sign-in-activity', adminOrManager, queryOf(signInActivityQuery), async (c) => {
      const query = c.req.valid('query');
      return c.json(await reportSignInActivity(deps, c.get('actor'), query), 200);
    });
}
