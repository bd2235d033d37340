/** First run: POST /api/setup redeems the one-time setup link and creates the first admin. */
import { Hono } from 'hono';
import { completeSetupBody } from '../../contracts/schemas.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { readJson } from '../../http/request.js';
import { completeSetup } from './bootstrap.js';

export function setupRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const body = await readJson(c, completeSetupBody);
    return c.json(await completeSetup(deps, body), 201);
  });
}
