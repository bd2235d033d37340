/**
 * /api/admin/policies: the QR-code + PIN method policy, the console sign-in policy, the session
 * policy and the log retention (admins only). Changing one is a sensitive action: a console session must have
 * re-authenticated within 5 minutes.
 */
import { Hono } from 'hono';
import {
  patchConsoleSignInPolicyBody,
  patchLogRetentionPolicyBody,
  patchQrPinPolicyBody,
  patchSessionPolicyBody,
} from '../../contracts/policies.js';
import { requireRecentAuth } from '../../http/middleware/recent-auth.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import {
  getConsoleSignInPolicy,
  getLogRetentionPolicy,
  getQrPinPolicy,
  getSessionPolicy,
  updateConsoleSignInPolicy,
  updateLogRetentionPolicy,
  updateQrPinPolicy,
  updateSessionPolicy,
} from './policies.js';
import type { AppEnv } from '../../http/env.js';
import { jsonBody } from '../../http/validated.js';

export function adminPolicyRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/qr-code-pin', async (c) => c.json(await getQrPinPolicy(deps), 200))
    .patch('/qr-code-pin', requireRecentAuth(deps), jsonBody(patchQrPinPolicyBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await updateQrPinPolicy(deps, c.get('actor'), body), 200);
    })
    .get('/console-sign-in', async (c) => c.json(await getConsoleSignInPolicy(deps), 200))
    .patch('/console-sign-in', requireRecentAuth(deps), jsonBody(patchConsoleSignInPolicyBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await updateConsoleSignInPolicy(deps, c.get('actor'), body), 200);
    })
    .get('/sessions', async (c) => c.json(await getSessionPolicy(deps), 200))
    .patch('/sessions', requireRecentAuth(deps), jsonBody(patchSessionPolicyBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await updateSessionPolicy(deps, c.get('actor'), body), 200);
    })
    .get('/log-retention', async (c) => c.json(await getLogRetentionPolicy(deps), 200))
    .patch('/log-retention', requireRecentAuth(deps), jsonBody(patchLogRetentionPolicyBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await updateLogRetentionPolicy(deps, c.get('actor'), body), 200);
    });
}
