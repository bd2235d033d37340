/**
 * A sign-out the server has not heard yet (the phone was offline). The session cookie is HttpOnly, so
 * only the server's answer can remove it: the flag makes the kiosk send the sign-out as soon as it can,
 * before it asks who is signed in. The flag names nobody; it belongs to the device.
 */
import { api } from '$lib/api/client';

const KEY = 'shiftpass.pendingSignOut';

export function rememberPendingSignOut(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Without storage the server's idle timeout still ends the session.
  }
}

/** Sends a remembered sign-out; true when none is left pending. */
export async function flushPendingSignOut(): Promise<boolean> {
  let pending = false;
  try {
    pending = localStorage.getItem(KEY) === '1';
  } catch {
    return true;
  }
  if (!pending) return true;
  const result = await api<void>('POST', '/auth/sign-out');
  if (!result.ok && result.error.code === 'NETWORK_ERROR') return false;
  localStorage.removeItem(KEY);
  return true;
}
