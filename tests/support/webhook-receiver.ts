/**
 * A local https webhook receiver for API tests: a certificate for `host` made at run time by
 * `selfsigned` (no private key in the repository), trusted by the deliverer through the harness's
 * injected CA (`webhookNetworkFor`), never by turning certificate checks off. Each request is kept
 * with its raw body; the test decides the answer (a status, a redirect, or no answer at all).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { WebhookNetwork } from '../../server/features/webhooks/webhook-network.js';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to answer: a status (with headers), or 'hang' (accept the request and never answer). */
export type ReceiverAnswer = { status: number; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver {
  host: string;
  port: number;
  /** PEM of the receiver's certificate (its own CA). */
  ca: string;
  url(path?: string): string;
  received: ReceivedWebhook[];
  /** Answers each request in turn; the last answer repeats. Default 200. */
  answer(...answers: ReceiverAnswer[]): void;
  /** Answers each request as `decide` says (it sees the request, already recorded). */
  answerWith(decide: (request: ReceivedWebhook) => ReceiverAnswer): void;
  /** Requests that were not answered (hanging). */
  hanging(): number;
  close(): Promise<void>;
}

/**
 * The 10-line verify of docs/webhooks.md, as a receiver would write it: the signature over
 * "<t>.<raw body>" with the endpoint's secret, made within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyShiftpassSignature(
  secret: string,
  header: string,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  const given = String(parts.v1 ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export async function startWebhookReceiver(host = 'hooks.test'): Promise<WebhookReceiver> {
  const pems = await generate([{ name: 'commonName', value: host }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: host }] },
    ],
  });
  const received: ReceivedWebhook[] = [];
  let answers: ReceiverAnswer[] = [{ status: 200 }];
  let next = 0;
  let decide: ((request: ReceivedWebhook) => ReceiverAnswer) | undefined;
  let hanging = 0;
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const answer = decide ? decide(request) : answers[Math.min(next++, answers.length - 1)]!;
      if (answer === 'hang') {
        hanging += 1;
        res.on('close', () => (hanging -= 1));
        return;
      }
      res.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host,
    port,
    ca: pems.cert,
    url: (path = '/hook') => `https://${host}:${port}${path}`,
    received,
    answer(...list) {
      answers = list;
      next = 0;
      decide = undefined;
    },
    answerWith(fn) {
      decide = fn;
    },
    hanging: () => hanging,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A resolver for tests: names map to the addresses given (changeable mid-test, as DNS can change),
 * any other name is not found; the receivers' certificates are trusted.
 */
export function webhookNetworkFor(
  names: Record<string, string[]>,
  receivers: readonly WebhookReceiver[] = [],
): WebhookNetwork & { names: Record<string, string[]> } {
  return {
    names,
    async resolve(host) {
      const found = names[host];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return found;
    },
    extraCa: receivers.map((receiver) => receiver.ca),
  };
}
