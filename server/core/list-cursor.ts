/**
 * Opaque list cursors: base64url JSON of the last row's sort key. A cursor only says where a page
 * starts; every filter and access rule is applied again on each page, so a forged cursor can skip
 * rows but never reveal one, and needs no signature.
 */
import type { z } from 'zod';
import { ApiError } from '../contracts/errors.js';
import { say } from '../contracts/error-words.js';
import type { Page } from '../contracts/pagination.js';

export const encodeCursor = (key: unknown): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** The sort key inside `cursor`, or 400 VALIDATION_FAILED (field "cursor") for one this list did not issue. */
export function decodeCursor<S extends z.ZodType>(
  cursor: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const parsed = schema.safeParse(key);
  if (!parsed.success) {
    throw new ApiError('VALIDATION_FAILED', say.pageNotOfList, { field: 'cursor' });
  }
  return parsed.data;
}

/**
 * A page from `rows` fetched with limit + 1: the extra row only proves there is a next page, whose
 * cursor is the key of the last row shown.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => unknown,
): Page<Item> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    value: shown.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
