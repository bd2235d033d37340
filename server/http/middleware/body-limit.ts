/**
 * The API's body size limit: hono's bodyLimit, without its first step on the common request. Hono
 * asks `request.body` whether there is a body at all; on @hono/node-server's lightweight request
 * (npm start's /api path, server/http/node-api-handler.ts) that builds a real undici Request, an
 * AbortController and a web ReadableStream over the Node request, and the route's `c.req.text()`
 * then reads the body through them instead of straight from the socket's Buffers.
 *
 * So: GET and HEAD carry no body (a fetch Request cannot have one); a body announced with
 * Content-Length (and no Transfer-Encoding) is judged by that length before a byte is read, exactly
 * as hono does. Only the rest (chunked bodies) goes through hono's bodyLimit, which counts the bytes
 * as they come.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../../contracts/errors.js';

export function limitBody(maxSize: number): MiddlewareHandler {
  const refuse = () => {
    throw new ApiError('PAYLOAD_TOO_LARGE');
  };
  const countingLimit = bodyLimit({ maxSize, onError: refuse });
  return (c: Context, next) => {
    const { method, headers } = c.req.raw;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = headers.get('content-length');
    if (length !== null && !headers.has('transfer-encoding')) {
      return parseInt(length || '0', 10) > maxSize ? refuse() : next();
    }
    return countingLimit(c, next);
  };
}
