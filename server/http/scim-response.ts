/**
 * SCIM over HTTP, for every SCIM resource's routes (Users, Groups): answering in
 * `application/scim+json`, reading a JSON body, the absolute URL resources are linked from, and
 * `If-Match` (RFC 7644 §3.14).
 */
import type { Context } from 'hono';
import { SCIM_BASE_PATH, SCIM_CONTENT_TYPE } from '../contracts/scim.js';
import type { ServiceDeps } from '../core/deps.js';
import type { ScimEnv } from '../features/scim/scim-auth.js';
import { badRequest, ScimError } from '../features/scim/scim-errors.js';

type Json = Record<string, unknown>;

/** A SCIM answer: the body as `application/scim+json`, with the headers given (ETag, Location). */
export function scimJson(
  c: Context<ScimEnv>,
  body: unknown,
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
): Response {
  return c.json(body as Json, status, { 'Content-Type': SCIM_CONTENT_TYPE, ...headers });
}

/** An error answer, with the status the RFC gives it. */
export function scimErrorResponse(c: Context<ScimEnv>, error: ScimError): Response {
  return c.json(error.toBody(), error.status as 400, { 'Content-Type': SCIM_CONTENT_TYPE });
}

const JSON_MEDIA_TYPES = new Set([SCIM_CONTENT_TYPE, 'application/json']);

/**
 * The request's JSON object. `application/scim+json` or `application/json` (what Entra sends); any
 * other media type, text that is not JSON, or JSON that is not one object: 400 invalidSyntax.
 */
export async function readScimBody(c: Context<ScimEnv>): Promise<Json> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_MEDIA_TYPES.has(mediaType)) {
    throw badRequest('invalidSyntax', `Send the body as ${SCIM_CONTENT_TYPE} or application/json.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('invalidSyntax', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('invalidSyntax', 'The request body must be one JSON object.');
  }
  return parsed as Json;
}

/**
 * Where resources are linked from (`meta.location`, the `Location` header): the configured public
 * origin (PUBLIC_ORIGIN), else this request's own origin (a TLS server with no PUBLIC_ORIGIN).
 */
export function scimBaseUrl(deps: ServiceDeps, c: Context<ScimEnv>): string {
  const origin = deps.settings.linkOrigin ?? new URL(c.req.url).origin;
  return `${origin}${SCIM_BASE_PATH}`;
}

/**
 * `If-Match` (RFC 7644 §3.14): when the client names versions and none is the current one, the
 * change is refused with 412 before anything is written. `*` matches any existing resource.
 */
export function checkIfMatch(c: Context<ScimEnv>, currentEtag: string): void {
  const header = c.req.header('if-match');
  if (header === undefined) return;
  const wanted = header.split(',').map((tag) => tag.trim());
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  if (wanted.includes('*') || wanted.some((tag) => opaque(tag) === opaque(currentEtag))) return;
  throw new ScimError(412, null, 'The resource changed since that version was read (If-Match).');
}
