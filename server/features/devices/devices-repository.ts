/**
 * Kiosk devices: enrol, read by id or key thumbprint, change, keyset pages in lower(displayName), id
 * order, and each device's successful sign-ins (through sign_in_logs_device_idx).
 */
import { and, eq, gt, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { devices, groups, signInLogs, users } from '../../db/schema.js';

export type DeviceRow = typeof devices.$inferSelect;
export type NewDevice = typeof devices.$inferInsert;
export type DeviceChanges = Partial<
  Pick<
    NewDevice,
    | 'displayName'
    | 'groupId'
    | 'status'
    | 'statusChangedAt'
    | 'statusChangedByUserId'
    | 'lastSeenAt'
    | 'appVersion'
    | 'attestationIssuedAt'
    | 'attestationExpiresAt'
    | 'externalCompliance'
  >
>;

/** A device with the names an admin view shows beside it. */
export interface DeviceWithNames {
  device: DeviceRow;
  groupName: string | null;
  enrolledByName: string | null;
  /** lower(displayName) as SQLite computes it (the list's sort key). */
  sortName: string;
}

export interface DeviceListOptions {
  /** Case-insensitive prefix of displayName. */
  search?: string;
  groupId?: string;
  status?: DeviceRow['status'];
  /** A manager's view: only devices of these groups. */
  scopeGroupIds?: string[];
  after?: { sortName: string; id: string };
  limit: number;
}

/** Sorts after any character a name holds, so [p, p + END) is "starts with p". */
const END = '\u{10FFFF}';
const sortName = sql<string>`lower(${devices.displayName})`;

const withNames = {
  device: devices,
  groupName: groups.displayName,
  enrolledByName: users.displayName,
  sortName,
};

// Devices are a store's few phones: thousands at most. Pages sort the matches (no index on
// lower(display_name)); devices_group_idx serves the store filter and a manager's scope.
export function createDeviceRepository(db: Db) {
  const selectWithNames = () =>
    db
      .select(withNames)
      .from(devices)
      .leftJoin(groups, eq(devices.groupId, groups.id))
      .leftJoin(users, eq(devices.enrolledByUserId, users.id));

  return {
    async insert(device: NewDevice): Promise<'inserted' | 'key_taken'> {
      const rows = await db
        .insert(devices)
        .values(device)
        .onConflictDoNothing({ target: devices.keyThumbprint })
        .returning({ id: devices.id });
      return rows.length === 1 ? 'inserted' : 'key_taken';
    },
    async findById(id: string): Promise<DeviceRow | undefined> {
      return db.query.devices.findFirst({ where: eq(devices.id, id) });
    },
    async findByThumbprint(keyThumbprint: string): Promise<DeviceRow | undefined> {
      return db.query.devices.findFirst({ where: eq(devices.keyThumbprint, keyThumbprint) });
    },
    async findWithNames(id: string): Promise<DeviceWithNames | undefined> {
      const [row] = await selectWithNames().where(eq(devices.id, id));
      return row;
    },
    /**
     * Changes the device; with `unlessRevoked` only while it is not revoked (a revocation is final),
     * answering undefined when nothing matched.
     */
    async update(
      id: string,
      changes: DeviceChanges,
      options: { unlessRevoked?: boolean } = {},
    ): Promise<DeviceRow | undefined> {
      const [row] = await db
        .update(devices)
        .set(changes)
        .where(
          and(eq(devices.id, id), options.unlessRevoked ? sql`${devices.status} <> 'revoked'` : undefined),
        )
        .returning();
      return row;
    },
    async list(options: DeviceListOptions): Promise<DeviceWithNames[]> {
      const conditions: (SQL | undefined)[] = [];
      if (options.search) {
        conditions.push(
          and(
            gte(sortName, sql`lower(${options.search})`),
            sql`${sortName} < lower(${options.search}) || ${END}`,
          ),
        );
      }
      if (options.groupId !== undefined) conditions.push(eq(devices.groupId, options.groupId));
      if (options.status !== undefined) conditions.push(eq(devices.status, options.status));
      if (options.scopeGroupIds !== undefined) {
        conditions.push(
          options.scopeGroupIds.length === 0 ? sql`0` : inArray(devices.groupId, options.scopeGroupIds),
        );
      }
      if (options.after) {
        const { sortName: name, id } = options.after;
        conditions.push(or(gt(sortName, name), and(eq(sortName, name), gt(devices.id, id))));
      }
      return selectWithNames()
        .where(and(...conditions))
        .orderBy(sortName, devices.id)
        .limit(options.limit);
    },
    /** Successful sign-ins per device, for a page of devices. */
    async signInCounts(deviceIds: string[]): Promise<Map<string, number>> {
      if (deviceIds.length === 0) return new Map();
      const rows = await db
        .select({ deviceId: signInLogs.deviceId, n: sql<number>`count(*)` })
        .from(signInLogs)
        .where(and(inArray(signInLogs.deviceId, deviceIds), eq(signInLogs.result, 'success')))
        .groupBy(signInLogs.deviceId);
      return new Map(rows.map((r) => [r.deviceId ?? '', Number(r.n)]));
    },
  };
}
