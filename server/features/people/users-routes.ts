/**
 * /api/admin/users: people — listing, reading, creating, changing and deleting them, importing a CSV
 * of them, their sessions that still work and ending those sessions, offboarding them (access ended for
 * good) and turning them on again. Their badges (the QR-code + PIN
 * method) are features/badges/routes.ts; their console access is features/console-auth/admin-routes.ts.
 * Guards are per route, not `.use()`: a router-wide guard would also run in front of the other
 * features' routes that share this prefix.
 */
import { Hono } from 'hono';
import { importUsersBody } from '../../contracts/bulk.js';
import { listUsersQuery, patchUserBody } from '../../contracts/directory.js';
import { createUserBody } from '../../contracts/schemas.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { requireRole } from '../../http/middleware/session.js';
import { jsonBody, queryOf } from '../../http/validated.js';
import { errorLanguageOf } from '../../http/error-language.js';
import { revokeSignInSessions } from '../badges/qr-pin-method.js';
import { listUserSessions } from '../sessions/user-sessions.js';
import { createUser } from './create-user.js';
import { deleteUser, getUserAsActor, listUsers, updateUser } from './user-directory.js';
import { importUsers } from './user-import.js';
import { offboardUser, reactivateUser } from './offboarding.js';
import type { OffboardingView, ReactivationView } from '../../contracts/offboarding.js';
import { withLookalikeWarnings } from './lookalike-names.js';

/** The one route whose body may be larger than the API's default cap (a CSV file in JSON). */
export const USER_IMPORT_PATH = '/api/admin/users/import';

export function adminUserRoutes(deps: ServiceDeps) {
  // Managers see and look after only workers in their own groups (scoped in the services); API tokens
  // need users.read to read people and users.write to change them.
  const read = requireRole(deps, ['admin', 'manager'], 'users.read');
  const change = requireRole(deps, ['admin'], 'users.write');
  const looksAfter = requireRole(deps, ['admin', 'manager'], 'users.write');
  return new Hono<AppEnv>()
    .get('/', read, queryOf(listUsersQuery), async (c) => {
      const query = c.req.valid('query');
      return c.json(await listUsers(deps, c.get('actor'), query), 200);
    })
    .post('/', change, jsonBody(createUserBody), async (c) => {
      const body = c.req.valid('json');
      const user = await createUser(deps, c.get('actor'), body);
      return c.json(await withLookalikeWarnings(deps, user, errorLanguageOf(c)), 201);
    })
    .post('/import', change, jsonBody(importUsersBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await importUsers(deps, c.get('actor'), body, errorLanguageOf(c)), 200);
    })
    .get('/:id', read, async (c) =>
      c.json(await getUserAsActor(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .patch('/:id', change, jsonBody(patchUserBody), async (c) => {
      const body = c.req.valid('json');
      const user = await updateUser(deps, c.get('actor'), c.req.param('id'), body);
      // Only a new sign-in name is checked: an old lookalike was reported when it was made.
      if (body.userPrincipalName === undefined) return c.json(user, 200);
      return c.json(await withLookalikeWarnings(deps, user, errorLanguageOf(c)), 200);
    })
    .delete('/:id', change, async (c) => {
      await deleteUser(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/:id/sessions', read, async (c) =>
      c.json(await listUserSessions(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .post('/:id/revoke-sign-in-sessions', looksAfter, async (c) => {
      await revokeSignInSessions(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    })
    .post('/:id/offboard', change, async (c) => {
      const done = await offboardUser(deps, c.get('actor'), c.req.param('id'), { source: 'console' });
      const view: OffboardingView = done.changed
        ? { user: done.user, changed: true, counts: done.counts }
        : { user: done.user, changed: false, counts: null };
      return c.json(view, 200);
    })
    .post('/:id/reactivate', change, async (c) => {
      const done = await reactivateUser(deps, c.get('actor'), c.req.param('id'), { source: 'console' });
      return c.json(done satisfies ReactivationView, 200);
    });
}
