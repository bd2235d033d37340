/**
 * The counts behind the console dashboard's first-steps checklist (first-steps.ts): stores, people who
 * are not admins, people holding a badge that has not expired, kiosks not removed. Read-only, one
 * aggregate per table; installations hold thousands of people, not millions, so plain counts suffice.
 */
import { count, countDistinct, gt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { devices, groups, qrCodes, users } from '../../db/schema.js';

export interface FirstStepCounts {
  stores: number;
  people: number;
  peopleWithBadge: number;
  kiosks: number;
}

export function createFirstStepsRepository(db: Db) {
  return {
    async counts(at: Date): Promise<FirstStepCounts> {
      const [[stores], [people], [badges], [kiosks]] = await Promise.all([
        db.select({ n: count() }).from(groups),
        db.select({ n: count() }).from(users).where(ne(users.role, 'admin')),
        db
          .select({ n: countDistinct(qrCodes.methodId) })
          .from(qrCodes)
          .where(gt(qrCodes.expireDateTime, at)),
        db.select({ n: count() }).from(devices).where(ne(devices.status, 'revoked')),
      ]);
      return {
        stores: stores?.n ?? 0,
        people: people?.n ?? 0,
        peopleWithBadge: badges?.n ?? 0,
        kiosks: kiosks?.n ?? 0,
      };
    },
  };
}
