/**
 * The log viewer's filters, three ways: the form (datetime-local strings in the browser's time
 * zone), the page URL (shareable, instants as ISO strings) and the API query. Pure: no DOM, no fetch.
 */

import { localMoment } from './local-time';

export type LogView = 'sign-ins' | 'audit';

export interface LogFilters {
  view: LogView;
  /** A user id (chosen from the user search or pasted). */
  userId: string;
  /** Sign-ins only. */
  groupId: string;
  deviceId: string;
  result: '' | 'success' | 'failure';
  failureCode: string;
  /** ISO instants ('' for none): from inclusive, to exclusive. */
  from: string;
  to: string;
}

export const EMPTY_FILTERS: LogFilters = {
  view: 'sign-ins',
  userId: '',
  groupId: '',
  deviceId: '',
  result: '',
  failureCode: '',
  from: '',
  to: '',
};

const SIGN_IN_ONLY = ['groupId', 'deviceId', 'result', 'failureCode'] as const;
const SHARED = ['userId', 'from', 'to'] as const;

/** The filters that apply to a view (the audit log filters by user and time only). */
export function fieldsOf(view: LogView): readonly (keyof LogFilters)[] {
  return view === 'audit' ? SHARED : [...SHARED, ...SIGN_IN_ONLY];
}

const isInstant = (value: string) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

/** Filters from the page URL's query; unknown or malformed values are dropped, not guessed. */
export function filtersFromUrl(params: URLSearchParams): LogFilters {
  const text = (key: string) => (params.get(key) ?? '').trim().slice(0, 64);
  const view: LogView = params.get('view') === 'audit' ? 'audit' : 'sign-ins';
  const result = params.get('result');
  const failureCode = text('failureCode');
  const filters: LogFilters = {
    view,
    userId: text('userId'),
    groupId: text('groupId'),
    deviceId: text('deviceId'),
    result: result === 'success' || result === 'failure' ? result : '',
    failureCode: /^[A-Z][A-Z0-9_]*$/.test(failureCode) ? failureCode : '',
    from: isInstant(text('from')) ? new Date(text('from')).toISOString() : '',
    to: isInstant(text('to')) ? new Date(text('to')).toISOString() : '',
  };
  return onlyFieldsOf(filters);
}

/** Blanks the filters the view does not use. */
function onlyFieldsOf(filters: LogFilters): LogFilters {
  const kept = fieldsOf(filters.view);
  const out = { ...filters };
  for (const key of SIGN_IN_ONLY) if (!kept.includes(key)) out[key] = '';
  return out;
}

/** The page URL's query for these filters (empty ones left out; the default view too). */
export function filtersToUrl(filters: LogFilters, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view === 'audit') params.set('view', 'audit');
  for (const key of fieldsOf(filters.view)) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** The API query: the same names as the page URL, without the view. */
export function apiQuery(filters: LogFilters, extra: Record<string, string | undefined> = {}): string {
  const params = filtersToUrl(filters);
  params.delete('view');
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params.toString();
}

/** The list and export paths of a view under /api. */
export const logPaths = (view: LogView) =>
  view === 'audit'
    ? { list: '/admin/audit-logs', export: '/api/admin/audit-logs/export' }
    : { list: '/admin/sign-in-logs', export: '/api/admin/sign-in-logs/export' };

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local value in the browser's time zone ('' for none). */
export function instantToLocalInput(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) as an ISO instant; '' for empty, null when it is not a time. */
export function localInputToInstant(value: string): string | null {
  if (!value) return '';
  return localMoment(value)?.toISOString() ?? null;
}

/**
 * Keyset pages forwards and back: the cursors of the pages before this one. "Previous" pops the
 * last; "Next" pushes the current page's cursor ('' for the first page).
 */
export class CursorTrail {
  #trail: string[] = [];
  get depth(): number {
    return this.#trail.length;
  }
  next(current: string): void {
    this.#trail.push(current);
  }
  /** The cursor of the previous page ('' = first page), or undefined when there is none. */
  previous(): string | undefined {
    return this.#trail.pop();
  }
  reset(): void {
    this.#trail = [];
  }
}

/** The API query as a record, for the typed client. */
export const apiQueryRecord = (
  filters: LogFilters,
  extra: Record<string, string | undefined> = {},
): Record<string, string> => Object.fromEntries(new URLSearchParams(apiQuery(filters, extra)));

export interface TimeWords {
  badTime: string;
  toBeforeFrom: string;
}

/**
 * The form's two local times as instants, or the words that refuse them: a value that is not a time,
 * or an end that is not after the start.
 */
export function readTimes(
  fromLocal: string,
  toLocal: string,
  words: TimeWords,
): { ok: true; from: string; to: string } | { ok: false; errors: { from?: string; to?: string } } {
  const from = localInputToInstant(fromLocal);
  const to = localInputToInstant(toLocal);
  const errors: { from?: string; to?: string } = {};
  if (from === null) errors.from = words.badTime;
  if (to === null) errors.to = words.badTime;
  if (from && to && Date.parse(to) <= Date.parse(from)) errors.to = words.toBeforeFrom;
  if (errors.from || errors.to || from === null || to === null) return { ok: false, errors };
  return { ok: true, from, to };
}
