/** The expiry report's read: one page of badges expiring within the URL's days, in its store. */
import { EXPIRY_DEPENDENCY, expiryFromUrl, expiryQuery } from '$lib/admin/expiry-query';
import { apiClient, call } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends(EXPIRY_DEPENDENCY);
  const filters = expiryFromUrl(url.searchParams);
  const cursor = url.searchParams.get('cursor') ?? '';
  const query = Object.fromEntries(
    new URLSearchParams(expiryQuery(filters, { cursor: cursor || undefined, limit: '50' })),
  );
  const badges = await call(apiClient(fetch).admin.reports['qr-code-expirations'].$get({ query }));
  return { filters, cursor, badges };
};
