/**
 * Which server key made a stored keyed value (a PIN or password verifier, a short-code or recovery-code
 * hash). Values made under the CURRENT key are stored as they always were; a key rotation prefixes every
 * value the outgoing key made with that key's id, `<kid>:<value>`, so after it the server knows which key
 * to check each value with, and which values still depend on the previous key (docs/security.md,
 * "The server key"). Neither argon2 PHC strings nor hex hashes contain a colon, so the tag is unambiguous.
 */

/** A server key id: the first 4 bytes of HMAC-SHA256(key, "shiftpass server key id"), hex. */
const KEY_ID = /^[0-9a-f]{8}$/;

export const isKeyId = (text: string): boolean => KEY_ID.test(text);

export const tagWithKeyId = (kid: string, value: string): string => `${kid}:${value}`;

/** The key id a value is tagged with (undefined: made under the current key) and the value itself. */
export function splitKeyTag(stored: string): { kid: string | undefined; value: string } {
  const colon = stored.indexOf(':');
  if (colon === -1) return { kid: undefined, value: stored };
  const kid = stored.slice(0, colon);
  return isKeyId(kid) ? { kid, value: stored.slice(colon + 1) } : { kid: undefined, value: stored };
}
