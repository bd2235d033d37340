/**
 * A SCIM client for API tests (/scim/v2 through the harness, as Entra or an HR tool would call it):
 * a token with the scim scope, requests in application/scim+json, and the checks every SCIM answer
 * shares (RFC 7644 error bodies, ListResponse shape).
 */
import { expect } from 'vitest';
import type { ApiTokenScope } from '../../server/contracts/api-tokens.js';
import type { Harness } from './api-harness.js';

export const SCIM = '/scim/v2';
export const SCIM_JSON = 'application/scim+json';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** A new API token with these scopes (default `scim`), made by the bootstrap admin. */
export async function scimToken(h: Harness, scopes: ApiTokenScope[] = ['scim'], name = 'Entra provisioning') {
  const res = await h.request('POST', '/api/admin/api-tokens', { body: { displayName: name, scopes } });
  if (res.status !== 201) throw new Error(`scimToken: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface ScimRequest {
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** The token to send; `null` sends none. */
  token?: string | null;
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Requests to /scim/v2 with `token`, bodies sent as application/scim+json unless told otherwise. */
export function scimClient(h: Harness, token: string) {
  const send = (method: string, path: string, options: ScimRequest = {}) =>
    h.request(method, `${SCIM}${path}`, {
      token: options.token === undefined ? token : options.token,
      ...(options.body !== undefined ? { raw: JSON.stringify(options.body) } : {}),
      ...(options.raw !== undefined ? { raw: options.raw } : {}),
      headers: {
        ...(options.body !== undefined || options.raw !== undefined ? { 'content-type': SCIM_JSON } : {}),
        ...options.headers,
      },
      origin: null,
    });
  return {
    send,
    get: (path: string, options?: ScimRequest) => send('GET', path, options),
    post: (path: string, body: unknown, options?: ScimRequest) => send('POST', path, { ...options, body }),
    put: (path: string, body: unknown, options?: ScimRequest) => send('PUT', path, { ...options, body }),
    patch: (path: string, operations: unknown[], options?: ScimRequest) =>
      send('PATCH', path, { ...options, body: { schemas: [PATCH_OP], Operations: operations } }),
    delete: (path: string, options?: ScimRequest) => send('DELETE', path, options),
  };
}

export type ScimClient = ReturnType<typeof scimClient>;

/** The body of a SCIM answer, after checking its media type. */
export async function scimBody(res: Response): Promise<Json> {
  expect(res.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  return (await res.json()) as Json;
}

/** An RFC 7644 §3.12 error: the Error schema, `status` as a string, the scimType when given. */
export async function expectScimError(res: Response, status: number, scimType?: string): Promise<Json> {
  const body = await scimBody(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.schemas).toEqual([ERROR_SCHEMA]);
  expect(body.status).toBe(String(status));
  if (scimType) expect(body.scimType).toBe(scimType);
  else expect(body.scimType).toBeUndefined();
  expect(typeof body.detail).toBe('string');
  return body;
}

/** An RFC 7644 §3.4.2 ListResponse with the counts given. */
export async function expectList(res: Response, totalResults: number, startIndex = 1): Promise<Json[]> {
  const body = await scimBody(res);
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults, startIndex });
  expect(body.itemsPerPage).toBe(body.Resources.length);
  return body.Resources as Json[];
}
