/**
 * Webhook signing secrets at rest: sealed with AES-256-GCM under their own subkey of the server key
 * (HMAC-SHA256(server key, label), as app client secrets are: platform/oidc-secrets.ts), bound to the
 * endpoint's id so a sealed value copied to another endpoint does not open. Shiftpass must read the
 * secret back to sign, so a one-way hash will not do. After a server key rotation values sealed under
 * the previous key still open until the rotation has re-sealed them (features/server-key/).
 */
import { randomBytes } from 'node:crypto';
import { hmacSha256 } from './crypto.js';
import { createSecretBox } from './secret-box.js';

const LABEL = 'shiftpass webhook secret key';
/** `whsec_` + 32 random bytes, base64url. */
const SECRET_BYTES = 32;
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export interface WebhookSecrets {
  newSecret(): string;
  seal(secret: string, endpointId: string): string;
  /** The secret, or null when the value was not sealed by this server key for this endpoint. */
  open(sealed: string, endpointId: string): string | null;
}

export function createWebhookSecrets(serverKey: Buffer, previousKey?: Buffer): WebhookSecrets {
  const box = createSecretBox(
    hmacSha256(serverKey, LABEL),
    previousKey ? [hmacSha256(previousKey, LABEL)] : [],
  );
  return {
    newSecret: () => WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64url'),
    seal: (secret, endpointId) => box.seal(Buffer.from(secret, 'utf8'), `webhook:${endpointId}`),
    open: (sealed, endpointId) => box.open(sealed, `webhook:${endpointId}`)?.toString('utf8') ?? null,
  };
}
