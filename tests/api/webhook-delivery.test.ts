/**
 * Webhook delivery against a local https receiver (its certificate made at run time and trusted
 * through the injected CA, never by turning checks off): signed requests a receiver verifies,
 * retries with backoff until a 2xx, order within one subject, redirects and private addresses
 * refused at delivery, the outbox written with its change or not at all, kept across a restart, and
 * a hanging receiver that never slows a sign-in.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type {
  CreatedWebhookEndpointView,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '../../server/contracts/webhooks.js';
import type { Page } from '../../server/contracts/pagination.js';
import { runWrites } from '../../server/db/prepared-writes.js';
import { deliverDueWebhooks } from '../../server/features/webhooks/deliverer.js';
import { emitWebhookEvent } from '../../server/features/webhooks/emit.js';
import { createWebhookSecrets } from '../../server/features/webhooks/webhook-secrets.js';
import {
  createWorker,
  queryRows,
  readJson,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import {
  startWebhookReceiver,
  verifyShiftpassSignature,
  webhookNetworkFor,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';

const HOOKS = '/api/admin/webhooks';
const ROOT = resolve(import.meta.dirname, '../..');

/** `npm run server-key:rotate` on the data directory, as an operator runs it (server stopped). */
async function serverKeyRotate(dir: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'scripts/server-key-rotate.ts')],
      { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const sealedSecretOf = async (id: string) =>
  String(
    (await queryRows(h, 'SELECT secret_sealed FROM webhook_endpoints WHERE id = ?', [id]))[0]?.secret_sealed,
  );
let h: Harness;
let receiver: WebhookReceiver;
let network: ReturnType<typeof webhookNetworkFor>;
// The receiver listens on 127.0.0.1: this installation allows exactly that address.
const ENV = { SHIFTPASS_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };

const runtimeOptions = () => ({ webhookNetwork: network, webhookDeliveryIntervalMs: 0 });

beforeAll(async () => {
  receiver = await startWebhookReceiver('hooks.test');
  network = webhookNetworkFor({ 'hooks.test': ['127.0.0.1'] }, [receiver]);
  h = await startHarness(ENV, { runtime: runtimeOptions() });
});
afterEach(async () => {
  await h.runtime.database.client.execute('DELETE FROM webhook_endpoints');
  receiver.received.length = 0;
  receiver.answer({ status: 200 });
  network.names['hooks.test'] = ['127.0.0.1'];
});
afterAll(async () => {
  h.close();
  await receiver.close();
});

async function register(events: string[] = ['badge.issued']): Promise<CreatedWebhookEndpointView> {
  const res = await h.request('POST', HOOKS, { body: { url: receiver.url('/hook?src=shiftpass'), events } });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<CreatedWebhookEndpointView>(res);
}

const deliveriesOf = async (id: string) =>
  (await readJson<Page<WebhookDeliveryView>>(await h.request('GET', `${HOOKS}/${id}/deliveries`))).value;

const emit = (type: 'badge.issued' | 'badge.revoked', subjectId: string, data: object = {}) =>
  emitWebhookEvent(h.runtime.deps, { type, subject: { type: 'person', id: subjectId }, data });

const tick = () => h.runtime.webhooks.tick();
const nowSeconds = () => Math.floor(h.clock.now().getTime() / 1000);

describe('a delivery', () => {
  test('is signed so the receiver verifies it, with the documented headers and envelope', async () => {
    const endpoint = await register();
    const eventId = await emit('badge.issued', 'person-1', { badge: { id: 'b1' } });
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    await tick();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.path).toBe('/hook?src=shiftpass');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toBe('Shiftpass-Webhooks/1');
    expect(request!.headers['shiftpass-event-id']).toBe(eventId);
    expect(request!.headers['shiftpass-event-type']).toBe('badge.issued');
    const signature = String(request!.headers['shiftpass-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyShiftpassSignature(endpoint.secret, signature, request!.body, nowSeconds())).toBe(true);
    // Another secret, a changed body or a replay 6 minutes later do not verify.
    expect(verifyShiftpassSignature('whsec_other', signature, request!.body, nowSeconds())).toBe(false);
    expect(verifyShiftpassSignature(endpoint.secret, signature, `${request!.body} `, nowSeconds())).toBe(
      false,
    );
    expect(verifyShiftpassSignature(endpoint.secret, signature, request!.body, nowSeconds() + 360)).toBe(
      false,
    );
    expect(JSON.parse(request!.body)).toEqual({
      id: eventId,
      type: 'badge.issued',
      occurredAt: h.clock.now().toISOString(),
      subject: { type: 'person', id: 'person-1' },
      data: { badge: { id: 'b1' } },
    });

    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({
      eventId,
      state: 'delivered',
      attempts: 1,
      responseStatus: 200,
      failure: null,
    });
    const list = await readJson<{ value: WebhookEndpointView[] }>(await h.request('GET', HOOKS));
    expect(list.value.find((e) => e.id === endpoint.id)?.lastDelivery).toEqual({
      state: 'delivered',
      responseStatus: 200,
      at: h.clock.now().toISOString(),
    });
  });

  test('only subscribed, enabled endpoints get an event; none subscribed writes nothing', async () => {
    const endpoint = await register(['badge.revoked']);
    expect(await emit('badge.issued', 'p')).toBeNull();
    await h.request('PATCH', `${HOOKS}/${endpoint.id}`, { body: { enabled: false } });
    expect(await emit('badge.revoked', 'p')).toBeNull();
    expect(await queryRows(h, 'SELECT id FROM webhook_deliveries')).toHaveLength(0);
    // The test button still reaches a disabled endpoint.
    const res = await h.request('POST', `${HOOKS}/${endpoint.id}/test`);
    expect(res.status).toBe(202);
    await tick();
    expect(receiver.received.map((r) => r.headers['shiftpass-event-type'])).toEqual(['webhook.test']);
  });

  test('a 500 is retried after a backoff and then delivered; every attempt is kept', async () => {
    const endpoint = await register();
    receiver.answer({ status: 500 }, { status: 200 });
    await emit('badge.issued', 'p2');
    await tick();
    let [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({
      state: 'retrying',
      attempts: 1,
      responseStatus: 500,
      failure: 'http_status',
    });
    const wait = new Date(delivery!.nextAttemptDateTime!).getTime() - h.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(24_000);
    expect(wait).toBeLessThanOrEqual(36_000);
    // Not due yet: nothing is sent.
    await tick();
    expect(receiver.received).toHaveLength(1);
    h.clock.advanceSeconds(40);
    await tick();
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 2, responseStatus: 200, failure: null });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);
    const [row] = await queryRows(h, 'SELECT history FROM webhook_deliveries WHERE id = ?', [delivery!.id]);
    const history = JSON.parse(String(row?.history)) as { status: number; failure: string | null }[];
    expect(history.map((attempt) => [attempt.status, attempt.failure])).toEqual([
      [500, 'http_status'],
      [200, null],
    ]);
  });

  test('keeps the order of events about one subject; other subjects do not wait', async () => {
    await register(['badge.issued', 'badge.revoked']);
    const first = await emit('badge.issued', 'alice');
    const second = await emit('badge.revoked', 'alice');
    const other = await emit('badge.issued', 'bob');
    let failedOnce = false;
    receiver.answerWith((request) => {
      if (request.headers['shiftpass-event-id'] === first && !failedOnce) {
        failedOnce = true;
        return { status: 503 };
      }
      return { status: 200 };
    });
    await tick();
    // Alice's first event failed: her second waits; Bob's went.
    const ids = () => receiver.received.map((r) => r.headers['shiftpass-event-id']);
    expect(ids().sort()).toEqual([first, other].sort());
    h.clock.advanceSeconds(40);
    await tick();
    await tick();
    expect(ids().filter((id) => id !== other)).toEqual([first, first, second]);
  });

  test('a redirect is a failure and is not followed', async () => {
    const endpoint = await register();
    receiver.answer({ status: 302, headers: { location: receiver.url('/elsewhere') } });
    await emit('badge.issued', 'p3');
    await tick();
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook?src=shiftpass']);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ state: 'retrying', responseStatus: 302, failure: 'redirect' });
  });

  test('a host that resolves to a private address at delivery time is refused then, and nothing is sent', async () => {
    const endpoint = await register();
    network.names['hooks.test'] = ['10.0.0.5'];
    await emit('badge.issued', 'p4');
    await tick();
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ state: 'retrying', responseStatus: null, failure: 'private_address' });
    // DNS back to the allowed address: the retry goes through.
    network.names['hooks.test'] = ['127.0.0.1'];
    h.clock.advanceSeconds(40);
    await tick();
    expect(receiver.received).toHaveLength(1);
  });

  test('a receiver that never answers is cut off at the timeout', async () => {
    const endpoint = await register();
    receiver.answer('hang');
    await emit('badge.issued', 'p5');
    await deliverDueWebhooks(h.runtime.deps, { timeoutMs: 300 });
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ state: 'retrying', responseStatus: null, failure: 'timeout' });
  });

  test('gives up after 8 attempts; an admin retries a failed delivery once more', async () => {
    const endpoint = await register();
    receiver.answer({ status: 500 });
    await emit('badge.issued', 'p6');
    for (let attempt = 1; attempt <= 8; attempt++) {
      await tick();
      h.clock.advanceSeconds(15 * 3600);
    }
    await tick();
    let [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ state: 'failed', attempts: 8, nextAttemptDateTime: null });
    expect(receiver.received).toHaveLength(8);

    receiver.answer({ status: 204 });
    const retry = await h.request('POST', `${HOOKS}/${endpoint.id}/deliveries/${delivery!.id}/retry`);
    expect(retry.status).toBe(202);
    await tick();
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 9, responseStatus: 204 });
    const audits = await queryRows(
      h,
      "SELECT activity FROM audit_logs WHERE activity = 'webhook.deliveryRetried'",
    );
    expect(audits).toHaveLength(1);
  });

  test('deliveries are removed 30 days after they were made', async () => {
    const endpoint = await register();
    await emit('badge.issued', 'p7');
    await tick();
    h.clock.advanceSeconds(29 * 24 * 3600);
    await tick();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    h.clock.advanceSeconds(2 * 24 * 3600);
    await tick();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });
});

