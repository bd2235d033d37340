/**
 * Devices in the console (/api/admin/devices): list, read, rename, move store, suspend or resume,
 * revoke, and the MDM webhook's compliance reports. Admins act on every device; a manager only on
 * the devices of their own stores (and moves them only between those). Every change is audited; a
 * revoked device never changes again (the phone must be enrolled anew).
 */
import { z } from 'zod';
import type {
  AdminDeviceView,
  externalComplianceBody,
  listDevicesQuery,
  updateDeviceBody,
} from '../../contracts/devices.js';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import type { Page } from '../../contracts/pagination.js';
import type { DeviceChanges, DeviceRow, DeviceWithNames } from './devices-repository.js';
import { managedGroupIds } from '../../core/actor-scope.js';
import { recordAudit } from '../../core/audit.js';
import { complianceOf, storedExternalCompliance, type StoredExternalCompliance } from './compliance.js';
import { decodeCursor, toPage } from '../../core/list-cursor.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { endDeviceSessions } from '../sessions/sessions.js';

const deviceCursor = z.strictObject({ n: z.string().max(2048), i: z.string().max(64) });

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

async function toAdminView(
  deps: ServiceDeps,
  row: DeviceWithNames,
  signInCount: number,
  now: Date,
): Promise<AdminDeviceView> {
  const { device } = row;
  const external = storedExternalCompliance(device.externalCompliance);
  return {
    id: device.id,
    displayName: device.displayName,
    group: device.groupId ? { id: device.groupId, displayName: row.groupName ?? '' } : null,
    status: device.status,
    compliance: await complianceOf(device, now),
    keyThumbprint: device.keyThumbprint,
    enrolledBy: device.enrolledByUserId
      ? { id: device.enrolledByUserId, displayName: row.enrolledByName ?? '' }
      : null,
    createdDateTime: device.createdAt.toISOString(),
    lastSeenDateTime: iso(device.lastSeenAt),
    appVersion: device.appVersion,
    attestationExpiresDateTime: iso(device.attestationExpiresAt),
    externalCompliance: external && {
      compliant: external.compliant,
      reasons: external.reasons,
      source: external.source,
      reportedDateTime: external.reportedAt,
    },
    statusChangedDateTime: iso(device.statusChangedAt),
    signInCount,
  };
}

/**
 * The device, if the actor may see it: 404 when there is none, and the same 404 outside a manager's
 * stores, so a manager cannot tell another store's phones from unused ids.
 */
async function loadVisibleDevice(deps: ServiceDeps, actor: Actor, id: string): Promise<DeviceWithNames> {
  const row = await deps.repos.devices.findWithNames(id);
  const mine = await managedGroupIds(deps, actor);
  const visible =
    row !== undefined &&
    (mine === null || (row.device.groupId !== null && mine.includes(row.device.groupId)));
  if (!visible) throw new ApiError('NOT_FOUND', say.noSuchDevice);
  return row;
}

async function viewOf(deps: ServiceDeps, id: string): Promise<AdminDeviceView> {
  const row = await deps.repos.devices.findWithNames(id);
  if (!row) throw new ApiError('NOT_FOUND', say.noSuchDevice);
  const counts = await deps.repos.devices.signInCounts([id]);
  return toAdminView(deps, row, counts.get(id) ?? 0, deps.clock.now());
}

export async function listDevices(
  deps: ServiceDeps,
  actor: Actor,
  query: z.output<typeof listDevicesQuery>,
): Promise<Page<AdminDeviceView>> {
  const after = decodeCursor(query.cursor, deviceCursor);
  const scope = await managedGroupIds(deps, actor);
  const rows = await deps.repos.devices.list({
    search: query.search || undefined,
    groupId: query.groupId,
    status: query.status,
    scopeGroupIds: scope ?? undefined,
    after: after && { sortName: after.n, id: after.i },
    limit: query.limit + 1,
  });
  const shown = rows.slice(0, query.limit);
  const counts = await deps.repos.devices.signInCounts(shown.map((r) => r.device.id));
  const now = deps.clock.now();
  const views = new Map<string, AdminDeviceView>();
  for (const row of shown) {
    views.set(row.device.id, await toAdminView(deps, row, counts.get(row.device.id) ?? 0, now));
  }
  return toPage(
    rows,
    query.limit,
    (row) => views.get(row.device.id)!,
    (row) => ({ n: row.sortName, i: row.device.id }),
  );
}

