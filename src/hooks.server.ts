/**
 * The one process of `npm start`: SvelteKit serves the PWA and forwards every /api request to the
 * Hono app (and every /scim/v2 request to the SCIM one, server/features/scim). The runtime (database, migrations, first-run admin, OpenID provider) starts once, before
 * the first request. The provider is a Node handler, not a fetch one: it is registered on globalThis
 * for scripts/start.js, whose HTTP server routes /oidc and /oidc/* to it (`vite dev` does not serve it).
 */
import type { Handle, ServerInit } from '@sveltejs/kit';
import { ConfigError } from '$server/config';
import { describeBootstrap, startRuntime, type Runtime } from '$server/runtime';
import { nodeApiHandler } from '$server/http/node-api-handler';
import { isScimPath } from '$server/contracts/scim';
import { pageCacheControl } from '$lib/page-cache';

let runtime: Runtime | undefined;

/** Where scripts/start.js finds the provider's handler (`{ handles(url), callback(req, res) }`). */
const OIDC_HANDLER_KEY = Symbol.for('shiftpass.oidc');
/**
 * Where scripts/start.js finds the API's Node handler (`{ handles(url), callback(req, res) }`), which
 * its server calls for /api without going through SvelteKit (server/http/node-api-handler.ts). Not
 * registered when ADDRESS_HEADER is set: then SvelteKit's client address is that header's, and /api
 * keeps going through `handle` below so the API sees the same address.
 */
const API_HANDLER_KEY = Symbol.for('shiftpass.api');

export const init: ServerInit = async () => {
  try {
    runtime = await startRuntime(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`shiftpass: configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  (globalThis as Record<symbol, unknown>)[OIDC_HANDLER_KEY] = runtime.oidc;
  if (!process.env.ADDRESS_HEADER) {
    const serve = runtime.fetch;
    (globalThis as Record<symbol, unknown>)[API_HANDLER_KEY] = nodeApiHandler(
      (request, env) => serve(request, env),
      { origin: process.env.ORIGIN },
    );
  }
  // scripts/start.js calls it once its server has drained on SIGTERM: stops the background jobs, closes the database.
  (globalThis as Record<symbol, unknown>)[Symbol.for('shiftpass.close')] = runtime.close;
  for (const line of describeBootstrap(runtime)) console.log(line);
};

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/') || isScimPath(path);

export const handle: Handle = async ({ event, resolve }) => {
  if (isApiPath(event.url.pathname)) {
    if (!runtime) throw new Error('Shiftpass runtime did not start');
    return runtime.fetch(event.request, { clientAddress: event.getClientAddress() });
  }
  const response = await resolve(event);
  response.headers.set('Cache-Control', pageCacheControl(event.url.pathname));
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
  return response;
};
