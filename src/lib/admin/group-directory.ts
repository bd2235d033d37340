/**
 * The stores (groups) a console page can name, loaded once by the admin layout (`data.stores`):
 * every group for an admin (the admin-only groups API, read page by page to the end, no cap), the
 * manager's own groups (from their session) for a manager, including an admin who came from a kiosk.
 * After a store is created, renamed or deleted: `invalidate(STORES_DEPENDENCY)`.
 */
import type { ApiResult } from '$lib/api/client';
import { apiClient, call } from '$lib/api/typed-client';
import type { ConsoleRole } from './console-role';

export interface GroupName {
  id: string;
  displayName: string;
}

/** The layout's store list depends on this; invalidate it after a change to stores. */
export const STORES_DEPENDENCY = 'shiftpass:stores';

/** `role` as the layout decided it (consoleRoleOf); `ownGroups` the session's stores; Kit's `fetch` in a load. */
export async function loadGroupNames(
  role: ConsoleRole,
  ownGroups: GroupName[],
  fetchImpl: typeof fetch = fetch,
): Promise<ApiResult<GroupName[]>> {
  if (role !== 'admin') {
    return { ok: true, status: 200, data: ownGroups.map(({ id, displayName }) => ({ id, displayName })) };
  }
  const groups = apiClient(fetchImpl).admin.groups;
  const names: GroupName[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = cursor ? { limit: '200', cursor } : { limit: '200' };
    const result = await call(groups.$get({ query }));
    if (!result.ok) return result;
    names.push(...result.data.value.map(({ id, displayName }) => ({ id, displayName })));
    cursor = result.data.nextCursor;
  } while (cursor !== null);
  return { ok: true, status: 200, data: names.sort((a, b) => a.displayName.localeCompare(b.displayName)) };
}
