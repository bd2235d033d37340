/**
 * /api/admin/devices: kiosk devices in the console. Managers see and change the devices of their
 * own stores; compliance reports (the MDM webhook) are for admins and admin API tokens only. An API
 * token needs devices.read to read devices, devices.compliance.write to report compliance (it holds
 * devices.read too, so an MDM can find the phones), and admin.full to change them.
 */
import { Hono } from 'hono';
import { externalComplianceBody, listDevicesQuery, updateDeviceBody } from '../../contracts/devices.js';
import { requireRole } from '../../http/middleware/session.js';
import type { ServiceDeps } from '../../core/deps.js';
import {
  getDevice,
  listDevices,
  reportDeviceCompliance,
  revokeDevice,
  updateDevice,
} from './device-admin.js';
import type { AppEnv } from '../../http/env.js';
import { jsonBody, queryOf } from '../../http/validated.js';

export function adminDeviceRoutes(deps: ServiceDeps) {
  const read = requireRole(deps, ['manager', 'admin'], 'devices.read');
  const managers = requireRole(deps, ['manager', 'admin']);
  const complianceReports = requireRole(deps, ['admin'], 'devices.compliance.write');
  return new Hono<AppEnv>()
    .get('/', read, queryOf(listDevicesQuery), async (c) =>
      c.json(await listDevices(deps, c.get('actor'), c.req.valid('query')), 200),
    )
    .get('/:id', read, async (c) => c.json(await getDevice(deps, c.get('actor'), c.req.param('id')), 200))
    .patch('/:id', managers, jsonBody(updateDeviceBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await updateDevice(deps, c.get('actor'), c.req.param('id'), body), 200);
    })
    .post('/:id/revoke', managers, async (c) =>
      c.json(await revokeDevice(deps, c.get('actor'), c.req.param('id')), 200),
    )
    .post('/:id/compliance', complianceReports, jsonBody(externalComplianceBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await reportDeviceCompliance(deps, c.get('actor'), c.req.param('id'), body), 200);
    });
}
