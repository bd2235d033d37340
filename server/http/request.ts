/**
 * Reading requests safely: JSON bodies and query strings validated by zod, every failure a 4xx in
 * the error envelope naming the field.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../contracts/errors.js';
import type { AppEnv } from './env.js';
import {
  fieldOfIssue,
  givenTwiceWords,
  issueWords,
  VALIDATION_PARSE_OPTIONS,
} from './validation-messages.js';

/**
 * The first zod issue as VALIDATION_FAILED: `field` the dotted path (unknown keys included), the
 * message a sentence in the product's words (validation-messages.ts), in the request's language.
 */
function validationError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return new ApiError('VALIDATION_FAILED');
  return new ApiError('VALIDATION_FAILED', issueWords(issue), { field: fieldOfIssue(issue) });
}

/**
 * A body the server in front cut off for its size (adapter-node's BODY_SIZE_LIMIT errors the stream
 * with a 413) is PAYLOAD_TOO_LARGE, not a JSON mistake of the client's.
 */
export const isBodyTooLarge = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 413;

function bodyReadError(error: unknown): ApiError {
  if (isBodyTooLarge(error)) return new ApiError('PAYLOAD_TOO_LARGE');
  // The client went away mid-body: nobody reads this answer, but it must not be a 500.
  return new ApiError('INVALID_JSON');
}

export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  let text: string;
  try {
    text = await c.req.text();
  } catch (error) {
    throw bodyReadError(error);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('INVALID_JSON');
  }
  const result = schema.safeParse(body, VALIDATION_PARSE_OPTIONS);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/**
 * An empty value (`?search=&limit=`) counts as absent, so a form can send every field. A parameter
 * given twice is refused rather than silently picking one.
 */
export function readQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.output<S> {
  const params: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) {
      throw new ApiError('VALIDATION_FAILED', givenTwiceWords(key), { field: key });
    }
    if (values[0]) params[key] = values[0];
  }
  const result = schema.safeParse(params, VALIDATION_PARSE_OPTIONS);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** The client's address as the app's first middleware found it (see server/http/middleware/client-address.ts). */
export const clientIp = (c: Context<AppEnv>): string | null => c.get('clientAddress') ?? null;

/** Stored on sign-in log rows and sessions: longer user agents are cut (real browsers send under 200). */
export const USER_AGENT_MAX_LENGTH = 256;

export const userAgentOf = (c: Context<AppEnv>): string | null =>
  c.req.header('user-agent')?.slice(0, USER_AGENT_MAX_LENGTH) ?? null;
