/**
 * The conditional-access pages' reads, for their `load`s (Kit's fetch): one dependency for all of them,
 * invalidated after any change to a policy or a named location.
 */
import { apiClient, call } from '$lib/api/typed-client';

export const ACCESS_DEPENDENCY = 'shiftpass:access';

type Api = ReturnType<typeof apiClient>;

export const loadPolicies = (api: Api) => call(api.admin['conditional-access'].policies.$get());
export const loadTemplates = (api: Api) => call(api.admin['conditional-access'].templates.$get());
export const loadNamedLocations = (api: Api) =>
  call(api.admin['conditional-access']['named-locations'].$get());
export const loadApps = (api: Api) => call(api.admin.apps.$get());

/** Every enrolled (active) kiosk, page after page: a store chain has more than one page of them. */
export async function loadActiveKiosks(api: Api) {
  const all = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { status: 'active', limit: '200', ...(cursor ? { cursor } : {}) };
    const page = await call(api.admin.devices.$get({ query }));
    if (!page.ok) return page;
    all.push(...page.data.value);
    cursor = page.data.nextCursor;
  } while (cursor !== null);
  return { ok: true as const, status: 200, data: all };
}
