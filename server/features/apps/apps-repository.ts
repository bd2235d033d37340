/**
 * Store apps (OpenID Connect clients). The id is the client_id. A small table read by id on every
 * OIDC request and listed whole by the console: several API nodes share the database, so nothing is
 * cached in process. The JSON columns are typed here, on the way out.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolationOn } from '../../db/errors.js';
import { apps } from '../../db/schema.js';

/** A `private_key_jwt` app's public keys, as a JWK Set. */
export interface AppJwks {
  keys: Record<string, unknown>[];
}

type StoredApp = typeof apps.$inferSelect;
type JsonColumns = 'jwks' | 'redirectUris' | 'postLogoutRedirectUris' | 'groupIds';

export type AppRow = Omit<StoredApp, JsonColumns> & {
  jwks: AppJwks | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Stores whose workers see the app on the kiosk home; empty: every store. */
  groupIds: string[];
};
export type NewApp = AppRow;
export type AppChanges = Partial<
  Pick<
    AppRow,
    | 'displayName'
    | 'clientType'
    | 'tokenEndpointAuthMethod'
    | 'clientSecretSealed'
    | 'jwks'
    | 'redirectUris'
    | 'postLogoutRedirectUris'
    | 'backchannelLogoutUri'
    | 'homeUrl'
    | 'groupIds'
    | 'enabled'
  >
> & { updatedAt: Date };

/** Another app already has this display name. */
export type NameTaken = 'name_taken';

const NAME_COLUMN = 'apps.display_name';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function toAppRow(row: StoredApp): AppRow {
  const jwks = row.jwks as AppJwks | null;
  return {
    ...row,
    jwks: jwks && Array.isArray(jwks.keys) ? jwks : null,
    redirectUris: strings(row.redirectUris),
    postLogoutRedirectUris: strings(row.postLogoutRedirectUris),
    groupIds: strings(row.groupIds),
  };
}

async function unlessNameTaken<T>(write: () => Promise<T>): Promise<T | NameTaken> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolationOn(error, NAME_COLUMN)) return 'name_taken';
    throw error;
  }
}

export function createAppRepository(db: Db) {
  return {
    async findById(id: string): Promise<AppRow | undefined> {
      const row = await db.query.apps.findFirst({ where: eq(apps.id, id) });
      return row ? toAppRow(row) : undefined;
    },
    /** Every app, by display name. */
    async list(): Promise<AppRow[]> {
      const rows = await db.select().from(apps).orderBy(asc(apps.displayName), asc(apps.id));
      return rows.map(toAppRow);
    },
    async create(app: NewApp): Promise<AppRow | NameTaken> {
      return unlessNameTaken(async () => {
        const [row] = await db.insert(apps).values(app).returning();
        return toAppRow(row!);
      });
    },
    async update(id: string, changes: AppChanges): Promise<AppRow | undefined | NameTaken> {
      return unlessNameTaken(async () => {
        const [row] = await db.update(apps).set(changes).where(eq(apps.id, id)).returning();
        return row ? toAppRow(row) : undefined;
      });
    },
    async delete(id: string): Promise<boolean> {
      const rows = await db.delete(apps).where(eq(apps.id, id)).returning({ id: apps.id });
      return rows.length > 0;
    },
  };
}
