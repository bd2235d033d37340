/**
 * One webhook attempt: resolve the endpoint's host (every address), refuse it when any address is one
 * webhooks may not reach (domain/webhook-address.ts), then POST to the address just checked — the
 * connection's own lookup answers with it, so no second DNS answer can slip in between the check and
 * the connect (DNS rebinding). https only, the certificate checked against the host name (system CAs
 * plus any injected for tests), no redirect followed, at most `timeoutMs` for the whole exchange.
 */
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { LookupFunction } from 'node:net';
import type { WebhookDeliveryFailure } from '../../contracts/webhooks.js';
import {
  literalAddress,
  parseWebhookUrl,
  pickAllowedAddress,
  type WebhookAllowList,
} from '../../domain/webhook-address.js';
import type { WebhookNetwork } from './webhook-network.js';

export const USER_AGENT = 'Shiftpass-Webhooks/1';

export interface SendInput {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allow: WebhookAllowList;
  network: WebhookNetwork;
  /** Aborts the attempt (the server is stopping). */
  signal?: AbortSignal;
}

export interface SendOutcome {
  status: number | null;
  failure: WebhookDeliveryFailure | null;
  durationMs: number;
}

/** Where the host may be reached: the address to connect to, 'private' (refused) or 'unresolved'. */
export async function resolveAllowed(
  host: string,
  allow: WebhookAllowList,
  network: WebhookNetwork,
): Promise<{ address: string } | { refused: 'private' | 'unresolved' }> {
  let addresses: string[];
  if (literalAddress(host)) addresses = [host];
  else {
    try {
      addresses = await network.resolve(host);
    } catch {
      return { refused: 'unresolved' };
    }
    if (addresses.length === 0) return { refused: 'unresolved' };
  }
  const address = pickAllowedAddress(host, addresses, allow);
  return address ? { address } : { refused: 'private' };
}

const TLS_ERROR = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

function failureOf(error: unknown): WebhookDeliveryFailure {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'WEBHOOK_TIMEOUT') return 'timeout';
  if (TLS_ERROR.test(code) || /certificate|ssl|tls/i.test((error as Error).message ?? '')) return 'tls';
  return 'connection';
}

let caCache: { extra: readonly string[]; all: string[] } | undefined;
const caOf = (extra: readonly string[] | undefined): string[] | undefined => {
  if (!extra || extra.length === 0) return undefined;
  if (caCache?.extra !== extra) caCache = { extra, all: [...rootCertificates, ...extra] };
  return caCache.all;
};

export async function sendWebhook(input: SendInput): Promise<SendOutcome> {
  const started = performance.now();
  const done = (status: number | null, failure: WebhookDeliveryFailure | null): SendOutcome => ({
    status,
    failure,
    durationMs: Math.round(performance.now() - started),
  });
  const parsed = parseWebhookUrl(input.url);
  if (!parsed.ok) return done(null, 'connection');
  const where = await resolveAllowed(parsed.host, input.allow, input.network);
  if ('refused' in where) return done(null, where.refused === 'private' ? 'private_address' : 'connection');
  const family = where.address.includes(':') ? 6 : 4;
  // The address checked above, whatever the resolver would say now.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: where.address, family }]);
    else callback(null, where.address, family);
  };
  const url = parsed.url;
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const req = request(
      {
        host: parsed.host,
        port: url.port === '' ? 443 : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...input.headers, 'Content-Length': String(Buffer.byteLength(input.body)) },
        lookup: pinned,
        servername: literalAddress(parsed.host) ? undefined : parsed.host,
        ca: caOf(input.network.extraCa),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // The answer's body is not read: only its status counts.
        res.destroy();
        req.destroy();
        if (status >= 200 && status < 300) finish(done(status, null));
        else if (status >= 300 && status < 400) finish(done(status, 'redirect'));
        else finish(done(status, 'http_status'));
      },
    );
    const timer = setTimeout(() => {
      req.destroy(Object.assign(new Error('webhook timed out'), { code: 'WEBHOOK_TIMEOUT' }));
    }, input.timeoutMs);
    const onAbort = () => req.destroy(Object.assign(new Error('stopping'), { code: 'WEBHOOK_ABORTED' }));
    input.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => finish(done(null, failureOf(error))));
    req.end(input.body);
  });
}
