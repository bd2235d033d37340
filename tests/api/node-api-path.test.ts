/**
 * The whole API behind npm start's Node handler (server/http/node-api-handler.ts) on a real Node HTTP
 * server: what a kiosk or a script gets over a socket must be what `app.request()` gives. JSON
 * answers are written from the text `c.json()` made (server/http/middleware/json-text.ts), bodies are
 * read without a web stream when they come with a Content-Length (server/http/middleware/body-limit.ts),
 * and the security headers are set before the route runs (server/http/middleware/security-headers.ts):
 * each of those has a case here where it could go wrong.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nodeApiHandler } from '../../server/http/node-api-handler.js';
import { startHarness, type Harness } from '../support/api-harness.js';

let h: Harness;
let server: Server;
let base: string;
let worker: { qr: string; pin: string };

const API_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

beforeAll(async () => {
  h = await startHarness();
  const api = nodeApiHandler((request, env) => h.runtime.app.fetch(request, env), {});
  server = createServer((req, res) => void api.callback(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const user = (await (
    await h.request('POST', '/api/admin/users', { body: { userPrincipalName: 'ana', displayName: 'Ána' } })
  ).json()) as { id: string };
  const method = (await (
    await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, { body: {} })
  ).json()) as { standardQRCode: { image: { rawContent: string } }; pin: { code: string } };
  worker = { qr: method.standardQRCode.image.rawContent, pin: method.pin.code };
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  h.close();
});

const signIn = (body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/auth/qr-pin/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

/** A body sent in pieces without Content-Length (Transfer-Encoding: chunked). */
const chunked = (text: string): BodyInit => new Blob([text]).stream();

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('a JSON answer over the socket', () => {
  test('a sign-in answers its JSON with the exact Content-Length, the session cookie and the API headers', async () => {
    const res = await signIn(JSON.stringify(worker));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(text)).toMatchObject({ user: { displayName: 'Ána' } });
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(
      /^__Host-shiftpass_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    for (const [name, value] of Object.entries(API_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  });

  test('the session cookie it set reads the session back; a stale cookie is cleared beside the 401', async () => {
    const cookie = (await signIn(JSON.stringify(worker))).headers.getSetCookie()[0]!.split(';')[0]!;
    const session = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { displayName: 'Ána' } });

    const stale = await fetch(`${base}/api/auth/session`, {
      headers: { cookie: '__Host-shiftpass_session=not-a-session-token-0123456789abcdef' },
    });
    expect(stale.status).toBe(401);
    expect(await errorCode(stale)).toBe('UNAUTHENTICATED');
    expect(stale.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^__Host-shiftpass_session=; Max-Age=0/),
    ]);
    expect(stale.headers.get('cache-control')).toBe('no-store');
  });

  test('HEAD answers the headers of GET without a body', async () => {
    const res = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (done, fail) => {
        const req = httpRequest(`${base}/api/health`, { method: 'HEAD' }, (answer) => {
          let body = '';
          answer.on('data', (chunk: Buffer) => (body += chunk.toString()));
          answer.on('end', () => done({ status: answer.statusCode ?? 0, headers: answer.headers, body }));
        });
        req.on('error', fail);
        req.end();
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  test('an answer a route builds itself (the CSV export) also carries the API headers', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const res = await fetch(
      `${base}/api/admin/sign-in-logs/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      { headers: { authorization: 'Bearer test-admin-token-0123456789abcdef' } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    for (const [name, value] of Object.entries(API_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    expect(await res.text()).toMatch(/\n/);
  });
});

describe('a request body over the socket', () => {
  test('sent chunked (no Content-Length), a sign-in goes through', async () => {
    const res = await signIn(chunked(JSON.stringify(worker)));
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toHaveLength(1);
  });

  test('two sign-ins sent back to back on one connection are both answered', async () => {
    const body = JSON.stringify(worker);
    const request = (connection: string) =>
      `POST /api/auth/qr-pin/sign-in HTTP/1.1\r\nhost: localhost\r\nconnection: ${connection}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const raw = await new Promise<string>((done, fail) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('error', fail);
      socket.on('end', () => done(received));
      socket.write(request('keep-alive') + request('close'));
    });
    expect(raw.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
  });

  test('read as UTF-8 as a fetch Request reads it: a leading byte-order mark is dropped', async () => {
    const res = await signIn(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(JSON.stringify(worker))]));
    expect(res.status).toBe(200);
  });

  test('over 64 KB is 413 PAYLOAD_TOO_LARGE, announced by Content-Length or counted as it comes', async () => {
    const large = JSON.stringify({ ...worker, pad: 'x'.repeat(70_000) });
    const announced = await signIn(large);
    expect([announced.status, await errorCode(announced)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const streamed = await signIn(chunked(large));
    expect([streamed.status, await errorCode(streamed)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  test('broken JSON is INVALID_JSON and another media type UNSUPPORTED_MEDIA_TYPE, either way of sending', async () => {
    for (const body of ['{"qr":', chunked('{"qr":')]) {
      const res = await signIn(body);
      expect([res.status, await errorCode(res)]).toEqual([400, 'INVALID_JSON']);
    }
    for (const body of [JSON.stringify(worker), chunked(JSON.stringify(worker))]) {
      const res = await signIn(body, { 'content-type': 'text/plain' });
      expect([res.status, await errorCode(res)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
  });
});
