/**
 * Badges: /api/admin/users/{id}/qr-code-pin-method (a person's QR-code + PIN method: its codes, PIN
 * reset and unlock) and /api/admin/groups/{id}/badges (a store's badges at once, and its new people
 * waiting for their first one). Admins, and managers for workers of their own stores (checked per
 * person in the services).
 *
 * Graph's own verbs are here too: PATCH …/standard-qr-code and …/temporary-qr-code are Graph's
 * "Create or update qrCode" (a new code when none is unexpired, 201; else a standard code's new
 * expiry, 200), and PATCH …/pin is Graph's "Update qrPin", the same reset as POST …/pin/reset,
 * answered 201 as Graph does.
 */
import { Hono } from 'hono';
import { groupBadgesBody } from '../../contracts/bulk.js';
import { putQrPinMethodBody, qrCodeWindowBody, resetPinBody } from '../../contracts/schemas.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { AppEnv } from '../../http/env.js';
import { requireRole } from '../../http/middleware/session.js';
import { jsonBody } from '../../http/validated.js';
import { listNewPeopleWithoutBadges } from './badge-queue.js';
import { issueGroupBadges, previewGroupBadges } from './group-badges.js';
import {
  deleteQrCode,
  deleteQrPinMethod,
  getQrPinMethodState,
  issueQrCode,
  issueQrPinMethod,
  patchQrCode,
  resetPin,
  unlockMethod,
} from './qr-pin-method.js';

const METHOD = '/users/:id/qr-code-pin-method';

/** Mounted at /api/admin. */
export function adminBadgeRoutes(deps: ServiceDeps) {
  // API tokens: reading a badge's state needs users.read, issuing and changing badges users.write.
  const read = requireRole(deps, ['admin', 'manager'], 'users.read');
  const change = requireRole(deps, ['admin', 'manager'], 'users.write');
  return new Hono<AppEnv>()
    .put(METHOD, change, jsonBody(putQrPinMethodBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await issueQrPinMethod(deps, c.get('actor'), c.req.param('id'), body), 201);
    })
    .get(METHOD, read, async (c) =>
      c.json(await getQrPinMethodState(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .delete(METHOD, change, async (c) => {
      await deleteQrPinMethod(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    })
    .put(`${METHOD}/standard-qr-code`, change, jsonBody(qrCodeWindowBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await issueQrCode(deps, c.get('actor'), c.req.param('id'), 'standard', body), 201);
    })
    .patch(`${METHOD}/standard-qr-code`, change, jsonBody(qrCodeWindowBody), async (c) => {
      const body = c.req.valid('json');
      const result = await patchQrCode(deps, c.get('actor'), c.req.param('id'), 'standard', body);
      return result.created ? c.json(result.code, 201) : c.json(result.code, 200);
    })
    .delete(`${METHOD}/standard-qr-code`, change, async (c) => {
      await deleteQrCode(deps, c.get('actor'), c.req.param('id'), 'standard');
      return c.body(null, 204);
    })
    .put(`${METHOD}/temporary-qr-code`, change, jsonBody(qrCodeWindowBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await issueQrCode(deps, c.get('actor'), c.req.param('id'), 'temporary', body), 201);
    })
    .patch(`${METHOD}/temporary-qr-code`, change, jsonBody(qrCodeWindowBody), async (c) => {
      const body = c.req.valid('json');
      const result = await patchQrCode(deps, c.get('actor'), c.req.param('id'), 'temporary', body);
      return result.created ? c.json(result.code, 201) : c.json(result.code, 200);
    })
    .delete(`${METHOD}/temporary-qr-code`, change, async (c) => {
      await deleteQrCode(deps, c.get('actor'), c.req.param('id'), 'temporary');
      return c.body(null, 204);
    })
    .post(`${METHOD}/pin/reset`, change, jsonBody(resetPinBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await resetPin(deps, c.get('actor'), c.req.param('id'), body), 200);
    })
    .patch(`${METHOD}/pin`, change, jsonBody(resetPinBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await resetPin(deps, c.get('actor'), c.req.param('id'), body), 201);
    })
    .post(`${METHOD}/unlock`, change, async (c) => {
      await unlockMethod(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/groups/:id/badges', read, async (c) =>
      c.json(await previewGroupBadges(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .get('/groups/:id/badges/new-people', read, async (c) =>
      c.json(await listNewPeopleWithoutBadges(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .post('/groups/:id/badges', change, jsonBody(groupBadgesBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await issueGroupBadges(deps, c.get('actor'), c.req.param('id'), body), 200);
    });
}
