/**
 * A person's console access, for admins: /api/admin/users/{id}/console-sign-in/unlock (forget their
 * failed console sign-ins) and /api/admin/users/{id}/console-invitation (a one-time link to choose a
 * password and set up an authenticator).
 */
import { Hono } from 'hono';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { requireRecentAuth } from '../../http/middleware/recent-auth.js';
import { requireRole } from '../../http/middleware/session.js';
import { unlockConsoleSignIn } from './console-admin.js';
import { inviteToConsole } from './console-invitation.js';

/** Mounted at /api/admin/users. */
export function adminConsoleAccessRoutes(deps: ServiceDeps) {
  const adminOnly = requireRole(deps, ['admin']);
  return (
    new Hono<AppEnv>()
      .post('/:id/console-sign-in/unlock', adminOnly, async (c) => {
        await unlockConsoleSignIn(deps, c.get('actor'), c.req.param('id'));
        return c.body(null, 204);
      })
      // Granting console access is as sensitive as an API token: a fresh password + code on the console.
      .post('/:id/console-invitation', adminOnly, requireRecentAuth(deps), async (c) =>
        c.json(await inviteToConsole(deps, c.get('actor'), c.req.param('id')), 201),
      )
  );
}
