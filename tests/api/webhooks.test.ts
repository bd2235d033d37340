/**
 * /api/admin/webhooks: webhook endpoints as an admin registers and looks after them — the secret
 * shown once and sealed at rest, the address rules (https, no credentials, never a private or local
 * network unless the installation allows the host), who may change them, the audit trail (never a
 * secret in it) and the deliveries list.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  CreatedWebhookEndpointView,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '../../server/contracts/webhooks.js';
import type { Page } from '../../server/contracts/pagination.js';
import {
  queryRows,
  readError,
  readJson,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import { webhookNetworkFor } from '../support/webhook-receiver.js';

const HOOKS = '/api/admin/webhooks';
let h: Harness;
const network = webhookNetworkFor({
  'siem.example.com': ['93.184.216.34'],
  'siem.internal': ['10.20.0.7'],
  'sneaky.example.com': ['93.184.216.34', '192.168.1.10'],
  'metadata.example.com': ['169.254.169.254'],
  'allowed.internal': ['10.30.0.9'],
});
const logged: unknown[] = [];

beforeAll(async () => {
  h = await startHarness(
    { SHIFTPASS_WEBHOOK_ALLOWED_HOSTS: 'allowed.internal, 172.31.0.0/16' },
    {
      runtime: {
        webhookNetwork: network,
        webhookDeliveryIntervalMs: 0,
        logError: (error) => logged.push(error),
      },
    },
  );
});
afterAll(() => h.close());

async function register(body: Record<string, unknown> = {}): Promise<CreatedWebhookEndpointView> {
  const res = await h.request('POST', HOOKS, {
    body: { url: 'https://siem.example.com/shiftpass', events: ['badge.issued'], ...body },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<CreatedWebhookEndpointView>(res);
}

async function expectRefusal(res: Response, status: number, code: string, field?: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  const { error } = await readError(res);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  return error;
}

const auditsOf = (id: string) =>
  queryRows(h, 'SELECT activity, details FROM audit_logs WHERE target_id = ? ORDER BY activity_at, rowid', [
    id,
  ]);

describe('registering an endpoint', () => {
  test('answers the secret once (whsec_ + 32 random bytes); it never appears again, in the database or the audit log', async () => {
    const created = await register({
      description: 'Security team SIEM',
      events: ['badge.issued', 'lockout.locked'],
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      url: 'https://siem.example.com/shiftpass',
      description: 'Security team SIEM',
      events: ['badge.issued', 'lockout.locked'],
      enabled: true,
      lastDelivery: null,
    });

    const list = await readJson<{ value: WebhookEndpointView[] }>(await h.request('GET', HOOKS));
    const listed = list.value.find((endpoint) => endpoint.id === created.id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(list)).not.toContain(created.secret);
    expect(listed).not.toHaveProperty('secret');
    const one = await h.request('GET', `${HOOKS}/${created.id}`);
    expect(await one.text()).not.toContain(created.secret);

    const [row] = await queryRows(h, 'SELECT * FROM webhook_endpoints WHERE id = ?', [created.id]);
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
    expect(String(row?.secret_sealed)).toMatch(/^v1\./);
    expect(h.runtime.deps.webhookSecrets.open(String(row?.secret_sealed), created.id)).toBe(created.secret);

    const patched = await h.request('PATCH', `${HOOKS}/${created.id}`, { body: { enabled: false } });
    expect(await patched.text()).not.toContain(created.secret);
    // Saving the same values again is not a change: no second entry.
    const unchanged = await h.request('PATCH', `${HOOKS}/${created.id}`, { body: { enabled: false } });
    expect(unchanged.status).toBe(200);
    const audits = await auditsOf(created.id);
    expect(audits.map((a) => a.activity)).toEqual(['webhook.created', 'webhook.updated']);
    expect(JSON.stringify(audits)).not.toContain(created.secret.slice(6));
    expect(JSON.stringify(logged)).not.toContain(created.secret.slice(6));
  });

  test('repeated event names are kept once; unknown ones are refused naming events', async () => {
    const created = await register({ events: ['person.created', 'person.created'] });
    expect(created.events).toEqual(['person.created']);
    const error = await expectRefusal(
      await h.request('POST', HOOKS, {
        body: { url: 'https://siem.example.com/x', events: ['badge.stolen'] },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(error)).toContain('events');
    await expectRefusal(
      await h.request('POST', HOOKS, { body: { url: 'https://siem.example.com/x', events: [] } }),
      400,
      'VALIDATION_FAILED',
    );
    // The test event is sent by the button only; no endpoint subscribes to it.
    await expectRefusal(
      await h.request('POST', HOOKS, {
        body: { url: 'https://siem.example.com/x', events: ['webhook.test'] },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  test.each([
    ['http://siem.example.com/hook', 'WEBHOOK_URL_NOT_HTTPS'],
    ['https://user:secret@siem.example.com/hook', 'WEBHOOK_URL_INVALID'],
    ['https://siem.example.com/hook#part', 'WEBHOOK_URL_INVALID'],
    ['siem.example.com/hook', 'WEBHOOK_URL_INVALID'],
    ['ftp://siem.example.com/hook', 'WEBHOOK_URL_INVALID'],
    [' https://siem.example.com/hook', 'WEBHOOK_URL_INVALID'],
    ['https://nowhere.example.com/hook', 'WEBHOOK_URL_INVALID'],
    ['https://127.0.0.1/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://10.0.0.5/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://169.254.169.254/latest/meta-data', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://[::1]/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://[::ffff:10.0.0.5]/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://[fd00::1]/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://100.64.1.1/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://0.0.0.0/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://siem.internal/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://metadata.example.com/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
    ['https://sneaky.example.com/hook', 'WEBHOOK_URL_PRIVATE_ADDRESS'],
  ])('refuses %s → %s', async (url, code) => {
    await expectRefusal(
      await h.request('POST', HOOKS, { body: { url, events: ['badge.issued'] } }),
      400,
      code,
      'url',
    );
  });

  test('a private host or range the installation allows is accepted; loopback stays refused unless listed', async () => {
    await register({ url: 'https://allowed.internal/hook' });
    await register({ url: 'https://172.31.4.5:8443/hook' });
    await expectRefusal(
      await h.request('POST', HOOKS, { body: { url: 'https://127.0.0.1/hook', events: ['badge.issued'] } }),
      400,
      'WEBHOOK_URL_PRIVATE_ADDRESS',
    );
  });

  test('a changed address is checked like a new one', async () => {
    const created = await register();
    await expectRefusal(
      await h.request('PATCH', `${HOOKS}/${created.id}`, { body: { url: 'https://10.0.0.5/hook' } }),
      400,
      'WEBHOOK_URL_PRIVATE_ADDRESS',
      'url',
    );
    const res = await h.request('PATCH', `${HOOKS}/${created.id}`, {
      body: { url: 'https://siem.example.com/v2', events: ['device.revoked'], description: 'v2' },
    });
    expect(res.status).toBe(200);
    expect(await readJson<WebhookEndpointView>(res)).toMatchObject({
      url: 'https://siem.example.com/v2',
      events: ['device.revoked'],
      description: 'v2',
    });
  });
});

describe('who may', () => {
  test('a manager may neither read nor change endpoints; a narrow API token neither', async () => {
    const manager = await signedInUser(h, { role: 'manager' });
    const asManager = { token: null, cookie: manager.cookie };
    expect((await h.request('GET', HOOKS, asManager)).status).toBe(403);
    expect(
      (
        await h.request('POST', HOOKS, {
          ...asManager,
          body: { url: 'https://siem.example.com/hook', events: ['badge.issued'] },
        })
      ).status,
    ).toBe(403);

    const tokenRes = await h.request('POST', '/api/admin/api-tokens', {
      body: { displayName: 'Reader', scopes: ['users.read', 'logs.read'] },
    });
    const { token } = await readJson<{ token: string }>(tokenRes);
    await expectRefusal(await h.request('GET', HOOKS, { token }), 403, 'TOKEN_SCOPE_MISSING');
  });
});

describe('changing an endpoint', () => {
  test('rotating the secret answers a new one, kept sealed; delete removes it; all audited, no secret in the log', async () => {
    const created = await register();
    const res = await h.request('POST', `${HOOKS}/${created.id}/rotate-secret`);
    expect(res.status).toBe(200);
    const { secret } = await readJson<{ secret: string }>(res);
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);
    const [row] = await queryRows(h, 'SELECT secret_sealed FROM webhook_endpoints WHERE id = ?', [
      created.id,
    ]);
    expect(h.runtime.deps.webhookSecrets.open(String(row?.secret_sealed), created.id)).toBe(secret);

    expect((await h.request('DELETE', `${HOOKS}/${created.id}`)).status).toBe(204);
    await expectRefusal(await h.request('GET', `${HOOKS}/${created.id}`), 404, 'WEBHOOK_NOT_FOUND');
    const audits = await auditsOf(created.id);
    expect(audits.map((a) => a.activity)).toEqual([
      'webhook.created',
      'webhook.secretRotated',
      'webhook.deleted',
    ]);
    expect(JSON.stringify(audits)).not.toContain(secret.slice(6));
  });

  test('an unknown endpoint is 404 WEBHOOK_NOT_FOUND on every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expectRefusal(
      await h.request('PATCH', `${HOOKS}/${id}`, { body: { enabled: true } }),
      404,
      'WEBHOOK_NOT_FOUND',
    );
    await expectRefusal(await h.request('DELETE', `${HOOKS}/${id}`), 404, 'WEBHOOK_NOT_FOUND');
    await expectRefusal(await h.request('POST', `${HOOKS}/${id}/rotate-secret`), 404, 'WEBHOOK_NOT_FOUND');
    await expectRefusal(await h.request('POST', `${HOOKS}/${id}/test`), 404, 'WEBHOOK_NOT_FOUND');
    await expectRefusal(await h.request('GET', `${HOOKS}/${id}/deliveries`), 404, 'WEBHOOK_NOT_FOUND');
  });

  test('Spanish error words', async () => {
    const res = await h.request('POST', HOOKS, {
      body: { url: 'http://siem.example.com/hook', events: ['badge.issued'] },
      headers: { 'accept-language': 'es' },
    });
    const { error } = await readError(res);
    expect(error.message).toBe('La dirección del webhook debe empezar por https://.');
  });
});

describe('deliveries list', () => {
  test('test events are listed newest first, a page at a time; a cursor from elsewhere is refused', async () => {
    const created = await register();
    const eventIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await h.request('POST', `${HOOKS}/${created.id}/test`);
      expect(res.status).toBe(202);
      eventIds.push((await readJson<{ eventId: string }>(res)).eventId);
    }
    const first = await readJson<Page<WebhookDeliveryView>>(
      await h.request('GET', `${HOOKS}/${created.id}/deliveries?limit=2`),
    );
    expect(first.value.map((d) => d.eventId)).toEqual([eventIds[2], eventIds[1]]);
    expect(first.value[0]).toMatchObject({
      eventType: 'webhook.test',
      subject: { type: 'webhook', id: created.id },
      state: 'pending',
      attempts: 0,
      failure: null,
      responseStatus: null,
    });
    const second = await readJson<Page<WebhookDeliveryView>>(
      await h.request('GET', `${HOOKS}/${created.id}/deliveries?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.value.map((d) => d.eventId)).toEqual([eventIds[0]]);
    expect(second.nextCursor).toBeNull();
    await expectRefusal(
      await h.request('GET', `${HOOKS}/${created.id}/deliveries?cursor=bm9wZQ`),
      400,
      'VALIDATION_FAILED',
      'cursor',
    );
    // Only a failed delivery may be retried.
    await expectRefusal(
      await h.request('POST', `${HOOKS}/${created.id}/deliveries/${first.value[0]!.id}/retry`),
      409,
      'WEBHOOK_DELIVERY_NOT_FAILED',
    );
    await expectRefusal(
      await h.request('POST', `${HOOKS}/${created.id}/deliveries/nope/retry`),
      404,
      'WEBHOOK_DELIVERY_NOT_FOUND',
    );
  });

  test('an installation may have at most 20 endpoints', async () => {
    const existing = (await readJson<{ value: unknown[] }>(await h.request('GET', HOOKS))).value.length;
    for (let i = existing; i < 20; i++) await register();
    await expectRefusal(
      await h.request('POST', HOOKS, {
        body: { url: 'https://siem.example.com/21', events: ['badge.issued'] },
      }),
      409,
      'WEBHOOK_LIMIT_REACHED',
    );
  });
});

describe('validation words', () => {
  test('an unknown event name is refused in words naming the events, in English and Spanish', async () => {
    const body = { url: 'https://siem.example.com/hook', events: ['badge.issued', 'badge.stolen'] };
    const en = await readError(await h.request('POST', HOOKS, { body }));
    expect(en.error.field).toBe('events.1');
    expect(en.error.message).toMatch(/^Event 2 /);
    const es = await readError(
      await h.request('POST', HOOKS, { body, headers: { 'accept-language': 'es' } }),
    );
    expect(es.error.message).toMatch(/evento 2/i);
  });
});
