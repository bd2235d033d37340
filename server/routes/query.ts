/** Reading query strings safely: every parameter validated by zod, every failure a 400 naming the field. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../contracts/errors.js';
import type { AppEnv } from './env.js';

/**
 * An empty value (`?search=&limit=`) counts as absent, so a form can send every field. A parameter
 * given twice is refused rather than silently picking one.
 */
export function readQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.output<S> {
  const params: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) {
      throw new ApiError('VALIDATION_FAILED', `${key}: must be given at most once`, { field: key });
    }
    if (values[0]) params[key] = values[0];
  }
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = unknownKey ?? (issue?.path.map(String).join('.') || undefined);
  const message = unknownKey ? 'is not a parameter of this request' : (issue?.message ?? 'is not valid');
  throw new ApiError('VALIDATION_FAILED', field ? `${field}: ${message}` : message, { field });
}
