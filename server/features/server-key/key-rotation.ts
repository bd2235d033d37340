/**
 * Rotating the server key with overlap (`npm run server-key:rotate`, docs/security.md "The server key").
 * Run while every Shiftpass process is stopped:
 * 1. the new key is written to `server.next.key` (a server will not start while it exists);
 * 2. in one transaction: every keyed value the outgoing key made and the server cannot recompute
 *    (PIN and password verifiers, short-code and recovery-code hashes) is tagged with the outgoing
 *    key's id, and every sealed secret (TOTP seeds, app client secrets, OpenID signing keys, webhook
 *    signing secrets) is
 *    re-sealed under the new key;
 * 3. the outgoing key becomes `server.previous.key`, the new one `server.key`.
 * Each step can be repeated, so a rotation that was interrupted is finished by running it again.
 * Afterwards verifiers are re-hashed at their next successful sign-in, short codes re-keyed at their
 * next use, attestations re-signed at their next refresh. `--retire` removes the previous key once
 * nothing depends on it (or, with `--force`, gives up what still does).
 */
import type { Config } from '../../config.js';
import { encodeBase32 } from '../../domain/base32.js';
import { hmacSha256 } from '../../platform/crypto.js';
import { createConsoleSecrets } from '../../platform/console-secrets.js';
import { createOidcSecrets } from '../../platform/oidc-secrets.js';
import { createWebhookSecrets } from '../webhooks/webhook-secrets.js';
import {
  loadServerKey,
  newServerKey,
  promoteNextServerKey,
  readNextServerKey,
  readPreviousServerKey,
  removePreviousServerKey,
  serverKeyFilesOf,
  serverKeyId,
  writeNextServerKey,
} from '../../platform/server-key.js';
import type { KeyDependents, KeyRotationRepository, SealedValues } from './key-rotation-repository.js';

export interface RotationReport {
  outgoingKid: string;
  newKid: string;
  /** Sealed secrets now under the new key. */
  resealed: number;
  /** Sealed values that opened under neither key (already unreadable before the rotation); left as they were. */
  unreadable: number;
}

export type RotationOutcome = { ok: true; report: RotationReport } | { ok: false; message: string };

export type RetireOutcome =
  | { ok: true; retiredKid: string; dependents: KeyDependents; gaveUp: number }
  | { ok: false; message: string; dependents?: KeyDependents };

const INLINE_KEY =
  'SHIFTPASS_SECRET_KEY is set in the environment: keep the key in a file (SHIFTPASS_SECRET_KEY_FILE, or the default DATA_DIR/server.key) to rotate it';

/** Where the issuer id is kept once a rotation has happened (badges name it; it must not change). */
const ISSUER_ID_SETTING = 'server.issuerId';

export interface IssuerIdStore {
  get<T>(key: string): Promise<T | undefined>;
  insertIfAbsent<T>(key: string, value: T, at: Date): Promise<boolean>;
}

/** Derived from the first server key: stable across restarts and API nodes sharing the key. */
export const deriveIssuerId = (serverKey: Buffer): string =>
  `SP${encodeBase32(hmacSha256(serverKey, 'shiftpass issuer id')).slice(0, 8)}`;

/**
 * The issuer id every badge and attestation carries: ISSUER_ID if set, else the one stored at the first
 * rotation (derived from the key the installation started with), else derived from the current key.
 */
export async function issuerIdOf(
  configured: string | undefined,
  settings: IssuerIdStore,
  currentKey: Buffer,
): Promise<string> {
  if (configured) return configured;
  const stored = await settings.get<string>(ISSUER_ID_SETTING);
  return typeof stored === 'string' ? stored : deriveIssuerId(currentKey);
}

