import type { MiddlewareHandler } from 'hono';

/** API answers are personal and must never be cached by a shared phone's browser or a proxy. */
export const apiSecurityHeaders = (): MiddlewareHandler => async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
};
