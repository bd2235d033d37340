/**
 * A sign-out the server has not heard yet (the phone was offline). The session cookie is HttpOnly, so
 * only the server's answer can remove it: the flag makes the kiosk send the sign-out as soon as it can,
 * before it asks who is signed in and before anyone signs in. The flag names nobody; it belongs to the
 * device.
 *
 * One flush at a time: a late sign-out answer carries `Clear-Site-Data: "cookies"`, and must not land
 * after the next worker's sign-in has set their cookie. Callers await `flushPendingSignOut()` first.
 */
import { api } from '$lib/api/client';

const KEY = 'shiftpass.pendingSignOut';

let inFlight: Promise<boolean> | null = null;

export function rememberPendingSignOut(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Without storage the server's idle timeout still ends the session.
  }
}

function isPending(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

async function send(): Promise<boolean> {
  if (!isPending()) return true;
  const result = await api<void>('POST', '/auth/sign-out');
  if (!result.ok && result.error.code === 'NETWORK_ERROR') return false;
  localStorage.removeItem(KEY);
  return true;
}

/** Sends a remembered sign-out (joining one already on its way); true when none is left pending. */
export function flushPendingSignOut(): Promise<boolean> {
  inFlight ??= send().finally(() => (inFlight = null));
  return inFlight;
}
