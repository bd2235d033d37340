/**
 * "Forgot PIN?" with a manager (forgot-pin.ts): the kiosk's calls under /api/auth/qr-pin/forgot-pin,
 * and the console's under /api/admin/users/{id}/pin-reset-requests. Guards are per route, not
 * `.use()`: the admin routes share their prefix with other features.
 */
import { Hono } from 'hono';
import {
  forgotPinApproveBody,
  forgotPinBody,
  forgotPinNewPinBody,
  pinResetRequestRef,
} from '../../contracts/forgot-pin.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { requireRole } from '../../http/middleware/session.js';
import { clientIp, userAgentOf } from '../../http/request.js';
import { jsonBody } from '../../http/validated.js';
import {
  approveFromConsole,
  approveOnKiosk,
  cancelPinReset,
  chooseNewPin,
  declineFromConsole,
  listPinResetRequests,
  openPinReset,
  pinResetStatus,
} from './forgot-pin.js';

/** Mounted at /api/auth/qr-pin/forgot-pin: no session (the worker cannot sign in). */
export function forgotPinRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .post('/', jsonBody(forgotPinBody), async (c) => {
      const body = c.req.valid('json');
      const opened = await openPinReset(deps, {
        badge: body.shortCode !== undefined ? { shortCode: body.shortCode } : { qr: body.qr! },
        device: body.device,
        ipAddress: clientIp(c),
        userAgent: userAgentOf(c),
        request: { method: c.req.method, url: c.req.url },
      });
      return c.json(opened, 201);
    })
    .post('/approve', jsonBody(forgotPinApproveBody), async (c) => {
      const body = c.req.valid('json');
      const approved = await approveOnKiosk(deps, {
        ...body,
        ipAddress: clientIp(c),
        userAgent: userAgentOf(c),
        request: { method: c.req.method, url: c.req.url },
      });
      return c.json(approved, 200);
    })
    .post('/status', jsonBody(pinResetRequestRef), async (c) =>
      c.json(
        await pinResetStatus(deps, c.req.valid('json'), {
          ipAddress: clientIp(c),
          userAgent: userAgentOf(c),
        }),
        200,
      ),
    )
    .post('/cancel', jsonBody(pinResetRequestRef), async (c) => {
      await cancelPinReset(deps, c.req.valid('json'), { ipAddress: clientIp(c), userAgent: userAgentOf(c) });
      return c.body(null, 204);
    })
    .post('/new-pin', jsonBody(forgotPinNewPinBody), async (c) => {
      const body = c.req.valid('json');
      await chooseNewPin(deps, { ...body, ipAddress: clientIp(c), userAgent: userAgentOf(c) });
      return c.body(null, 204);
    });
}

/** Mounted at /api/admin/users: a person's PIN reset requests, for their managers and admins. */
export function adminPinResetRoutes(deps: ServiceDeps) {
  const read = requireRole(deps, ['admin', 'manager'], 'users.read');
  const decide = requireRole(deps, ['admin', 'manager'], 'users.write');
  return new Hono<AppEnv>()
    .get('/:id/pin-reset-requests', read, async (c) =>
      c.json({ value: await listPinResetRequests(deps, c.get('actor'), c.req.param('id')) }, 200),
    )
    .post('/:id/pin-reset-requests/:requestId/approve', decide, async (c) => {
      await approveFromConsole(deps, c.get('actor'), c.req.param('id'), c.req.param('requestId'));
      return c.body(null, 204);
    })
    .post('/:id/pin-reset-requests/:requestId/decline', decide, async (c) => {
      await declineFromConsole(deps, c.get('actor'), c.req.param('id'), c.req.param('requestId'));
      return c.body(null, 204);
    });
}
