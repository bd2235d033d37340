/**
 * GET /api/health: liveness for load balancers and orchestrators. It answers while the process serves
 * HTTP, reads no database and needs no session (a database outage must not make every node look dead
 * and be restarted in a loop). The API's headers apply: `Cache-Control: no-store`, so no proxy answers
 * for a node that has stopped.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';

export function healthRoutes() {
  return new Hono<AppEnv>().get('/', (c) => c.json({ status: 'ok' as const }, 200));
}
