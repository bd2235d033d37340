import type { MiddlewareHandler } from 'hono';

/** API answers are personal and must never be cached by a shared phone's browser or a proxy. */
const API_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['Cache-Control', 'no-store'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/**
 * The headers are set before the route runs, so `c.json()`/`c.body()` build the answer with them in
 * one go. Setting them afterwards (`c.header` on a finished answer) makes Hono copy the whole
 * Response once per header: four undici Responses per request, a tenth of a millisecond each.
 * A route that returns a Response of its own (not made through `c`) lacks them; they are set on it
 * after the route, with the values winning over the route's, as before.
 */
export const apiSecurityHeaders = (): MiddlewareHandler => async (c, next) => {
  for (const [name, value] of API_HEADERS) c.header(name, value);
  await next();
  const { headers } = c.res;
  for (const [name, value] of API_HEADERS) if (headers.get(name) !== value) c.header(name, value);
};
