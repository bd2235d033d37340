/**
 * Query-string building blocks shared by every admin list: a bounded `limit`, an opaque `cursor`
 * (keyset pagination, never OFFSET) and ISO-8601 instants. Lists answer `{ value, nextCursor }`.
 */
import { z } from 'zod';
import { searchText } from './text.js';

export const LIST_LIMIT = { min: 1, max: 200, default: 50 } as const;

/** A whole decimal number, written plainly: no sign, spaces, decimals or exponent. */
export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const limitParam = intParam(LIST_LIMIT.min, LIST_LIMIT.max).default(LIST_LIMIT.default);

/**
 * Only its alphabet and size are checked here; the service decodes it and refuses one it did not
 * issue. Room for a 256-character name even when every character is JSON-escaped.
 */
export const cursorParam = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a valid cursor');

export const idParam = z.string().min(1).max(64);

/**
 * Case-insensitive prefix; surrounding spaces are ignored, an empty search means no search. NFC like
 * the stored names, so a decomposed "é" finds them.
 */
export const searchParam = searchText(256);

export const instantParam = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export interface Page<T> {
  value: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}
