/**
 * Request bodies and queries as route middleware: `jsonBody(schema)` and `queryOf(schema)` read the
 * request with request.ts's readJson/readQuery (the same media-type check, body-size and malformed-JSON
 * answers, VALIDATION_PARSE_OPTIONS and field-naming messages) and hand the parsed value to the handler
 * as `c.req.valid('json' | 'query')`. Their type carries the schema into the route chain, so the typed
 * client (src/lib/api/typed-client.ts) knows what each route takes: `json` is what the client sends
 * (`z.input`), the handler gets what zod made of it (`z.output`).
 *
 * Why not hono/validator's `validator('json', …)`: it reads the body itself before the validation
 * function runs (its own media-type rule; malformed JSON, and a body cut off for its size, become a
 * plain-text 400), and its query input is typed from the parsed output rather than what is sent.
 * These produce the same `{ in, out }` input type hono's validator does, with request.ts's behaviour.
 *
 * Put them after the route's role or session guard, so a caller without access gets 401/403 before
 * any 400 about what it sent.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env.js';
import { readJson, readQuery } from './request.js';

/**
 * A query value as the client sends it: one of the schema's words where it has a fixed set, otherwise
 * text (a number is spelt in the URL as its digits). Never a list: a parameter given twice is refused.
 */
type QueryValue<T> = [Exclude<T, undefined>] extends [string]
  ? string extends Exclude<T, undefined>
    ? string | number
    : T
  : string | number;

/** What the typed client may send as a query for a schema: the schema's own keys, each optional as there. */
export type QueryInput<S extends z.ZodType> = { [K in keyof z.input<S>]: QueryValue<z.input<S>[K]> };

type JsonInput<S extends z.ZodType> = { in: { json: z.input<S> }; out: { json: z.output<S> } };
type OptionalJsonInput<S extends z.ZodType> = {
  in: { json?: z.input<S> };
  out: { json: z.output<S> | undefined };
};
/** A query of only optional parameters may be left out of the call altogether. */
type QueryInputOf<S extends z.ZodType> = {
  in: Partial<QueryInput<S>> extends QueryInput<S> ? { query?: QueryInput<S> } : { query: QueryInput<S> };
  out: { query: z.output<S> };
};

/** How a route reads its body; readJson unless it answers refusals its own way (a policy's `problems`). */
export type JsonReader = <S extends z.ZodType>(c: Context<AppEnv>, schema: S) => Promise<z.output<S>>;

/** The JSON body, validated by `schema`: `c.req.valid('json')`. */
export function jsonBody<S extends z.ZodType>(
  schema: S,
  read: JsonReader = readJson,
): MiddlewareHandler<AppEnv, string, JsonInput<S>> {
  return async (c, next) => {
    c.req.addValidatedData('json', (await read(c, schema)) as object);
    await next();
  };
}

/**
 * A body that may be left out entirely (no Content-Type and no length): then `c.req.valid('json')` is
 * undefined; anything sent is read as `jsonBody` reads it.
 */
export function optionalJsonBody<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<AppEnv, string, OptionalJsonInput<S>> {
  return async (c, next) => {
    const sent =
      c.req.header('content-type') !== undefined || (c.req.header('content-length') ?? '0') !== '0';
    if (sent) c.req.addValidatedData('json', (await readJson(c, schema)) as object);
    await next();
  };
}

/** The query string, validated by `schema`: `c.req.valid('query')`. */
export function queryOf<S extends z.ZodType>(schema: S): MiddlewareHandler<AppEnv, string, QueryInputOf<S>> {
  return async (c, next) => {
    c.req.addValidatedData('query', readQuery(c, schema) as object);
    await next();
  };
}
