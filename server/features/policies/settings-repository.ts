import { eq, fillPlaceholders, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { PreparedReads } from '../../db/prepared-reads.js';
import { settings } from '../../db/schema.js';

/**
 * Named JSON documents (policies). Read on every use, so every API process sees a change at once;
 * the read is kept prepared (db/prepared-reads.ts: a sign-in reads two documents).
 */
export function createSettingsRepository(db: Db, reads: PreparedReads) {
  const byKey = db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .toSQL();
  const runByKey = reads.prepare(byKey.sql);
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const row = await runByKey(fillPlaceholders(byKey.params, { key }));
      return row ? (settings.value.mapFromDriverValue(row[0] as string) as T) : undefined;
    },
    async put<T>(key: string, value: T, at: Date): Promise<void> {
      await db
        .insert(settings)
        .values({ key, value, updatedAt: at })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } });
    },
    /**
     * Stores `value` only if nothing is stored under `key`, in one statement, so API processes
     * starting together store one document and never overwrite a saved one. True if this call stored it.
     */
    async insertIfAbsent<T>(key: string, value: T, at: Date): Promise<boolean> {
      const rows = await db
        .insert(settings)
        .values({ key, value, updatedAt: at })
        .onConflictDoNothing({ target: settings.key })
        .returning({ key: settings.key });
      return rows.length === 1;
    },
  };
}
