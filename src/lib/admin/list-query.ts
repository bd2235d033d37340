/**
 * A console list's state as it lives in the page URL (so Back, reload and shared links work): a few
 * text filters and the stack of keyset cursors that led to the current page. The API's cursors are
 * opaque base64url strings, so the stack is written as one `pages` parameter joined with dots.
 */
export interface ListQuery<K extends string> {
  filters: Record<K, string>;
  /** Cursors of the pages opened with Next, oldest first; the last one is the current page's. */
  cursors: string[];
}

const CURSOR = /^[A-Za-z0-9_-]{1,4096}$/;
/** Beyond this many Next clicks the stack is not kept (the URL would grow without bound). */
const MAX_DEPTH = 50;
const PAGES_PARAM = 'pages';

export function readListQuery<K extends string>(params: URLSearchParams, keys: readonly K[]): ListQuery<K> {
  const filters = Object.fromEntries(keys.map((key) => [key, (params.get(key) ?? '').trim()])) as Record<
    K,
    string
  >;
  const raw = params.get(PAGES_PARAM) ?? '';
  const cursors = raw === '' ? [] : raw.split('.');
  // A damaged stack starts again from the first page rather than asking the API with junk.
  const valid = cursors.length <= MAX_DEPTH && cursors.every((cursor) => CURSOR.test(cursor));
  return { filters, cursors: valid ? cursors : [] };
}

/** The query string for the page URL (`?search=ana&pages=…`), empty values left out; '' when nothing is set. */
export function listQueryString<K extends string>(query: ListQuery<K>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query.filters) as [K, string][]) {
    if (value.trim() !== '') params.set(key, value.trim());
  }
  if (query.cursors.length > 0) params.set(PAGES_PARAM, query.cursors.join('.'));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The API's query string for the current page: the filters, `limit`, and `cursor` unless on page 1. */
export function apiListQuery<K extends string>(query: ListQuery<K>, limit: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query.filters) as [K, string][]) {
    if (value.trim() !== '') params.set(key, value.trim());
  }
  params.set('limit', String(limit));
  const cursor = query.cursors.at(-1);
  if (cursor) params.set('cursor', cursor);
  return `?${params.toString()}`;
}

export const pageNumber = (query: ListQuery<string>): number => query.cursors.length + 1;

export function nextPage<K extends string>(query: ListQuery<K>, nextCursor: string): ListQuery<K> {
  return { filters: query.filters, cursors: [...query.cursors, nextCursor].slice(-MAX_DEPTH) };
}

export function previousPage<K extends string>(query: ListQuery<K>): ListQuery<K> {
  return { filters: query.filters, cursors: query.cursors.slice(0, -1) };
}

/** New filters start again at the first page: the old cursors belong to another result. */
export function withFilters<K extends string>(
  query: ListQuery<K>,
  changes: Partial<Record<K, string>>,
): ListQuery<K> {
  return { filters: { ...query.filters, ...changes }, cursors: [] };
}

/** The API's query as an object, for the typed client: the filters set, `limit`, and `cursor` unless on page 1. */
export function apiListParams<K extends string>(
  query: ListQuery<K>,
  limit: number,
): Partial<Record<K, string>> & { limit: string; cursor?: string } {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query.filters) as [K, string][]) {
    if (value.trim() !== '') params[key] = value.trim();
  }
  params.limit = String(limit);
  const cursor = query.cursors.at(-1);
  if (cursor) params.cursor = cursor;
  return params as Partial<Record<K, string>> & { limit: string; cursor?: string };
}
