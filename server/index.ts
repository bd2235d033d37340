/**
 * Standalone API entry (`npm run start:api`): serves only /api, for running several stateless API
 * nodes behind a load balancer on one shared libSQL database.
 */
import { serve } from '@hono/node-server';
import { ConfigError } from './config.js';
import { describeBootstrap, startRuntime } from './runtime.js';

try {
  const runtime = await startRuntime(process.env);
  const server = serve(
    {
      fetch: (request, env: { incoming?: { socket?: { remoteAddress?: string } } }) =>
        runtime.app.fetch(request, { clientAddress: env.incoming?.socket?.remoteAddress }),
      port: runtime.config.port,
    },
    (info) => {
      for (const line of describeBootstrap(runtime)) console.log(line);
      console.log(`Shiftpass API listening on port ${info.port}`);
    },
  );
  const stop = () => server.close(() => { runtime.close(); process.exit(0); });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`shiftpass: configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
