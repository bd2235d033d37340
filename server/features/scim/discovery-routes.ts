/**
 * SCIM discovery (RFC 7644 §4): /ServiceProviderConfig, /ResourceTypes and /Schemas, built from
 * scimmy's schema definitions. What the provider supports is stated once, here.
 */
import { Hono } from 'hono';
import SCIMMY from 'scimmy';
import { SCIM_MAX_RESULTS } from '../../contracts/scim.js';
import type { ServiceDeps } from '../../core/deps.js';
import { SCIM_RESOURCE_TYPES } from './resource-types.js';
import type { ScimEnv } from './scim-auth.js';
import { notFound } from './scim-errors.js';
import { listResponse } from './scim-http.js';
import { scimBaseUrl, scimJson } from '../../http/scim-response.js';

/** RFC 7643 §5. No bulk, no sort, no password change; PATCH, filters and ETags. */
export function serviceProviderConfig(baseUrl: string): Record<string, unknown> {
  return {
    ...new SCIMMY.Schemas.ServiceProviderConfig(
      {
        patch: { supported: true },
        bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
        filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
        changePassword: { supported: false },
        sort: { supported: false },
        etag: { supported: true },
        authenticationSchemes: [
          {
            type: 'oauthbearertoken',
            name: 'OAuth Bearer Token',
            description: 'A Shiftpass API token with the scim scope, sent as Authorization: Bearer <token>.',
            primary: true,
          },
        ],
      },
      `${baseUrl}/ServiceProviderConfig`,
    ),
  };
}

const resourceTypeOf = (type: (typeof SCIM_RESOURCE_TYPES)[number], baseUrl: string) => ({
  ...new SCIMMY.Schemas.ResourceType(
    {
      id: type.id,
      name: type.name,
      endpoint: type.endpoint,
      description: type.description,
      schema: type.schema.definition.id,
      schemaExtensions: type.extensions.map((extension) => ({
        schema: extension.schema.definition.id,
        required: extension.required,
      })),
    },
    `${baseUrl}/ResourceTypes`,
  ),
});

/** Each schema a resource type uses, core first, without the extensions folded into the core's. */
function schemasOf(baseUrl: string): Record<string, unknown>[] {
  const definitions = new Map<string, SCIMMY.Types.SchemaDefinition>();
  for (const type of SCIM_RESOURCE_TYPES) {
    definitions.set(type.schema.definition.id, type.schema.definition);
    for (const extension of type.extensions) {
      definitions.set(extension.schema.definition.id, extension.schema.definition);
    }
  }
  return [...definitions.values()].map((definition) => {
    const described = definition.describe(`${baseUrl}/Schemas`) as Record<string, unknown>;
    // The core schema's description carries its extensions as attributes; RFC 7643 §7 lists each
    // schema with its own attributes only.
    const attributes = (described.attributes as { name: string }[]).filter(
      (attribute) => !attribute.name.startsWith('urn:'),
    );
    return { ...described, attributes };
  });
}

export function scimDiscoveryRoutes(deps: ServiceDeps) {
  const whole = (items: unknown[]) =>
    listResponse(items, items.length, { startIndex: 1, count: items.length });
  return new Hono<ScimEnv>()
    .get('/ServiceProviderConfig', (c) => scimJson(c, serviceProviderConfig(scimBaseUrl(deps, c))))
    .get('/ResourceTypes', (c) => {
      const baseUrl = scimBaseUrl(deps, c);
      return scimJson(c, whole(SCIM_RESOURCE_TYPES.map((type) => resourceTypeOf(type, baseUrl))));
    })
    .get('/ResourceTypes/:id', (c) => {
      const type = SCIM_RESOURCE_TYPES.find((candidate) => candidate.id === c.req.param('id'));
      if (!type) throw notFound('No such resource type.');
      return scimJson(c, resourceTypeOf(type, scimBaseUrl(deps, c)));
    })
    .get('/Schemas', (c) => scimJson(c, whole(schemasOf(scimBaseUrl(deps, c)))))
    .get('/Schemas/:id', (c) => {
      const schema = schemasOf(scimBaseUrl(deps, c)).find((candidate) => candidate.id === c.req.param('id'));
      if (!schema) throw notFound('No such schema.');
      return scimJson(c, schema);
    });
}
