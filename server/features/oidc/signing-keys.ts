/**
 * The provider's signing keys: one RS256 key (required by OpenID Connect Core) and one ES256 key,
 * generated with jose at first start, stored sealed under a subkey of the server key and bound to
 * their kid (the RFC 7638 thumbprint). Rotation adds new keys and keeps the replaced ones published
 * until every token they signed has expired; the provider signs with the newest key of an algorithm
 * because JWKS lists keys newest first.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { addSeconds } from '../../domain/clock.js';
import { SIGNING_KEY_OVERLAP_SECONDS } from '../../domain/oidc-lifetimes.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { SigningKeyRow } from './signing-keys-repository.js';

export const SIGNING_ALGORITHMS = ['RS256', 'ES256'] as const;
type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export interface SigningKeySet {
  /** Private JWKs for oidc-provider's `jwks`, newest first. */
  keys: JWK[];
  /** Changes whenever the published key set does (to notice a rotation by another process). */
  version: string;
}

async function newKeyRow(deps: ServiceDeps, alg: SigningAlgorithm, now: Date): Promise<SigningKeyRow> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  const privateJwk: JWK = { ...jwk, kid, alg, use: 'sig' };
  return {
    kid,
    alg,
    privateJwkSealed: deps.oidcSecrets.sealSigningKey(JSON.stringify(privateJwk), kid),
    createdAt: now,
    supersededAt: null,
    removeAfter: null,
  };
}

/** Creates the first key of each algorithm that has none; safe when several processes start at once. */
export async function ensureSigningKeys(deps: ServiceDeps): Promise<void> {
  const current = new Set((await deps.repos.oidcSigningKeys.listCurrent()).map((row) => row.alg));
  for (const alg of SIGNING_ALGORITHMS) {
    if (current.has(alg)) continue;
    await deps.repos.oidcSigningKeys.insertUnlessCurrent(await newKeyRow(deps, alg, deps.clock.now()));
  }
}

/** The published keys, opened. A key this server key cannot open is a configuration error. */
export async function loadSigningKeys(deps: ServiceDeps): Promise<SigningKeySet> {
  const rows = await deps.repos.oidcSigningKeys.listPublished(deps.clock.now());
  const keys = rows.map((row) => {
    const json = deps.oidcSecrets.openSigningKey(row.privateJwkSealed, row.kid);
    if (json === null) {
      throw new Error(`the OIDC signing key ${row.kid} cannot be opened with this server key`);
    }
    return JSON.parse(json) as JWK;
  });
  if (!keys.some((key) => key.alg === 'RS256')) throw new Error('no RS256 OIDC signing key is published');
  return { keys, version: rows.map((row) => row.kid).join(',') };
}

/**
 * Adds a new key per algorithm; the keys it replaces stop signing and stay published for
 * SIGNING_KEY_OVERLAP_SECONDS. Returns the new kids.
 */
export async function rotateSigningKeys(deps: ServiceDeps, now: Date): Promise<string[]> {
  const replaced = (await deps.repos.oidcSigningKeys.listCurrent()).map((row) => row.kid);
  const added: string[] = [];
  for (const alg of SIGNING_ALGORITHMS) {
    const row = await newKeyRow(deps, alg, now);
    await deps.repos.oidcSigningKeys.insert(row);
    added.push(row.kid);
  }
  await deps.repos.oidcSigningKeys.supersede(replaced, now, addSeconds(now, SIGNING_KEY_OVERLAP_SECONDS));
  return added;
}
