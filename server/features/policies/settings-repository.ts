import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { settings } from '../../db/schema.js';

/** Named JSON documents (policies). Read on every use, so every API process sees a change at once. */
export function createSettingsRepository(db: Db) {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const row = await db.query.settings.findFirst({ where: eq(settings.key, key) });
      return row?.value as T | undefined;
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
