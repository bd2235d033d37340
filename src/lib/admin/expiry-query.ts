/** The expiry report's filters in the page URL and the API query (pure). */

export interface ExpiryFilters {
  withinDays: number;
  groupId: string;
}

export const DEFAULT_WITHIN_DAYS = 30;

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
