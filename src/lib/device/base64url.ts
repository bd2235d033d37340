/** base64url without padding (RFC 4648 §5), as JWS and JWK use it: jose's codec, named for the kiosk. */
import { base64url } from 'jose';

export const base64urlFromBytes = (bytes: Uint8Array): string => base64url.encode(bytes);

/** base64url of the SHA-256 of `text` (UTF-8): the proof's `ath`. */
export async function sha256Base64url(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64urlFromBytes(new Uint8Array(digest));
}
