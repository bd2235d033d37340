/**
 * An informational row beside `npm run bench`'s session-check figure (bench/index.ts, whose baseline is
 * GET /api/health through npm start's stack): a bare Hono JSON route,
 * `GET /ok` → `{"ok":true}`, behind the same Node HTTP server setup as `npm start` (node:http's
 * createServer with scripts/http-exchange.js's prepareExchange, Hono through @hono/node-server), but
 * without SvelteKit, the session lookup or any middleware. A process of its own, like the server it is
 * compared with, so the load generator never shares its event loop. Not a product route: nothing in
 * the app serves it. Prints one JSON line `{ "port": … }` once listening.
 */
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prepareExchange } from '../scripts/http-exchange.js';

const app = new Hono().get('/ok', (c) => c.json({ ok: true }));
const listener = getRequestListener(app.fetch);
const server = createServer((req, res) => {
  prepareExchange(req, res, { tls: false });
  return listener(req, res);
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
