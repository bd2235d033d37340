import type { Db } from '../../db/client.js';
import { auditLogs, signInLogs } from '../../db/schema.js';

export type NewAuditLog = typeof auditLogs.$inferInsert;
export type NewSignInLog = typeof signInLogs.$inferInsert;

export function createLogRepository(db: Db) {
  return {
    async audit(entry: NewAuditLog): Promise<void> {
      await db.insert(auditLogs).values(entry);
    },
    async signIn(entry: NewSignInLog): Promise<void> {
      await db.insert(signInLogs).values(entry);
    },
  };
}
