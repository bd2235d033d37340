/** base64url without padding (RFC 4648 §5), as JWS and JWK use it: jose's codec, named for the kiosk. */
import { base64url } from 'jose';

export const base64urlFromBytes = (bytes: Uint8Array): string => base64url.encode(bytes);

export const base64urlFromText = (text: string): string => base64url.encode(text);

/** Throws on anything that is not base64url (`+`, `/`, padding in the middle, …). */
export const bytesFromBase64url = (text: string): Uint8Array => base64url.decode(text);

export const textFromBase64url = (text: string): string => new TextDecoder().decode(bytesFromBase64url(text));

/** base64url of the SHA-256 of `text` (UTF-8): the proof's `ath`. */
export async function sha256Base64url(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64urlFromBytes(new Uint8Array(digest));
}
