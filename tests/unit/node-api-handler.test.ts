/**
 * npm start's server calls the API straight for /api (server/http/node-api-handler.ts). What the API
 * sees must be what SvelteKit handed it before: the same paths are the API's (decided on the path
 * with dot segments resolved), the URL is built on ORIGIN when it is set (the same-origin and
 * device-proof checks compare with it), and the client address is the socket's.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { afterEach, describe, expect, test } from 'vitest';
import { isApiTarget, nodeApiHandler } from '../../server/http/node-api-handler.js';

describe('which request targets are the API', () => {
  test.each(['/api', '/api/', '/api/health', '/api/auth/session?x=1', '/api/admin/users/a%2Fb'])(
    '%s is the API',
    (url) => expect(isApiTarget(url)).toBe(true),
  );
  test.each([
    '/',
    '/apis',
    '/api-docs',
    '/API/health',
    '/admin',
    '/oidc/auth',
    '/api/../admin',
    '/api/%2e%2e/admin',
    '/api/./../setup',
    '//api/health',
  ])('%s is not (SvelteKit serves it, as before)', (url) => expect(isApiTarget(url)).toBe(false));
});

describe('what the API is handed', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function serve(origin: string | undefined) {
    const seen: { url: string; clientAddress?: string; method: string }[] = [];
    const api = nodeApiHandler(
      (request, env) => {
        seen.push({ url: request.url, clientAddress: env.clientAddress, method: request.method });
        return Response.json({ ok: true });
      },
      { origin },
    );
    server = createServer((req, res) => void api.callback(req, res));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    return { seen, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  test('with ORIGIN set, the URL is ORIGIN + the request target, whatever the Host header', async () => {
    const { seen, base } = await serve('https://shiftpass.example.com');
    const res = await fetch(`${base}/api/health?probe=1`, { headers: { host: 'attacker.example' } });
    expect(await res.json()).toEqual({ ok: true });
    expect(seen).toEqual([
      { url: 'https://shiftpass.example.com/api/health?probe=1', clientAddress: '127.0.0.1', method: 'GET' },
    ]);
  });

  test('without ORIGIN, the URL names the host the request was sent to; the address is the socket’s', async () => {
    const { seen, base } = await serve(undefined);
    await fetch(`${base}/api/auth/session`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(seen[0]!.url).toBe(`${base}/api/auth/session`);
    expect(seen[0]!.clientAddress).toBe('127.0.0.1');
  });

  test('a body sent chunked (no Content-Length) reaches a route behind the body limit, and one too large is a 413', async () => {
    const app = new Hono();
    app.use(
      bodyLimit({ maxSize: 64, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE' } }, 413) }),
    );
    app.post('/api/echo', async (c) => c.json(await c.req.json()));
    const api = nodeApiHandler((request) => app.fetch(request), { origin: undefined });
    server = createServer((req, res) => void api.callback(req, res));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const chunked = (text: string) =>
      fetch(`${base}/api/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Blob([text]).stream(),
        duplex: 'half',
      } as RequestInit);
    const small = await chunked(JSON.stringify({ pin: '1234' }));
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual({ pin: '1234' });
    const large = await chunked(JSON.stringify({ pad: 'x'.repeat(200) }));
    expect(large.status).toBe(413);
  });
});
