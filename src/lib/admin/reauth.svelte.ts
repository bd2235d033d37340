/**
 * Re-authentication before sensitive actions: when the API answers 401 REAUTHENTICATION_REQUIRED, the
 * console asks for the password and a code (ReauthDialog, mounted once by the /admin layout) and
 * retries the call once. Pages wrap their sensitive calls: `await withReauth(() => api(...))`.
 */
import type { ApiResult } from '$lib/api/client';

export class ReauthGate {
  open = $state(false);
  #waiting: ((confirmed: boolean) => void) | undefined;

  /** Opens the dialog; true once the person re-authenticated, false if they cancelled. */
  request(): Promise<boolean> {
    this.#waiting?.(false);
    this.open = true;
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  finish(confirmed: boolean): void {
    this.open = false;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.(confirmed);
  }
}

export const reauth = new ReauthGate();

export async function withReauth<T>(call: () => Promise<ApiResult<T>>, gate = reauth): Promise<ApiResult<T>> {
  const first = await call();
  if (first.ok || first.error.code !== 'REAUTHENTICATION_REQUIRED') return first;
  return (await gate.request()) ? call() : first;
}
