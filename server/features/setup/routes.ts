/**
 * First run: POST /api/setup redeems the one-time setup link and creates the first admin; POST
 * /api/setup/status says, without using the link, whether it still would (the setup page asks first).
 * GET /api/admin/first-steps: what the dashboard's first-steps checklist is computed from (admins).
 */
import { Hono } from 'hono';
import { completeSetupBody } from '../../contracts/schemas.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { requireRole } from '../../http/middleware/session.js';
import { jsonBody } from '../../http/validated.js';
import { completeSetup } from './bootstrap.js';
import { getFirstSteps } from './first-steps.js';
import { getSetupLinkStatus, setupLinkStatusBody } from './setup-link-status.js';

export function setupRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .post('/', jsonBody(completeSetupBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await completeSetup(deps, body), 201);
    })
    .post('/status', jsonBody(setupLinkStatusBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await getSetupLinkStatus(deps, body), 200);
    });
}

export function firstStepsRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/', async (c) => c.json(await getFirstSteps(deps), 200));
}
