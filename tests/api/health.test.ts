/**
 * GET /api/health: what a load balancer or an orchestrator relies on — 200 `{"status":"ok"}` with no
 * credentials, never stored by a proxy, and no dependence on the database (a database outage must not
 * get every node restarted as dead).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHarness, type Harness } from '../support/api-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

test('answers 200 {"status":"ok"} without a token or a cookie, and is never stored', async () => {
  const res = await h.request('GET', '/api/health', { token: null });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await res.json()).toEqual({ status: 'ok' });
});

test('a stale session cookie is neither looked up nor cleared by a health probe', async () => {
  const res = await h.request('GET', '/api/health', {
    token: null,
    cookie: '__Host-shiftpass_session=not-a-session-token-0123456789abcdef',
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('set-cookie')).toBeNull();
});

test('other methods on it are not routes', async () => {
  const res = await h.request('POST', '/api/health', { token: null, body: {} });
  expect(res.status).toBe(404);
});

test('answers without the database: liveness stays up while the database is unreachable', async () => {
  const other = await startHarness();
  other.stop();
  expect(other.runtime.database.client.closed).toBe(true);
  const health = await other.runtime.app.request('/api/health', {}, { clientAddress: '127.0.0.1' });
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  other.close();
});
