/** /api/admin/reports: read-only reports (admins; managers for their workers). */
import { Hono } from 'hono';
import {
  qrCodeExpirationsExportQuery,
  qrCodeExpirationsQuery,
  signInActivityQuery,
} from '../contracts/reports.js';
import { requireRole } from '../middleware/session.js';
import type { ServiceDeps } from '../services/deps.js';
import { exportQrCodeExpirations, reportQrCodeExpirations } from '../services/expiry-report.js';
import { reportSignInActivity } from '../services/sign-in-activity.js';
import { qrCodeExpirationColumns } from './csv-columns.js';
import { csvResponse, exportFileName } from './csv-response.js';
import type { AppEnv } from './env.js';
import { readQuery } from './request.js';

export function adminReportRoutes(deps: ServiceDeps) {
  const adminOrManager = requireRole(deps, ['admin', 'manager']);
  return new Hono<AppEnv>()
    .get('/qr-code-expirations', adminOrManager, async (c) => {
      const query = readQuery(c, qrCodeExpirationsQuery);
      return c.json(await reportQrCodeExpirations(deps, c.get('actor'), query), 200);
    })
    .get('/qr-code-expirations/export', adminOrManager, async (c) => {
      const query = readQuery(c, qrCodeExpirationsExportQuery);
      const pages = await exportQrCodeExpirations(deps, c.get('actor'), query);
      return csvResponse(
        c,
        exportFileName('qr-code-expirations', deps.clock.now()),
        qrCodeExpirationColumns,
        pages,
      );
    })
    .get('/sign-in-activity', adminOrManager, async (c) => {
      const query = readQuery(c, signInActivityQuery);
      return c.json(await reportSignInActivity(deps, c.get('actor'), query), 200);
    });
}
