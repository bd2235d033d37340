/**
 * The rows a server key rotation touches: values made under the outgoing key are tagged with its id
 * (domain/key-tag.ts), sealed secrets are replaced by their re-sealed forms, all in one batch (one
 * transaction), and what still depends on a previous key is counted before it is retired.
 */
import { and, count, eq, gt, isNotNull, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import {
  apps,
  devices,
  oidcSigningKeys,
  qrCodes,
  qrPinMethods,
  recoveryCodes,
  totpCredentials,
  users,
  webhookEndpoints,
} from '../../db/schema.js';

/** Sealed secrets as stored, with what each is bound to (its associated data). */
export interface SealedValues {
  totpSeeds: { userId: string; sealed: string }[];
  clientSecrets: { appId: string; sealed: string }[];
  signingKeys: { kid: string; sealed: string }[];
  /** Webhook endpoints' signing secrets (features/webhooks/webhook-secrets.ts). */
  webhookSecrets: { endpointId: string; sealed: string }[];
}

/** How many stored values still need the previous key. */
export interface KeyDependents {
  pinVerifiers: number;
  passwordVerifiers: number;
  shortCodes: number;
  recoveryCodes: number;
  /** Kiosk phones (not revoked) whose newest attestation was signed before the rotation. */
  devices: number;
}

/** Untagged values contain no colon (argon2 PHC strings, hex hashes); tagging prefixes `<kid>:`. */
const tag = (column: SQLiteColumn, kid: string): SQL => sql`${kid} || ':' || ${column}`;
const untagged = (column: SQLiteColumn): SQL => sql`instr(${column}, ':') = 0`;
const taggedWith = (column: SQLiteColumn, kid: string): SQL => sql`${column} LIKE ${`${kid}:%`}`;

export function createKeyRotationRepository(db: Db) {
  return {
    async sealedValues(): Promise<SealedValues> {
      const totpSeeds = await db
        .select({ userId: totpCredentials.userId, sealed: totpCredentials.secretSealed })
        .from(totpCredentials);
      const clientSecrets = await db
        .select({ appId: apps.id, sealed: apps.clientSecretSealed })
        .from(apps)
        .where(isNotNull(apps.clientSecretSealed));
      const signingKeys = await db
        .select({ kid: oidcSigningKeys.kid, sealed: oidcSigningKeys.privateJwkSealed })
        .from(oidcSigningKeys);
      const webhookSecrets = await db
        .select({ endpointId: webhookEndpoints.id, sealed: webhookEndpoints.secretSealed })
        .from(webhookEndpoints);
      return {
        totpSeeds,
        clientSecrets: clientSecrets.flatMap((row) =>
          row.sealed ? [{ appId: row.appId, sealed: row.sealed }] : [],
        ),
        signingKeys,
        webhookSecrets,
      };
    },

    /**
     * Tags every untagged keyed value with the outgoing key's id and stores the re-sealed secrets,
     * in one batch: either all of it happens or none.
     */
    async applyRotation(outgoingKid: string, resealed: SealedValues): Promise<void> {
      await db.batch([
        db
          .update(qrPinMethods)
          .set({ pinHash: tag(qrPinMethods.pinHash, outgoingKid) })
          .where(untagged(qrPinMethods.pinHash)),
        db
          .update(users)
          .set({ passwordHash: tag(users.passwordHash, outgoingKid) })
          .where(and(isNotNull(users.passwordHash), untagged(users.passwordHash))),
        db
          .update(qrCodes)
          .set({ shortCodeHash: tag(qrCodes.shortCodeHash, outgoingKid) })
          .where(and(isNotNull(qrCodes.shortCodeHash), untagged(qrCodes.shortCodeHash))),
        db
          .update(recoveryCodes)
          .set({ codeHash: tag(recoveryCodes.codeHash, outgoingKid) })
          .where(untagged(recoveryCodes.codeHash)),
        ...resealed.totpSeeds.map((row) =>
          db
            .update(totpCredentials)
            .set({ secretSealed: row.sealed })
            .where(eq(totpCredentials.userId, row.userId)),
        ),
        ...resealed.clientSecrets.map((row) =>
          db.update(apps).set({ clientSecretSealed: row.sealed }).where(eq(apps.id, row.appId)),
        ),
        ...resealed.signingKeys.map((row) =>
          db
            .update(oidcSigningKeys)
            .set({ privateJwkSealed: row.sealed })
            .where(eq(oidcSigningKeys.kid, row.kid)),
        ),
        ...resealed.webhookSecrets.map((row) =>
          db
            .update(webhookEndpoints)
            .set({ secretSealed: row.sealed })
            .where(eq(webhookEndpoints.id, row.endpointId)),
        ),
      ]);
    },

    /** What still needs the key `kid` (rotated out at `rotatedAt`), as of `now`. */
    async countDependents(kid: string, rotatedAt: Date, now: Date): Promise<KeyDependents> {
      const countWhere = async (
        table: Parameters<ReturnType<Db['select']>['from']>[0],
        where: SQL | undefined,
      ) => (await db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0;
      return {
        pinVerifiers: await countWhere(qrPinMethods, taggedWith(qrPinMethods.pinHash, kid)),
        passwordVerifiers: await countWhere(users, taggedWith(users.passwordHash, kid)),
        shortCodes: await countWhere(
          qrCodes,
          and(taggedWith(qrCodes.shortCodeHash, kid), gt(qrCodes.expireDateTime, now)),
        ),
        recoveryCodes: await countWhere(
          recoveryCodes,
          and(taggedWith(recoveryCodes.codeHash, kid), isNull(recoveryCodes.usedAt)),
        ),
        devices: await countWhere(
          devices,
          and(ne(devices.status, 'revoked'), lt(devices.attestationIssuedAt, rotatedAt)),
        ),
      };
    },
  };
}

export type KeyRotationRepository = ReturnType<typeof createKeyRotationRepository>;
