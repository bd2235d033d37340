/**
 * The console's typed API client: Hono's `hc` over the server's own route chain (`ShiftpassApi`), so
 * a path, a parameter or (where the route declares it) a body the server does not take fails
 * `npm run check`, and every answer is typed from the handler that sends it. Answers come back as the
 * same result envelope as `api()` in client.ts: success, or the contract's error.
 *
 * In a `load`, pass Kit's `fetch` (`apiClient(fetch).admin.users.$get()`); elsewhere use `client`
 * (`client.admin.users[':id'].$get({ param: { id } })`). Paths start after `/api`.
 * `import type` only: the server's code is erased at build and never reaches the bundle.
 */
import { hc, type ClientResponse } from 'hono/client';
import type { ShiftpassApi } from '$server/app';
import { isErrorBody } from '$server/contracts/errors';
import { pageLanguage, type ApiResult, type ClientError } from './client';

const networkError = (message = 'The server could not be reached.'): ClientError => ({
  code: 'NETWORK_ERROR',
  message,
});

export function apiClient(fetchImpl: typeof fetch = fetch) {
  // The route chain carries the /api prefix itself, so the client starts at the site's root.
  return hc<ShiftpassApi>('/', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetchImpl(input, { ...init, credentials: 'same-origin', cache: 'no-store' }),
    headers: pageLanguage,
  }).api;
}

export const client = apiClient((input, init) => fetch(input, init));

/** Success answers' bodies of a typed call, e.g. `Answer<typeof client.admin.users.$get>`. */
type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, 'json'>
    ? S extends 200 | 201 | 202
      ? T
      : never
    : R extends ClientResponse<unknown, 204, string>
      ? undefined
      : never;

/**
 * Runs one typed request and turns its answer into the result envelope:
 * `const result = await call(client.admin.users.$get({ query: { q } }));`
 */
export async function call<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<ApiResult<SuccessBody<R>>> {
  let response: R;
  try {
    response = await request;
  } catch {
    return { ok: false, status: 0, error: networkError() };
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, data: payload as SuccessBody<R> };
  return {
    ok: false,
    status: response.status,
    error: isErrorBody(payload) ? payload.error : networkError(`Unexpected answer (${response.status}).`),
  };
}