export async function getDevice(deps: ServiceDeps, actor: Actor, id: string): Promise<AdminDeviceView> {
  await loadVisibleDevice(deps, actor, id);
  return viewOf(deps, id);
}

const summary = (device: DeviceRow) => ({
  displayName: device.displayName,
  groupId: device.groupId,
  status: device.status,
});

async function applyChange(
  deps: ServiceDeps,
  actor: Actor,
  before: DeviceRow,
  changes: DeviceChanges,
  activity: string,
): Promise<AdminDeviceView> {
  const after = await deps.repos.devices.update(before.id, changes, { unlessRevoked: true });
  if (!after) throw new ApiError('DEVICE_ALREADY_REVOKED');
  // A suspended or revoked phone is signed out, with every store app on it.
  if (after.status !== 'active' && after.status !== before.status) await endDeviceSessions(deps, before.id);
  await recordAudit(
    deps,
    actor,
    activity,
    { type: 'device', id: before.id },
    {
      before: summary(before),
      after: summary(after),
    },
  );
  return viewOf(deps, before.id);
}

/** PATCH: rename, move store (a manager only between their own stores), suspend or resume. */
export async function updateDevice(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: z.output<typeof updateDeviceBody>,
): Promise<AdminDeviceView> {
  const { device } = await loadVisibleDevice(deps, actor, id);
  if (device.status === 'revoked') throw new ApiError('DEVICE_ALREADY_REVOKED');
  const changes: DeviceChanges = {};
  if (patch.displayName !== undefined) changes.displayName = patch.displayName;
  if (patch.groupId !== undefined && patch.groupId !== device.groupId) {
    // Another store is, to a manager, a store that does not exist.
    const mine = await managedGroupIds(deps, actor);
    if (
      (mine !== null && !mine.includes(patch.groupId)) ||
      !(await deps.repos.groups.findById(patch.groupId))
    ) {
      throw new ApiError('GROUP_NOT_FOUND', say.noSuchStore, { field: 'groupId' });
    }
    changes.groupId = patch.groupId;
  }
  if (patch.status !== undefined && patch.status !== device.status) {
    changes.status = patch.status;
    changes.statusChangedAt = deps.clock.now();
    changes.statusChangedByUserId = actor.userId;
  }
  if (Object.keys(changes).length === 0) return viewOf(deps, id);
  return applyChange(deps, actor, device, changes, 'device.updated');
}

/** POST /revoke: final; the device is refused at once, even with a still-valid attestation. */
export async function revokeDevice(deps: ServiceDeps, actor: Actor, id: string): Promise<AdminDeviceView> {
  const { device } = await loadVisibleDevice(deps, actor, id);
  if (device.status === 'revoked') throw new ApiError('DEVICE_ALREADY_REVOKED');
  return applyChange(
    deps,
    actor,
    device,
    { status: 'revoked', statusChangedAt: deps.clock.now(), statusChangedByUserId: actor.userId },
    'device.revoked',
  );
}

/**
 * POST /compliance (admins; the MDM webhook with an admin API token): the latest external verdict,
 * read from the live record at the device's next sign-in or attestation.
 */
export async function reportDeviceCompliance(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  report: z.output<typeof externalComplianceBody>,
): Promise<AdminDeviceView> {
  const { device } = await loadVisibleDevice(deps, actor, id);
  const stored: StoredExternalCompliance = {
    compliant: report.compliant,
    reasons: report.reasons,
    source: report.source,
    reportedAt: deps.clock.now().toISOString(),
  };
  await deps.repos.devices.update(id, { externalCompliance: stored });
  await recordAudit(
    deps,
    actor,
    'device.complianceReported',
    { type: 'device', id },
    {
      before: storedExternalCompliance(device.externalCompliance),
      after: stored,
    },
  );
  return viewOf(deps, id);
}
