/** A small fetch wrapper for the PWA: every answer is a value, success or the contract's error envelope. */
import { isErrorBody, type ErrorCode } from '$server/contracts/errors';

/** The server's error, or NETWORK_ERROR when no answer came (offline, server down). */
export interface ClientError {
  code: ErrorCode | 'NETWORK_ERROR';
  message: string;
  [detail: string]: unknown;
}

export type ApiResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; error: ClientError };

const networkError = (message = 'The server could not be reached.'): ClientError => ({
  code: 'NETWORK_ERROR',
  message,
});

/** The page's language (`<html lang>`, set by the kiosk and the console), so the server words errors in it. */
export function pageLanguage(): Record<string, string> {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return lang ? { 'accept-language': lang } : {};
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: {
        ...pageLanguage(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, error: networkError() };
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, data: payload as T };
  return {
    ok: false,
    status: response.status,
    error: isErrorBody(payload) ? payload.error : networkError(`Unexpected answer (${response.status}).`),
  };
}
