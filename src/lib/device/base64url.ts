/** base64url without padding (RFC 4648 §5), as JWS and JWK use it. */

export function base64urlFromBytes(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const base64urlFromText = (text: string): string => base64urlFromBytes(new TextEncoder().encode(text));

/** Throws on anything that is not base64url. */
export function bytesFromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export const textFromBase64url = (text: string): string => new TextDecoder().decode(bytesFromBase64url(text));

/** base64url of the SHA-256 of `text` (UTF-8). */
export async function sha256Base64url(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64urlFromBytes(new Uint8Array(digest));
}