describe('the outbox', () => {
  test("is written in the caller's transaction: committed with the change, or not at all", async () => {
    const endpoint = await register();
    const db = h.runtime.database.db;
    const batch = [
      { sql: "INSERT INTO settings (key, value, updated_at) VALUES ('test.webhook', '1', 0)", args: [] },
    ];
    await emitWebhookEvent(
      h.runtime.deps,
      { type: 'badge.issued', subject: { type: 'person', id: 'tx' }, data: {} },
      { batch },
    );
    // Queued, not yet written.
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    await runWrites(db, batch);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);

    const failing = [
      { sql: "INSERT INTO settings (key, value, updated_at) VALUES ('test.webhook', '1', 0)", args: [] },
    ];
    await emitWebhookEvent(
      h.runtime.deps,
      { type: 'badge.issued', subject: { type: 'person', id: 'tx' }, data: {} },
      { batch: failing },
    );
    // The same key again: the change fails, and its event goes with it.
    await expect(runWrites(db, failing)).rejects.toThrow();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });

  test('survives a restart on the same database and is delivered after it', async () => {
    const endpoint = await register();
    receiver.answer('hang');
    await emit('badge.issued', 'durable');
    h.stop();
    h = await startHarness(ENV, { dataDir: h.dir, clock: h.clock, runtime: runtimeOptions() });
    receiver.answer({ status: 200 });
    await tick();
    expect(receiver.received.map((r) => JSON.parse(r.body).subject.id)).toEqual(['durable']);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ state: 'delivered' });
  });
});

