/**
 * Finds the client's address once per request: the socket address the serving entry passes in
 * (`c.env.clientAddress`), and X-Forwarded-For only as far as TRUSTED_PROXIES vouch for it
 * (server/domain/client-address.ts). Everything downstream (the per-client budget, sign-in logs,
 * sessions, conditional access) reads it through `clientIp(c)`.
 */
import type { MiddlewareHandler } from 'hono';
import { clientAddressOf } from '../../domain/client-address.js';
import type { CidrRange } from '../../domain/ip-address.js';
import type { AppEnv } from '../env.js';

export const resolveClientAddress =
  (trustedProxies: readonly CidrRange[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const { address } = clientAddressOf({
      socketAddress: c.env?.clientAddress,
      forwardedFor: c.req.raw.headers.get('x-forwarded-for'),
      trustedProxies,
    });
    c.set('clientAddress', address);
    await next();
  };
