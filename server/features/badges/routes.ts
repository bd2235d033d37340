/**
 * /api/admin/users: creating people and their QR-code + PIN method (badges, PIN, lockout, sessions),
 * the sessions that still work, and unlocking a console sign-in.
 */
import { Hono } from 'hono';
import {
  createUserBody,
  putQrPinMethodBody,
  qrCodeWindowBody,
  resetPinBody,
} from '../../contracts/schemas.js';
import { requireRole } from '../../http/middleware/session.js';
import { requireRecentAuth } from '../../http/middleware/recent-auth.js';
import { unlockConsoleSignIn } from '../console-auth/console-admin.js';
import { inviteToConsole } from '../console-auth/console-invitation.js';
import type { ServiceDeps } from '../../core/deps.js';
import {
  deleteQrCode,
  deleteQrPinMethod,
  getQrPinMethodState,
  issueQrCode,
  issueQrPinMethod,
  resetPin,
  revokeSignInSessions,
  unlockMethod,
} from './qr-pin-method.js';
import { listUserSessions } from '../sessions/user-sessions.js';
import { createUser } from '../people/create-user.js';
import type { AppEnv } from '../../http/env.js';
import { readJson } from '../../http/request.js';

const METHOD = '/:id/qr-code-pin-method';

export function adminUserRoutes(deps: ServiceDeps) {
  const adminOnly = requireRole(deps, ['admin']);
  // Managers may look after the method of workers in their own groups (checked per user in the service).
  const adminOrManager = requireRole(deps, ['admin', 'manager']);
  return (
    new Hono<AppEnv>()
      .post('/', adminOnly, async (c) => {
        const body = await readJson(c, createUserBody);
        return c.json(await createUser(deps, c.get('actor'), body), 201);
      })
      .get('/:id/sessions', adminOrManager, async (c) =>
        c.json(await listUserSessions(deps, c.get('actor'), c.req.param('id')), 200),
      )
      .post('/:id/revoke-sign-in-sessions', adminOrManager, async (c) => {
        await revokeSignInSessions(deps, c.get('actor'), c.req.param('id'));
        return c.body(null, 204);
      })
      .put(METHOD, adminOrManager, async (c) => {
        const body = await readJson(c, putQrPinMethodBody);
        return c.json(await issueQrPinMethod(deps, c.get('actor'), c.req.param('id'), body), 201);
      })
      .get(METHOD, adminOrManager, async (c) =>
        c.json(await getQrPinMethodState(deps, c.get('actor'), c.req.param('id')), 200),
      )
      .delete(METHOD, adminOrManager, async (c) => {
        await deleteQrPinMethod(deps, c.get('actor'), c.req.param('id'));
        return c.body(null, 204);
      })
      .put(`${METHOD}/standard-qr-code`, adminOrManager, async (c) => {
        const body = await readJson(c, qrCodeWindowBody);
        return c.json(await issueQrCode(deps, c.get('actor'), c.req.param('id'), 'standard', body), 201);
      })
      .delete(`${METHOD}/standard-qr-code`, adminOrManager, async (c) => {
        await deleteQrCode(deps, c.get('actor'), c.req.param('id'), 'standard');
        return c.body(null, 204);
      })
      .put(`${METHOD}/temporary-qr-code`, adminOrManager, async (c) => {
        const body = await readJson(c, qrCodeWindowBody);
        return c.json(await issueQrCode(deps, c.get('actor'), c.req.param('id'), 'temporary', body), 201);
      })
      .delete(`${METHOD}/temporary-qr-code`, adminOrManager, async (c) => {
        await deleteQrCode(deps, c.get('actor'), c.req.param('id'), 'temporary');
        return c.body(null, 204);
      })
      .post(`${METHOD}/pin/reset`, adminOrManager, async (c) => {
        const body = await readJson(c, resetPinBody);
        return c.json(await resetPin(deps, c.get('actor'), c.req.param('id'), body), 200);
      })
      .post(`${METHOD}/unlock`, adminOrManager, async (c) => {
        await unlockMethod(deps, c.get('actor'), c.req.param('id'));
        return c.body(null, 204);
      })
      .post('/:id/console-sign-in/unlock', adminOnly, async (c) => {
        await unlockConsoleSignIn(deps, c.get('actor'), c.req.param('id'));
        return c.body(null, 204);
      })
      // Granting console access is as sensitive as an API token: a fresh password + code on the console.
      .post('/:id/console-invitation', adminOnly, requireRecentAuth(deps), async (c) => {
        const origin = new URL(c.req.url).origin;
        return c.json(await inviteToConsole(deps, c.get('actor'), c.req.param('id'), origin), 201);
      })
  );
}
