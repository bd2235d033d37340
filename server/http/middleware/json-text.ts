/**
 * Lets npm start's Node handler write a JSON answer's text straight to the socket (server/http/
 * node-api-handler.ts). The API runs with the process's own (undici) Response, since SvelteKit shares
 * the process; @hono/node-server can only send such a Response by reading its body back through a
 * web ReadableStream (a reader, a few promises and a timer turn per answer). Every JSON answer of the
 * API is made by `c.json()`, which knows the text: this middleware makes `c.json()` note that text
 * on the Response it returns (server/http/json-text-note.ts), where the handler finds it.
 *
 * The note travels with that Response object only: an answer rebuilt afterwards (Hono copies a
 * finished Response when a header is set on it, a HEAD answer is a copy without body) is a new object
 * without the note, and is sent the ordinary way.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { noteJsonText } from '../json-text-note.js';
/** `c.newResponse` as hono implements it: the second argument a status or a ResponseInit. */
type NewResponse = (
  data: string,
  init?: number | ResponseInit,
  headers?: Record<string, string | string[]>,
) => Response;

/** Hono's `c.json()` (hono/dist/context.js): the same text, status and headers, through `c.newResponse`. */
function notingJson(c: Context): Context['json'] {
  return ((object: unknown, init?: number | ResponseInit, headers?: Record<string, string | string[]>) => {
    const text = JSON.stringify(object);
    const response = (c.newResponse as NewResponse)(text, init, {
      'Content-Type': 'application/json',
      ...headers,
    });
    noteJsonText(response, text);
    return response;
  }) as Context['json'];
}

export const keepJsonText = (): MiddlewareHandler => (c, next) => {
  c.json = notingJson(c);
  return next();
};
