/** /api/admin/kiosk: what the kiosk shows signed-in workers (admins only). */
import { Hono } from 'hono';
import { kioskAppsBody, type KioskAppsView } from '../../contracts/kiosk.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import { getKioskApps, setKioskApps } from './kiosk-apps.js';
import type { AppEnv } from '../../http/env.js';
import { readJson } from '../../http/request.js';

export function adminKioskRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/apps', async (c) => c.json({ apps: await getKioskApps(deps) } satisfies KioskAppsView, 200))
    .put('/apps', async (c) => {
      const body = await readJson(c, kioskAppsBody);
      const apps = await setKioskApps(deps, c.get('actor'), body.apps);
      return c.json({ apps } satisfies KioskAppsView, 200);
    });
}
