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
 *
 * What it costs per request is kept to what the answer needs: a JSON answer (all of the API's but
 * the CSV exports) goes out from the text `c.json()` made, in one write, not read back through the
 * undici Response's stream; a body with a Content-Length is read from the Node request's Buffers
 * (server/http/middleware/body-limit.ts says what used to turn it into a web stream).
 */
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { jsonTextOf } from './json-text-note.js';
import { isScimPath, SCIM_BASE_PATH } from '../contracts/scim.js';

export interface NodeApiHandler {
  /** Whether this request target is the API's: `/api`, `/api/…` or SCIM's `/scim/v2…`, once dot segments are resolved. */
  handles(url: string): boolean;
  callback(req: IncomingMessage, res: ServerResponse): Promise<unknown>;
}

type ApiFetch = (request: Request, env: { clientAddress?: string }) => Response | Promise<Response>;

export function isApiTarget(url: string): boolean {
  if (!url.startsWith('/api') && !url.startsWith(SCIM_BASE_PATH)) return false;
  const { pathname } = new URL(url, 'http://localhost');
  return pathname === '/api' || pathname.startsWith('/api/') || isScimPath(pathname);
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

/**
 * Sends a JSON answer whose text `c.json()` noted (server/http/middleware/json-text.ts) in one write,
 * as @hono/node-server does for its own lightweight Response: the status, the headers (each
 * Set-Cookie on its own line) and the text with its Content-Length.
 */
function sendJson(res: ServerResponse, response: Response, text: string): void {
  const head: OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') head[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) head['set-cookie'] = cookies;
  head['content-length'] = Buffer.byteLength(text);
  res.writeHead(response.status, head);
  res.end(text);
}

export function nodeApiHandler(fetch: ApiFetch, options: { origin?: string }): NodeApiHandler {
  const { origin } = options;
  // overrideGlobalObjects: false — SvelteKit shares this process and its global Request/Response.
  const listener = getRequestListener(
    // Only `callback` below calls the listener, always with HTTP/1 objects (scripts/start.js's server).
    async (request, bindings) => {
      const env = bindings as HttpBindings;
      const response = await fetch(realWhenStreamed(request), {
        clientAddress: env.incoming.socket?.remoteAddress,
      });
      const text = jsonTextOf(response);
      if (text === undefined) return response;
      sendJson(env.outgoing, response, text);
      return RESPONSE_ALREADY_SENT;
    },
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
