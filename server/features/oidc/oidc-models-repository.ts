/**
 * oidc-provider's storage (its Adapter interface) on the `oidc_models` table: one row per Session,
 * Interaction, Grant, AuthorizationCode, AccessToken, RefreshToken, … keyed by (model, id), so every
 * API process sharing the database sees the same provider state. Expired rows are never returned.
 *
 * Bearer values are not stored in the clear: an opaque token's value IS its id (`jti`), so for every
 * model but Session and Interaction the row is keyed by a hash of the id (the injected `hashId`) and
 * the payload's `jti` is left out and put back from the id a lookup was given. Session and Interaction
 * ids are cookie values, useless without the cookie signature (a subkey of the server key), and are
 * kept as they are because oidc-provider also finds sessions by uid.
 *
 * The `Client` model is not stored here: client metadata comes from the `apps` table through the
 * injected `findClient` (dynamic registration is off, so the provider never writes a client).
 */
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { oidcModels, oidcSessionLinks } from '../../db/schema.js';

/** What oidc-provider stores for one item: JSON, with a few well-known members. */
export type OidcPayload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: number;
};

export interface OidcAdapter {
  upsert(id: string, payload: OidcPayload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<OidcPayload | undefined>;
  findByUid(uid: string): Promise<OidcPayload | undefined>;
  findByUserCode(userCode: string): Promise<OidcPayload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

export type OidcAdapterClass = new (model: string) => OidcAdapter;

/** Client metadata for an app id, or undefined when there is no such enabled app. */
export type FindClient = (id: string) => Promise<Record<string, unknown> | undefined>;

/** Models whose ids are kept as they are (see the header); every other model's id is hashed. */
const PLAIN_ID_MODELS = new Set(['Session', 'Interaction']);

const optionalText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function createOidcModelsRepository(db: Db) {
  /**
   * oidc-provider reads the system clock itself (token `exp`, `iat`), so expiry here uses the same
   * clock rather than the injectable service clock.
   */
  const now = () => new Date();
  const live = () => or(isNull(oidcModels.expiresAt), gt(oidcModels.expiresAt, now()));
  const toPayload = (row: { payload: unknown; consumedAt: Date | null }): OidcPayload => {
    const payload = { ...(row.payload as OidcPayload) };
    if (row.consumedAt) payload.consumed = Math.floor(row.consumedAt.getTime() / 1000);
    return payload;
  };

  class ModelAdapter implements OidcAdapter {
    private readonly plain: boolean;
    constructor(
      private readonly model: string,
      private readonly hashId: (id: string) => string,
    ) {
      this.plain = PLAIN_ID_MODELS.has(model);
    }

    private key(id: string): string {
      return this.plain ? id : this.hashId(id);
    }

    async upsert(id: string, payload: OidcPayload, expiresIn?: number): Promise<void> {
      const { jti: _jti, ...withoutJti } = payload;
      const row = {
        payload: this.plain ? payload : withoutJti,
        grantId: optionalText(payload.grantId),
        userCode: optionalText(payload.userCode),
        uid: optionalText(payload.uid),
        expiresAt: typeof expiresIn === 'number' ? new Date(now().getTime() + expiresIn * 1000) : null,
        consumedAt: null,
      };
      await db
        .insert(oidcModels)
        .values({ model: this.model, id: this.key(id), ...row })
        .onConflictDoUpdate({ target: [oidcModels.model, oidcModels.id], set: row });
    }

    private async findWhere(condition: ReturnType<typeof eq>): Promise<OidcPayload | undefined> {
      const [row] = await db
        .select({ payload: oidcModels.payload, consumedAt: oidcModels.consumedAt })
        .from(oidcModels)
        .where(and(eq(oidcModels.model, this.model), condition, live()))
        .limit(1);
      return row ? toPayload(row) : undefined;
    }

    async find(id: string) {
      const payload = await this.findWhere(eq(oidcModels.id, this.key(id)));
      return payload && !this.plain ? { ...payload, jti: id } : payload;
    }

    findByUid(uid: string) {
      return this.findWhere(eq(oidcModels.uid, uid));
    }

    findByUserCode(userCode: string) {
      return this.findWhere(eq(oidcModels.userCode, userCode));
    }

    async consume(id: string): Promise<void> {
      await db
        .update(oidcModels)
        .set({ consumedAt: now() })
        .where(and(eq(oidcModels.model, this.model), eq(oidcModels.id, this.key(id))));
    }

    async destroy(id: string): Promise<void> {
      await db
        .delete(oidcModels)
        .where(and(eq(oidcModels.model, this.model), eq(oidcModels.id, this.key(id))));
    }

    /**
     * This model's items of a grant. oidc-provider calls it on every token model when it revokes a
     * grant (a reused refresh token revokes the whole family); an Interaction also names its grant
     * and must survive the grant's revocation (the worker may still complete it after signing in again).
     */
    async revokeByGrantId(grantId: string): Promise<void> {
      await db
        .delete(oidcModels)
        .where(and(eq(oidcModels.model, this.model), eq(oidcModels.grantId, grantId)));
    }
  }

  const clientAdapter = (findClient: FindClient): OidcAdapter => {
    const readOnly = () => Promise.reject(new Error('store apps are registered in the console, not here'));
    return {
      find: (id) => findClient(id),
      findByUid: () => Promise.resolve(undefined),
      findByUserCode: () => Promise.resolve(undefined),
      upsert: readOnly,
      consume: readOnly,
      destroy: readOnly,
      revokeByGrantId: () => Promise.resolve(),
    };
  };

  return {
    /** The Adapter class oidc-provider instantiates once per model name. */
    adapterClass(findClient: FindClient, hashId: (id: string) => string): OidcAdapterClass {
      return class {
        constructor(model: string) {
          return model === 'Client' ? clientAdapter(findClient) : new ModelAdapter(model, hashId);
        }
      } as unknown as OidcAdapterClass;
    },

    /**
     * Removes at most `limit` rows past their expiry (housekeeping; expired rows are never returned
     * anyway) and answers how many. One bounded statement: the deliverer's sweep repeats it until
     * fewer than `limit` go, so a large backlog never holds the write lock for long.
     */
    async deleteExpired(limit: number): Promise<number> {
      const expired = db
        .select({ rowid: sql`rowid` })
        .from(oidcModels)
        .where(lte(oidcModels.expiresAt, now()))
        .limit(limit);
      const result = await db.delete(oidcModels).where(sql`rowid in ${expired}`);
      return result.rowsAffected;
    },

    /** Records that a provider session was (last) signed in through this kiosk session. */
    async linkSession(link: typeof oidcSessionLinks.$inferInsert): Promise<void> {
      await db
        .insert(oidcSessionLinks)
        .values(link)
        .onConflictDoUpdate({
          target: oidcSessionLinks.providerSessionUid,
          set: { kioskSessionId: link.kioskSessionId, userId: link.userId, createdAt: link.createdAt },
        });
    },

    async linksOfKioskSession(kioskSessionId: string) {
      return db.select().from(oidcSessionLinks).where(eq(oidcSessionLinks.kioskSessionId, kioskSessionId));
    },
  };
}

export type OidcModelsRepository = ReturnType<typeof createOidcModelsRepository>;
