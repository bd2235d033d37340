/** First-run setup link redemption and the kiosk's public configuration. */
import { Hono } from 'hono';
import { completeSetupBody, type KioskConfig } from '../../contracts/schemas.js';
import { completeSetup } from './bootstrap.js';
import type { ServiceDeps } from '../../core/deps.js';
import { getQrPinPolicy } from '../policies/policies.js';
import type { AppEnv } from '../../http/env.js';
import { readJson } from '../../http/request.js';

export function setupRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const body = await readJson(c, completeSetupBody);
    return c.json(await completeSetup(deps, body), 201);
  });
}

export function kioskRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>().get('/config', async (c) => {
    const policy = await getQrPinPolicy(deps);
    const config: KioskConfig = { issuerId: deps.settings.issuerId, pinLength: policy.pinLength };
    return c.json(config, 200);
  });
}