/** Opens each sealed value with either key and seals it again under the new one. */
function reseal(
  values: SealedValues,
  newKey: Buffer,
  outgoing: Buffer,
): { resealed: SealedValues; unreadable: number } {
  const consoleSecrets = createConsoleSecrets(newKey, outgoing);
  const oidcSecrets = createOidcSecrets(newKey, outgoing);
  const webhookSecrets = createWebhookSecrets(newKey, outgoing);
  let unreadable = 0;
  const keep = <T>(value: T | null): value is T => {
    if (value === null) unreadable += 1;
    return value !== null;
  };
  const resealed: SealedValues = {
    totpSeeds: values.totpSeeds.flatMap((row) => {
      const seed = consoleSecrets.openTotpSecret(row.sealed, row.userId);
      return keep(seed)
        ? [{ userId: row.userId, sealed: consoleSecrets.sealTotpSecret(seed, row.userId) }]
        : [];
    }),
    clientSecrets: values.clientSecrets.flatMap((row) => {
      const secret = oidcSecrets.openClientSecret(row.sealed, row.appId);
      return keep(secret)
        ? [{ appId: row.appId, sealed: oidcSecrets.sealClientSecret(secret, row.appId) }]
        : [];
    }),
    signingKeys: values.signingKeys.flatMap((row) => {
      const json = oidcSecrets.openSigningKey(row.sealed, row.kid);
      return keep(json) ? [{ kid: row.kid, sealed: oidcSecrets.sealSigningKey(json, row.kid) }] : [];
    }),
    webhookSecrets: values.webhookSecrets.flatMap((row) => {
      const secret = webhookSecrets.open(row.sealed, row.endpointId);
      return keep(secret)
        ? [{ endpointId: row.endpointId, sealed: webhookSecrets.seal(secret, row.endpointId) }]
        : [];
    }),
  };
  return { resealed, unreadable };
}

const countOf = (values: SealedValues): number =>
  values.totpSeeds.length +
  values.clientSecrets.length +
  values.signingKeys.length +
  values.webhookSecrets.length;

export interface RotationInput {
  source: Config['secretKey'];
  /** ISSUER_ID, if set. */
  issuerId: string | undefined;
  store: KeyRotationRepository;
  settings: IssuerIdStore;
  now: Date;
}

export async function rotateServerKey(input: RotationInput): Promise<RotationOutcome> {
  const { source, store, now } = input;
  if ('inline' in source) return { ok: false, message: INLINE_KEY };
  const files = serverKeyFilesOf(source.file);
  const outgoing = loadServerKey({ ...source, createIfMissing: false }).key;
  const waiting = readNextServerKey(files);
  const previous = readPreviousServerKey(files);
  // An interrupted rotation may have written the outgoing key as the previous one already.
  if (previous && !(waiting && previous.key.equals(outgoing))) {
    return {
      ok: false,
      message: `the key replaced on ${previous.rotatedAt.toISOString()} is still kept: retire it first (npm run server-key:rotate -- --retire)`,
    };
  }
  // Badges carry the issuer id: it is pinned before the key it was derived from goes.
  const issuerId = await issuerIdOf(input.issuerId, input.settings, outgoing);
  if (!input.issuerId) await input.settings.insertIfAbsent(ISSUER_ID_SETTING, issuerId, now);
  let newKey = waiting;
  if (!newKey) {
    do newKey = newServerKey();
    while (serverKeyId(newKey) === serverKeyId(outgoing));
    writeNextServerKey(files, newKey);
  }
  const { resealed, unreadable } = reseal(await store.sealedValues(), newKey, outgoing);
  await store.applyRotation(serverKeyId(outgoing), resealed);
  promoteNextServerKey(files, outgoing, now);
  return {
    ok: true,
    report: {
      outgoingKid: serverKeyId(outgoing),
      newKid: serverKeyId(newKey),
      resealed: countOf(resealed),
      unreadable,
    },
  };
}

const totalOf = (d: KeyDependents): number =>
  d.pinVerifiers + d.passwordVerifiers + d.shortCodes + d.recoveryCodes + d.devices;

/** Removes the previous key if nothing depends on it, or with `force` whatever still does. */
export async function retirePreviousServerKey(
  source: Config['secretKey'],
  store: KeyRotationRepository,
  now: Date,
  force: boolean,
): Promise<RetireOutcome> {
  if ('inline' in source) return { ok: false, message: INLINE_KEY };
  const files = serverKeyFilesOf(source.file);
  if (readNextServerKey(files)) {
    return {
      ok: false,
      message: 'a rotation was interrupted: run npm run server-key:rotate to finish it first',
    };
  }
  const previous = readPreviousServerKey(files);
  if (!previous) return { ok: false, message: 'there is no previous server key to retire' };
  const dependents = await store.countDependents(previous.kid, previous.rotatedAt, now);
  const total = totalOf(dependents);
  if (total > 0 && !force) {
    return { ok: false, message: 'values still depend on the previous server key', dependents };
  }
  removePreviousServerKey(files);
  return { ok: true, retiredKid: previous.kid, dependents, gaveUp: total };
}
