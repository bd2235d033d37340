/** /api/admin/reports: read-only reports (admins; managers for their workers). */
import { Hono } from 'hono';
import { qrCodeExpirationsQuery } from '../contracts/reports.js';
import { requireRole } from '../middleware/session.js';
import type { ServiceDeps } from '../services/deps.js';
import { reportQrCodeExpirations } from '../services/expiry-report.js';
import type { AppEnv } from './env.js';
import { readQuery } from './request.js';

export function adminReportRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>().get(
    '/qr-code-expirations',
    requireRole(deps, ['admin', 'manager']),
    async (c) => {
      const query = readQuery(c, qrCodeExpirationsQuery);
      return c.json(await reportQrCodeExpirations(deps, c.get('actor'), query), 200);
    },
  );
}
