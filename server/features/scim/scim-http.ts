/**
 * What every SCIM resource shares, apart from HTTP (server/http/scim-response.ts has that part):
 * ListResponse and its window (`startIndex`/`count`), filters parsed by scimmy, `attributes` /
 * `excludedAttributes`, and weak ETags taken from a resource's representation.
 */
import SCIMMY from 'scimmy';
import { createHash } from 'node:crypto';
import { SCIM_LIST_RESPONSE_SCHEMA, SCIM_MAX_FILTER_LENGTH, SCIM_MAX_RESULTS } from '../../contracts/scim.js';
import { badRequest, ScimError } from './scim-errors.js';

type Json = Record<string, unknown>;

/**
 * A weak ETag of a resource's representation (without `meta`): it changes whenever anything a
 * client can see changes, whoever changed it (console, CSV import, SCIM), and never otherwise.
 */
export function etagOf(resource: Json): string {
  const { meta: _meta, ...rest } = resource;
  const digest = createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 22);
  return `W/"${digest}"`;
}

/** `attributes` / `excludedAttributes` as scimmy's attribute filter (undefined: every default one). */
export function attributesFilter(query: {
  attributes?: string;
  excludedAttributes?: string;
}): SCIMMY.Types.Filter | undefined {
  const list = (value: string, name: string) => {
    const names = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    if (names.length === 0 || names.some((item) => !/^[A-Za-z0-9:._$-]+$/.test(item))) {
      throw badRequest('invalidFilter', `${name} must be a comma-separated list of attribute names.`);
    }
    return names;
  };
  try {
    if (query.attributes !== undefined) {
      return new SCIMMY.Types.Filter(
        list(query.attributes, 'attributes')
          .map((name) => `${name} pr`)
          .join(' and '),
      );
    }
    if (query.excludedAttributes !== undefined) {
      return new SCIMMY.Types.Filter(
        list(query.excludedAttributes, 'excludedAttributes')
          .map((name) => `${name} np`)
          .join(' and '),
      );
    }
  } catch (error) {
    if (error instanceof ScimError) throw error;
    throw badRequest('invalidFilter', 'attributes or excludedAttributes could not be read.');
  }
  return undefined;
}

export interface ListWindow {
  /** 1-based, as SCIM counts (RFC 7644 §3.4.2.4). */
  startIndex: number;
  /** How many to return, at most SCIM_MAX_RESULTS. */
  count: number;
}

/**
 * `startIndex` and `count`: a startIndex below 1 counts as 1 and a negative count as 0 (RFC 7644
 * §3.4.2.4); a count above the maximum is cut to it. Anything that is not an integer: invalidValue.
 */
export function listWindowOf(query: { startIndex?: string; count?: string }): ListWindow {
  const integer = (value: string | undefined, name: string, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    if (!/^-?\d{1,12}$/.test(value.trim())) throw badRequest('invalidValue', `${name} must be an integer.`);
    return Number(value.trim());
  };
  const startIndex = Math.max(1, integer(query.startIndex, 'startIndex', 1));
  const count = Math.min(SCIM_MAX_RESULTS, Math.max(0, integer(query.count, 'count', SCIM_MAX_RESULTS)));
  return { startIndex, count };
}

/** The filter as scimmy parsed it; a filter it cannot read, or one too long: 400 invalidFilter. */
export function parseFilter(filter: string | undefined): SCIMMY.Types.Filter | undefined {
  if (filter === undefined) return undefined;
  if (!filter.trim()) throw badRequest('invalidFilter', 'The filter is empty.');
  if (filter.length > SCIM_MAX_FILTER_LENGTH) {
    throw badRequest('invalidFilter', `The filter is longer than ${SCIM_MAX_FILTER_LENGTH} characters.`);
  }
  // scimmy reads a dangling `and`/`or`/`not` as nothing; the RFC's grammar does not.
  if (/(^|[\s)])(and|or|not)\s*$/i.test(filter.trim())) {
    throw badRequest('invalidFilter', 'The filter ends with a logical operator.');
  }
  try {
    return new SCIMMY.Types.Filter(filter);
  } catch (error) {
    if (error instanceof SCIMMY.Types.Error) throw badRequest('invalidFilter', error.message);
    throw badRequest('invalidFilter', 'The filter could not be read.');
  }
}

/** A ListResponse (RFC 7644 §3.4.2) of one page of resources out of `totalResults`. */
export function listResponse(resources: unknown[], totalResults: number, window: ListWindow): Json {
  return {
    schemas: [SCIM_LIST_RESPONSE_SCHEMA],
    totalResults,
    startIndex: window.startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
