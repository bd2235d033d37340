/**
 * The OpenID provider's secrets at rest, each under its own subkey of the server key
 * (HMAC-SHA256(server key, label), as for the PIN pepper and the TOTP seeds; docs/security.md):
 * - store apps' client secrets, sealed with AES-256-GCM bound to the app's id (the provider compares
 *   the secret an app sends, so a one-way hash will not do);
 * - the provider's private signing keys (JWK JSON), sealed and bound to their `kid`;
 * - the keys that sign the provider's cookies, derived, so every API node sharing the server key
 *   agrees without storing anything.
 * After a server key rotation (`previousKey`), values sealed under the previous key still open, and
 * its cookie key stays in the list: cookies signed before the rotation still verify.
 */
import { randomBytes } from 'node:crypto';
import { hmacSha256 } from './crypto.js';
import { createSecretBox } from './secret-box.js';

/** 256 random bits, base64url: what an app's client_secret is. */
const CLIENT_SECRET_BYTES = 32;

export interface OidcSecrets {
  newClientSecret(): string;
  sealClientSecret(secret: string, appId: string): string;
  /** The secret, or null when the value was not sealed by this server key for this app. */
  openClientSecret(sealed: string, appId: string): string | null;
  sealSigningKey(privateJwkJson: string, kid: string): string;
  openSigningKey(sealed: string, kid: string): string | null;
  /** Keys for oidc-provider's signed cookies (`cookies.keys`). */
  cookieKeys: string[];
}

const subkeyBox = (serverKey: Buffer, previousKey: Buffer | undefined, label: string) =>
  createSecretBox(hmacSha256(serverKey, label), previousKey ? [hmacSha256(previousKey, label)] : []);

const cookieKeyOf = (serverKey: Buffer): string =>
  hmacSha256(serverKey, 'shiftpass oidc cookie key').toString('base64url');

export function createOidcSecrets(serverKey: Buffer, previousKey?: Buffer): OidcSecrets {
  const clientSecrets = subkeyBox(serverKey, previousKey, 'shiftpass oidc client secret key');
  const signingKeys = subkeyBox(serverKey, previousKey, 'shiftpass oidc signing key key');
  const text = (value: Buffer | null) => (value ? value.toString('utf8') : null);
  return {
    newClientSecret: () => randomBytes(CLIENT_SECRET_BYTES).toString('base64url'),
    sealClientSecret: (secret, appId) => clientSecrets.seal(Buffer.from(secret, 'utf8'), `app:${appId}`),
    openClientSecret: (sealed, appId) => text(clientSecrets.open(sealed, `app:${appId}`)),
    sealSigningKey: (json, kid) => signingKeys.seal(Buffer.from(json, 'utf8'), `oidc-key:${kid}`),
    openSigningKey: (sealed, kid) => text(signingKeys.open(sealed, `oidc-key:${kid}`)),
    // The first key signs; every key in the list verifies (keygrip).
    cookieKeys: previousKey ? [cookieKeyOf(serverKey), cookieKeyOf(previousKey)] : [cookieKeyOf(serverKey)],
  };
}