describe('the signing secret', () => {
  test('a server key rotation re-seals it under the new key; deliveries after it verify with the same secret', async () => {
    const endpoint = await register();
    const sealedBefore = await sealedSecretOf(endpoint.id);
    h.stop();
    const rotated = await serverKeyRotate(h.dir);
    expect(rotated.code, rotated.stderr).toBe(0);
    h = await startHarness(ENV, { dataDir: h.dir, clock: h.clock, runtime: runtimeOptions() });
    const sealedAfter = await sealedSecretOf(endpoint.id);
    expect(sealedAfter).not.toBe(sealedBefore);
    // Sealed under the new key alone: it opens without the previous key.
    const newKey = Buffer.from(readFileSync(join(h.dir, 'server.key'), 'utf8').trim(), 'base64');
    expect(createWebhookSecrets(newKey).open(sealedAfter, endpoint.id)).toBe(endpoint.secret);

    await emit('badge.issued', 'after-rotation');
    await tick();
    const [request] = receiver.received;
    expect(
      verifyShiftpassSignature(
        endpoint.secret,
        String(request!.headers['shiftpass-signature']),
        request!.body,
        nowSeconds(),
      ),
    ).toBe(true);
  });
});

describe('sign-ins', () => {
  test('are not slowed by a receiver that accepts and never answers', async () => {
    const worker = await createWorker(h);
    const signIns = async (count: number) => {
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        const { res } = await signIn(h, worker.qr, worker.pin);
        expect(res.status).toBe(200);
      }
      return performance.now() - started;
    };
    await signIns(1); // warm-up
    const baseline = await signIns(4);

    await register();
    receiver.answer('hang');
    for (let i = 0; i < 20; i++) await emit('badge.issued', `hang-${i}`);
    const stopping = new AbortController();
    const delivering = deliverDueWebhooks(h.runtime.deps, { timeoutMs: 60_000, signal: stopping.signal });
    try {
      await expect.poll(() => receiver.hanging(), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
      const whileHanging = await signIns(4);
      // Still hanging throughout: the sign-ins never waited for them (one that did would take the 60 s
      // timeout); the bound leaves room for a busy machine.
      expect(receiver.hanging()).toBeGreaterThanOrEqual(8);
      expect(whileHanging).toBeLessThan(baseline * 3 + 500);
    } finally {
      stopping.abort();
      await delivering;
    }
  });
});
