/**
 * What the kiosk is told: GET /api/kiosk/config (anyone: the installation's issuer id and the PIN length)
 * and /api/admin/kiosk (admins: the store apps listed on a signed-in worker's home).
 */
import { Hono } from 'hono';
import { kioskAppsBody, type KioskAppsView } from '../../contracts/kiosk.js';
import type { KioskConfig } from '../../contracts/schemas.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import { getKioskApps, setKioskApps } from './kiosk-apps.js';
import { getQrPinPolicy } from './policies.js';
import type { AppEnv } from '../../http/env.js';
import { jsonBody } from '../../http/validated.js';

export function adminKioskRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/apps', async (c) => c.json({ apps: await getKioskApps(deps) } satisfies KioskAppsView, 200))
    .put('/apps', jsonBody(kioskAppsBody), async (c) => {
      const body = c.req.valid('json');
      const apps = await setKioskApps(deps, c.get('actor'), body.apps);
      return c.json({ apps } satisfies KioskAppsView, 200);
    });
}

export function kioskConfigRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>().get('/config', async (c) => {
    const policy = await getQrPinPolicy(deps);
    const config: KioskConfig = { issuerId: deps.settings.issuerId, pinLength: policy.pinLength };
    return c.json(config, 200);
  });
}
