/** The `oidc` parameter a store app's sign-in brings to the kiosk's address (`/?oidc=<uid>`). */
import { INTERACTION_UID_PATTERN } from '$server/contracts/oidc-interactions';

export interface InteractionParam {
  /** The interaction id, or null when the parameter cannot be one (then it is ignored). */
  uid: string | null;
  /** The address's query and fragment without the parameter (`?…#…`, or empty). */
  rest: string;
}

/** Null when the address carries no `oidc` parameter. */
export function readInteractionParam(href: string): InteractionParam | null {
  const { searchParams, hash } = new URL(href);
  const uid = searchParams.get('oidc');
  if (uid === null) return null;
  const query = new URLSearchParams([...searchParams].filter(([name]) => name !== 'oidc')).toString();
  return {
    uid: INTERACTION_UID_PATTERN.test(uid) ? uid : null,
    rest: `${query ? `?${query}` : ''}${hash}`,
  };
}
