/**
 * The one process of `npm start`: SvelteKit serves the PWA and forwards every /api request to the
 * Hono app. The runtime (database, migrations, first-run admin) starts once, before the first request.
 */
import type { Handle, ServerInit } from '@sveltejs/kit';
import { ConfigError } from '$server/config';
import { describeBootstrap, startRuntime, type Runtime } from '$server/runtime';

let runtime: Runtime | undefined;

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
  for (const line of describeBootstrap(runtime)) console.log(line);
};

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

export const handle: Handle = async ({ event, resolve }) => {
  if (isApiPath(event.url.pathname)) {
    if (!runtime) throw new Error('Shiftpass runtime did not start');
    return runtime.app.fetch(event.request, { clientAddress: event.getClientAddress() });
  }
  const response = await resolve(event);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
  return response;
};
