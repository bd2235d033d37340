/**
 * Standalone API entry (`npm run start:api`): serves /api, SCIM (/scim/v2) and the OpenID provider (/oidc), for running
 * several stateless API nodes behind a load balancer on one shared libSQL database.
 */
import { getRequestListener } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { prepareExchange } from '../scripts/http-exchange.js';
import { ConfigError } from './config.js';
import { describeBootstrap, startRuntime, type Runtime } from './runtime.js';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

try {
  const runtime = await startRuntime(process.env);
  const { tls, port } = runtime.config;
  let tlsFiles: { cert: Buffer; key: Buffer } | undefined;
  try {
    tlsFiles = tls ? { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } : undefined;
  } catch (error) {
    throw new ConfigError(`cannot read the TLS certificate or key: ${(error as Error).message}`);
  }
  const api = getRequestListener((request, env: NodeBindings) =>
    runtime.fetch(request, { clientAddress: env.incoming?.socket?.remoteAddress }),
  );
  const route: RequestListener = (req, res) => {
    prepareExchange(req, res, { tls: tlsFiles !== undefined });
    return runtime.oidc.handles(req.url ?? '/') ? runtime.oidc.callback(req, res) : void api(req, res);
  };
  const server = tlsFiles ? createHttpsServer(tlsFiles, route) : createHttpServer(route);
  server.listen(port, () => {
    for (const line of describeBootstrap(runtime)) console.log(line);
    console.log(`Shiftpass API listening on ${tlsFiles ? 'https' : 'http'}://0.0.0.0:${port}/api`);
  });
  stopOnSignal(server, runtime);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`shiftpass: configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

/**
 * SIGTERM/SIGINT: stop taking connections, let requests in progress finish (at most SHUTDOWN_TIMEOUT
 * seconds, then their connections are cut), close the database, exit 0. Every answer already sent was
 * committed before it was sent, so a cut request was simply never acknowledged.
 */
function stopOnSignal(server: Server, runtime: Runtime): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const seconds = runtime.config.shutdownTimeoutSeconds;
    console.log(`shiftpass: ${signal}: finishing requests in progress (at most ${seconds} s), then stopping`);
    setTimeout(() => server.closeAllConnections(), seconds * 1000).unref();
    server.close(() => {
      runtime.close();
      console.log('shiftpass: stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
