/** Reading requests safely: JSON bodies validated by zod, with every failure a 4xx in the envelope. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../contracts/errors.js';
import type { AppEnv } from './env.js';

export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError('INVALID_JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    const unknownKeys = issue?.code === 'unrecognized_keys' ? issue.keys : undefined;
    throw new ApiError(
      'VALIDATION_FAILED',
      field ? `${field}: ${issue?.message}` : (issue?.message ?? 'The request is not valid.'),
      { field: unknownKeys?.[0] ?? field },
    );
  }
  return result.data;
}

export const clientIp = (c: Context<AppEnv>): string | null => c.env?.clientAddress ?? null;

export const userAgentOf = (c: Context<AppEnv>): string | null =>
  c.req.header('user-agent')?.slice(0, 512) ?? null;
