/**
 * The SCIM 2.0 service provider's fixed names (RFC 7643/7644): where it is served, its media type,
 * the schema URNs it speaks and its limits. The words of its errors are English `detail` strings for
 * the provisioning client's logs (RFC 7644 §3.12); nothing here is shown to people.
 */

/** Where the SCIM API is served, beside /api (not under it): server-to-server, no cookies. */
export const SCIM_BASE_PATH = '/scim/v2';

/** Whether a request path is SCIM's: /scim/v2 or below (after dot segments are resolved). */
export const isScimPath = (pathname: string): boolean =>
  pathname === SCIM_BASE_PATH || pathname.startsWith(`${SCIM_BASE_PATH}/`);

/** RFC 7644 §3.1; `application/json` is accepted too (Entra sends it). */
export const SCIM_CONTENT_TYPE = 'application/scim+json';

export const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const SCIM_ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const SCIM_LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SCIM_PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The most resources one list answer holds (ServiceProviderConfig `filter.maxResults`). */
export const SCIM_MAX_RESULTS = 200;

/** A filter longer than this is refused (invalidFilter) before it is parsed. */
export const SCIM_MAX_FILTER_LENGTH = 2000;

/** Operations in one PATCH request; more are refused (invalidValue) before any is applied. */
export const SCIM_MAX_PATCH_OPERATIONS = 100;

/** The largest request body (a user or a group with its members), as the admin API's default. */
export const SCIM_MAX_BODY_BYTES = 64 * 1024;

/** RFC 7644 §3.12 `scimType` values this server answers with. */
export type ScimErrorType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** An error answer's body (RFC 7644 §3.12): `status` is the HTTP status as a string. */
export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR_SCHEMA];
  status: string;
  scimType?: ScimErrorType;
  detail?: string;
}

/** The roles a SCIM `roles` value may name; `admin` only with the `scim.admins` scope. */
export const SCIM_ROLE_VALUES = ['worker', 'manager', 'admin'] as const;
