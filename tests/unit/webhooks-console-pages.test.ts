/**
 * The webhooks console's state: a new endpoint refused in words or made (its secret kept in memory
 * until "Done"), an endpoint's page (only changes sent, on/off, test event followed in the log,
 * rotate and delete after a yes), and the delivery log's pages and retries.
 */
import { describe, expect, test } from 'vitest';
import { webhooksText as en } from '../../src/lib/admin/webhooks-text.js';
import { webhooksText as es } from '../../src/lib/admin/i18n/es/webhooks-text.js';
import type { ApiResult, ClientError } from '../../src/lib/api/client.js';
import {
  DeliveryLog,
  FOLLOW_AT_MOST,
  type DeliveryLogDeps,
} from '../../src/lib/admin/webhooks/delivery-log.svelte.js';
import { EndpointPage, type EndpointPageDeps } from '../../src/lib/admin/webhooks/endpoint-page.svelte.js';
import { NewEndpointPage } from '../../src/lib/admin/webhooks/new-endpoint.svelte.js';
import type {
  CreateWebhookBody,
  CreatedWebhookEndpoint,
  DeliveryPage,
  PatchWebhookBody,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '../../src/lib/admin/webhooks/types.js';

const endpoint: WebhookEndpointView = {
  id: 'w1',
  url: 'https://alerts.example.com/shiftpass',
  description: 'Security team',
  events: ['badge.issued', 'lockout.burst'],
  enabled: true,
  createdDateTime: '2026-05-01T10:00:00Z',
  lastDelivery: null,
};

const ok = <T>(data: T, status = 200): ApiResult<T> => ({ ok: true, status, data });
const refused = (code: string, status = 400, extra: Record<string, unknown> = {}): ApiResult<never> => ({
  ok: false,
  status,
  error: { code: code as ClientError['code'], message: `server says ${code}`, ...extra },
});

const delivery = (over: Partial<WebhookDeliveryView> = {}): WebhookDeliveryView => ({
  id: 'd1',
  eventId: 'e1',
  eventType: 'webhook.test',
  subject: { type: 'webhook', id: 'w1' },
  state: 'pending',
  attempts: 0,
  lastAttemptDateTime: null,
  nextAttemptDateTime: null,
  responseStatus: null,
  failure: null,
  createdDateTime: '2026-06-01T10:00:00Z',
  ...over,
});

describe('a new endpoint', () => {
  function newPage(answer?: ApiResult<CreatedWebhookEndpoint>, words = en) {
    const sent: CreateWebhookBody[] = [];
    const page = new NewEndpointPage({
      create: async (body) => {
        sent.push(body);
        return answer ?? ok({ ...endpoint, secret: 'whsec_abc' }, 201);
      },
      words: () => words,
      describe: (error) => `described: ${error.message}`,
    });
    return { page, sent };
  }

  test('an http address and no events are refused before anything is sent, in the page’s language', async () => {
    const { page, sent } = newPage(undefined, es);
    page.form.url = 'http://alerts.example.com/hook';
    expect(await page.submit()).toBe(false);
    expect(sent).toEqual([]);
    expect(page.problems).toEqual({ url: es.urlNotHttps, events: es.eventsMissing });
    expect(page.formError).toBe(es.fixBelow);
  });

  test('once made, the secret is held in memory to be shown once, and "Done" forgets it', async () => {
    const { page, sent } = newPage();
    page.form.url = 'https://alerts.example.com/shiftpass';
    page.form.events = ['lockout.burst', 'badge.issued'];
    expect(await page.submit()).toBe(true);
    expect(sent).toEqual([
      { url: 'https://alerts.example.com/shiftpass', events: ['badge.issued', 'lockout.burst'] },
    ]);
    expect(page.created?.secret).toBe('whsec_abc');
    expect(page.form.url).toBe('');
    page.forgetSecret();
    expect(page.created).toBeNull();
  });

  test('an address inside the network, refused by the server, is said next to the address', async () => {
    const { page } = newPage(refused('WEBHOOK_URL_PRIVATE_ADDRESS'));
    page.form.url = 'https://siem.internal.example/hook';
    page.form.events = ['lockout.locked'];
    expect(await page.submit()).toBe(false);
    expect(page.problems).toEqual({ url: en.urlPrivate });
    expect(page.created).toBeNull();
  });

  test('other refusals are said above the form: a manager, a cancelled confirmation, the server’s words', async () => {
    for (const [answer, words] of [
      [refused('FORBIDDEN', 403), en.adminsOnly],
      [refused('REAUTHENTICATION_REQUIRED', 401), en.reauthCancelled],
      [refused('TOO_MANY_ENDPOINTS', 409), 'described: server says TOO_MANY_ENDPOINTS'],
    ] as const) {
      const { page } = newPage(answer);
      page.form.url = 'https://alerts.example.com/shiftpass';
      page.form.events = ['lockout.locked'];
      await page.submit();
      expect(page.formError).toBe(words);
    }
  });
});

function logWith(pages: ApiResult<DeliveryPage>[], extra: Partial<DeliveryLogDeps> = {}) {
  const reads: string[] = [];
  const retried: string[] = [];
  const told: string[] = [];
  let waits = 0;
  const log = new DeliveryLog({
    read: async (cursor) => {
      reads.push(cursor);
      return pages.length > 1 ? pages.shift()! : pages[0]!;
    },
    retry: async (id) => {
      retried.push(id);
      return ok(undefined, 202);
    },
    words: () => en,
    describe: (error) => error.message,
    tell: (message) => void told.push(message),
    wait: async () => void (waits += 1),
    ...extra,
  });
  return { log, reads, retried, told, waits: () => waits };
}

describe('the delivery log', () => {
  test('pages forwards with the API’s cursor and back to the page before', async () => {
    const { log, reads } = logWith([
      ok({ value: [delivery({ id: 'a' })], nextCursor: 'c2' }),
      ok({ value: [delivery({ id: 'b' })], nextCursor: 'c3' }),
      ok({ value: [delivery({ id: 'c' })], nextCursor: null }),
      ok({ value: [delivery({ id: 'b' })], nextCursor: 'c3' }),
    ]);
    await log.first();
    await log.next();
    await log.next();
    expect(log.pages.number).toBe(3);
    expect(log.nextCursor).toBeNull();
    await log.previous();
    expect(reads).toEqual(['', 'c2', 'c3', 'c2']);
    expect(log.rows.map((r) => r.id)).toEqual(['b']);
    expect(log.pages.number).toBe(2);
  });

  test('"Retry now" sends the delivery again, says so and reads the page again', async () => {
    const { log, retried, told, reads } = logWith([
      ok({ value: [delivery({ state: 'failed' })], nextCursor: null }),
    ]);
    await log.retry(delivery({ id: 'd9', state: 'failed' }));
    expect(retried).toEqual(['d9']);
    expect(told).toEqual([en.retried]);
    expect(reads).toEqual(['']);
  });

  test('following a test event reads again until its delivery has an answer', async () => {
    const { log, reads, waits } = logWith([
      ok({ value: [], nextCursor: null }),
      ok({ value: [delivery({ eventId: 'e7' })], nextCursor: null }),
      ok({
        value: [delivery({ eventId: 'e7', state: 'delivered', responseStatus: 200, attempts: 1 })],
        nextCursor: null,
      }),
    ]);
    await log.follow('e7');
    expect(reads).toEqual(['', '', '']);
    expect(waits()).toBe(2);
    expect(log.rows[0]).toMatchObject({ state: 'delivered', responseStatus: 200 });
  });

  test('following gives up after a bounded number of reads, and stops when the page goes', async () => {
    const { log, reads } = logWith([ok({ value: [delivery({ eventId: 'e7' })], nextCursor: null })]);
    await log.follow('e7');
    expect(reads).toHaveLength(FOLLOW_AT_MOST);

    const stopped = logWith([ok({ value: [delivery({ eventId: 'e8' })], nextCursor: null })]);
    const following = stopped.log.follow('e8');
    stopped.log.stop();
    await following;
    expect(stopped.reads.length).toBeLessThanOrEqual(1);
  });

  test('a log that cannot be read says so in words', () => {
    const log = new DeliveryLog(
      {
        read: async () => ok({ value: [], nextCursor: null }),
        retry: async () => ok(undefined),
        words: () => es,
        describe: () => 'No se pudo conectar con el servidor.',
        tell: () => {},
      },
      refused('NETWORK_ERROR', 0),
    );
    expect(log.error).toBe(`${es.logFailed} No se pudo conectar con el servidor.`);
  });
});

describe('an endpoint’s page', () => {
  function detail(answers: Partial<Record<'patch' | 'rotate' | 'remove' | 'test', ApiResult<unknown>>> = {}) {
    const patches: PatchWebhookBody[] = [];
    const calls: string[] = [];
    const told: string[] = [];
    const { log, reads } = logWith([
      ok({ value: [delivery({ eventId: 'e5', state: 'delivered', responseStatus: 200 })], nextCursor: null }),
    ]);
    const deps: EndpointPageDeps = {
      patch: async (id, body) => {
        patches.push(body);
        return (
          (answers.patch as ApiResult<WebhookEndpointView>) ??
          ok({ ...endpoint, ...body } as WebhookEndpointView)
        );
      },
      rotate: async () => {
        calls.push('rotate');
        return (answers.rotate as ApiResult<{ secret: string }>) ?? ok({ secret: 'whsec_new' });
      },
      remove: async () => {
        calls.push('remove');
        return answers.remove ?? ok(undefined, 204);
      },
      test: async () => {
        calls.push('test');
        return (answers.test as ApiResult<{ eventId: string }>) ?? ok({ eventId: 'e5' }, 202);
      },
      refresh: async () => void calls.push('refresh'),
      leave: async () => void calls.push('leave'),
      words: () => en,
      describe: (error) => error.message,
      tell: (message) => void told.push(message),
    };
    return { page: new EndpointPage(endpoint, log, deps), patches, calls, told, reads, log };
  }

  test('saving sends only what changed; with nothing changed nothing is sent', async () => {
    const { page, patches } = detail();
    expect(page.changed).toBe(false);
    expect(await page.save()).toBe(true);
    expect(patches).toEqual([]);
    page.form.events = [...page.form.events, 'person.disabled'];
    expect(page.changed).toBe(true);
    expect(await page.save()).toBe(true);
    expect(patches).toEqual([{ events: ['badge.issued', 'lockout.burst', 'person.disabled'] }]);
    expect(page.changed).toBe(false);
  });

  test('an edited address the server refuses stays in the form with the refusal next to it', async () => {
    const { page } = detail({ patch: refused('WEBHOOK_URL_NOT_HTTPS') });
    page.form.url = 'https://10.0.0.5/hook';
    expect(await page.save()).toBe(false);
    expect(page.problems).toEqual({ url: en.urlNotHttps });
    expect(page.form.url).toBe('https://10.0.0.5/hook');
  });

  test('turning it off says that no events are sent, and a reread endpoint keeps unsaved edits', async () => {
    const { page, patches, told } = detail();
    await page.setEnabled(false);
    expect(patches).toEqual([{ enabled: false }]);
    expect(page.endpoint.enabled).toBe(false);
    expect(told).toEqual([en.turnedOff]);
    page.form.description = 'Edited';
    page.update({
      ...endpoint,
      enabled: false,
      lastDelivery: { state: 'delivered', responseStatus: 200, at: '' },
    });
    expect(page.form.description).toBe('Edited');
  });

  test('"Send test event" queues it and the log follows it until it is delivered', async () => {
    const { page, calls, told, log } = detail();
    await page.sendTest();
    expect(calls).toEqual(['test', 'refresh']);
    expect(told).toEqual([en.testQueued]);
    expect(log.rows[0]).toMatchObject({ eventId: 'e5', state: 'delivered', responseStatus: 200 });
  });

  test('rotating asks first, then shows the new secret until "Done"', async () => {
    const { page, calls } = detail();
    page.ask('rotate');
    expect(calls).toEqual([]);
    await page.confirmed();
    expect(calls).toEqual(['rotate']);
    expect(page.confirm).toBeNull();
    expect(page.secret).toBe('whsec_new');
    page.forgetSecret();
    expect(page.secret).toBeNull();
  });

  test('deleting asks first, then leaves for the list; a refusal stays in the dialog', async () => {
    const gone = detail();
    gone.page.ask('delete');
    await gone.page.confirmed();
    expect(gone.calls).toEqual(['remove', 'leave']);
    expect(gone.told).toEqual([en.deleted(endpoint.url)]);

    const missing = detail({ remove: refused('WEBHOOK_NOT_FOUND', 404) });
    missing.page.ask('delete');
    await missing.page.confirmed();
    expect(missing.page.confirm).toBe('delete');
    expect(missing.page.confirmError).toBe(en.notFound);
  });
});
