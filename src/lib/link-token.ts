/**
 * The one-time token of a setup or invitation link travels in the URL fragment (never in server logs
 * or Referer headers). Reading it gives one of three answers, each with its own words on the page: no
 * token (the page was opened without the link), the token, or a damaged link (a fragment that does not
 * decode, e.g. `#%E0%A4%A`, or holds characters a token never has: cut or mangled on its way).
 */
export type LinkToken = { kind: 'none' } | { kind: 'token'; token: string } | { kind: 'damaged' };

/** Tokens are base64url (server/platform/crypto.ts randomToken); the setup body takes at most 128. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

export function readLinkToken(hash: string): LinkToken {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return { kind: 'none' };
  let token: string;
  try {
    token = decodeURIComponent(raw);
  } catch {
    return { kind: 'damaged' };
  }
  return TOKEN_SHAPE.test(token) ? { kind: 'token', token } : { kind: 'damaged' };
}
