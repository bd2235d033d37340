/** The expiry report's filters in the page URL and the API query (pure). */

export interface ExpiryFilters {
  withinDays: number;
  groupId: string;
}

export const DEFAULT_WITHIN_DAYS = 30;
/** `depends()` key of the report. */
export const EXPIRY_DEPENDENCY = 'shiftpass:expiry-report';

export function expiryFromUrl(params: URLSearchParams): ExpiryFilters {
  const days = Number(params.get('withinDays'));
  return {
    withinDays: Number.isInteger(days) && days >= 1 && days <= 395 ? days : DEFAULT_WITHIN_DAYS,
    groupId: (params.get('groupId') ?? '').trim().slice(0, 64),
  };
}

export function expiryQuery(filters: ExpiryFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams({ withinDays: String(filters.withinDays) });
  if (filters.groupId) params.set('groupId', filters.groupId);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params.toString();
}

/** The days box as a number of days, or null when it is not a whole number from 1 to 395. */
export function readWithinDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= 1 && days <= 395 ? days : null;
}
