/**
 * The kiosk's device routes: POST /api/devices/nonce (anyone, budgeted per client network; an enrolled
 * kiosk proving itself, on a budget of its own),
 * POST /api/devices/attestation (the device refreshes its attestation) and POST /api/devices/exit-kiosk
 * (a manager's badge + PIN ends kiosk mode); and POST /api/manager/devices (a signed-in manager or
 * admin enrols this browser).
 */
import { Hono } from 'hono';
import {
  deviceNonceBody,
  enrolDeviceBody,
  exitKioskBody,
  refreshAttestationBody,
  type DeviceNonceBody,
} from '../../contracts/devices.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import { enrolDevice, exitKioskMode, issueDeviceNonce, refreshAttestation } from './kiosk-enrolment.js';
import type { AppEnv } from '../../http/env.js';
import { clientIp, userAgentOf } from '../../http/request.js';
import { jsonBody, optionalJsonBody } from '../../http/validated.js';

export function deviceRoutes(deps: ServiceDeps) {
  return (
    new Hono<AppEnv>()
      // No body at all is the anonymous request (a plain kiosk, an enrolment); anything sent is read.
      .post('/nonce', optionalJsonBody(deviceNonceBody), async (c) => {
        const body: DeviceNonceBody = c.req.valid('json') ?? {};
        const nonce = await issueDeviceNonce(deps, {
          clientAddress: clientIp(c),
          device: body.device,
          request: { method: c.req.method, url: c.req.url },
        });
        return c.json(nonce, 200);
      })
      .post('/attestation', jsonBody(refreshAttestationBody), async (c) => {
        const body = c.req.valid('json');
        const request = { method: c.req.method, url: c.req.url };
        return c.json(await refreshAttestation(deps, body, request), 200);
      })
      .post('/exit-kiosk', jsonBody(exitKioskBody), async (c) => {
        const body = c.req.valid('json');
        const view = await exitKioskMode(deps, {
          // The schema lets exactly one of the two through.
          badge: body.shortCode !== undefined ? { shortCode: body.shortCode } : { qr: body.qr! },
          pin: body.pin,
          action: body.action,
          device: body.device,
          ipAddress: clientIp(c),
          userAgent: userAgentOf(c),
          request: { method: c.req.method, url: c.req.url },
        });
        // Decommissioning forgets everything: the device key, the attestation, caches, the worker.
        if (body.action === 'unenroll') c.header('Clear-Site-Data', '"*"');
        return c.json({ device: view }, 200);
      })
  );
}

export function managerDeviceRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>().post(
    '/',
    requireRole(deps, ['manager', 'admin']),
    jsonBody(enrolDeviceBody),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await enrolDevice(deps, c.get('actor'), body), 201);
    },
  );
}
