/**
 * The API as a Node request handler, for scripts/start.js's HTTP server to call straight for /api
 * (registered on globalThis by src/hooks.server.ts), instead of through SvelteKit's handler, which
 * only forwarded /api to Hono after converting the Node request into a fetch Request and the
 * Response back (about a fifth of a session check's CPU time: docs/benchmarks.md, "Session check").
 *
 * What the API sees stays what SvelteKit handed it: the request URL is built on adapter-node's
 * ORIGIN when it is set (so the same-origin and device-proof checks compare with the same origin),
 * the client address is the socket's (adapter-node's without ADDRESS_HEADER, which Shiftpass tells
 * people not to set: it reads X-Forwarded-For itself, from TRUSTED_PROXIES only), and which paths
 * are the API's is decided on the normalized path, as SvelteKit's `handle` did (`/api/../admin` is
 * the console page, not an API route). Body limits, security headers and no-store are the API's own
 * (server/app.ts), on either path.
 */
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface NodeApiHandler {
  /** Whether this request target is the API's: `/api` or `/api/…` once dot segments are resolved. */
  handles(url: string): boolean;
  callback(req: IncomingMessage, res: ServerResponse): Promise<unknown>;
}

type ApiFetch = (request: Request, env: { clientAddress?: string }) => Response | Promise<Response>;

export function isApiTarget(url: string): boolean {
  if (!url.startsWith('/api')) return false;
  const { pathname } = new URL(url, 'http://localhost');
  return pathname === '/api' || pathname.startsWith('/api/');
}

/**
 * A body sent without Content-Length (chunked) is read by hono's bodyLimit, which then builds
 * `new Request(raw, { body })` from the request it was given. undici refuses to copy
 * @hono/node-server's lightweight request object that way (a TypeError, so a 500 for every chunked
 * POST), so such a request is handed over as a real Request on the same body stream. Requests with
 * a Content-Length, and those without a body, stay lightweight (the common, cheap case).
 */
function realWhenStreamed(request: Request): Request {
  const { headers, method } = request;
  if (method === 'GET' || method === 'HEAD') return request;
  if (headers.has('content-length') && !headers.has('transfer-encoding')) return request;
  return new Request(request.url, {
    method,
    headers,
    body: request.body,
    signal: request.signal,
    duplex: 'half',
  } as RequestInit);
}

export function nodeApiHandler(fetch: ApiFetch, options: { origin?: string }): NodeApiHandler {
  const { origin } = options;
  // overrideGlobalObjects: false — SvelteKit shares this process and its global Request/Response.
  const listener = getRequestListener(
    (request, env: { incoming?: { socket?: { remoteAddress?: string } } }) =>
      fetch(realWhenStreamed(request), { clientAddress: env.incoming?.socket?.remoteAddress }),
    { overrideGlobalObjects: false },
  );
  return {
    handles: isApiTarget,
    callback(req, res) {
      // adapter-node builds the request URL as ORIGIN + the request target; so does this.
      if (origin) req.url = origin + (req.url ?? '/');
      return listener(req, res);
    },
  };
}
