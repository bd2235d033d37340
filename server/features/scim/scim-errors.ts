/**
 * SCIM error answers (RFC 7644 §3.12): `{ schemas: [Error], status: "400", scimType, detail }`.
 * Every failure on /scim/v2 is worded this way: SCIM's own (`ScimError`), scimmy's (a filter or a
 * PATCH path it refused) and the people services' ApiErrors (the same rules as the admin API),
 * translated here once. Details are English sentences for the client's logs: no PIN, badge or token.
 */
import SCIMMY from 'scimmy';
import { ApiError } from '../../contracts/errors.js';
import { SCIM_ERROR_SCHEMA, type ScimErrorBody, type ScimErrorType } from '../../contracts/scim.js';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimErrorType | null,
    detail: string,
  ) {
    super(detail);
    this.name = 'ScimError';
  }

  toBody(): ScimErrorBody {
    return {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.message,
    };
  }
}

/** 400 with a `scimType`: the usual refusal of bad input. */
export const badRequest = (scimType: ScimErrorType, detail: string) => new ScimError(400, scimType, detail);

export const notFound = (detail = 'Resource not found.') => new ScimError(404, null, detail);

/** What each people-service refusal means to a SCIM client. */
const API_ERROR_AS_SCIM: Partial<Record<string, { status: number; scimType: ScimErrorType | null }>> = {
  USER_ALREADY_EXISTS: { status: 409, scimType: 'uniqueness' },
  VALIDATION_FAILED: { status: 400, scimType: 'invalidValue' },
  GROUP_NOT_FOUND: { status: 400, scimType: 'invalidValue' },
  LAST_ADMIN: { status: 400, scimType: 'invalidValue' },
  CANNOT_REMOVE_SELF: { status: 400, scimType: 'invalidValue' },
  TOKEN_SCOPE_MISSING: { status: 403, scimType: null },
  FORBIDDEN: { status: 403, scimType: null },
  NOT_FOUND: { status: 404, scimType: null },
  PAYLOAD_TOO_LARGE: { status: 413, scimType: null },
  INVALID_JSON: { status: 400, scimType: 'invalidSyntax' },
};

/**
 * Any error thrown while answering, as a ScimError; null for an unexpected one (a bug or the
 * database), which the app logs and answers 500 without details.
 */
export function asScimError(error: unknown): ScimError | null {
  if (error instanceof ScimError) return error;
  if (error instanceof SCIMMY.Types.Error) {
    const status = Number(error.status);
    if (!(status >= 400 && status < 500)) return null;
    return new ScimError(status, (error.scimType as ScimErrorType | undefined) ?? null, error.message);
  }
  if (error instanceof ApiError) {
    const mapped = API_ERROR_AS_SCIM[error.code];
    if (mapped) return new ScimError(mapped.status, mapped.scimType, error.message);
    if (error.status < 500) return new ScimError(error.status, null, error.message);
  }
  return null;
}
