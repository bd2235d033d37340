/**
 * The stores (groups) a console page can name: every group for an admin (the admin-only groups API,
 * read page by page), the manager's own groups (from their session) for a manager, including an
 * admin who came from a kiosk.
 */
import { api, type ApiResult } from '$lib/api/client';
import type { GroupView } from '$server/contracts/directory';
import type { Page } from '$server/contracts/pagination';
import type { ConsoleRole } from './console-role';

export interface GroupName {
  id: string;
  displayName: string;
}

/** 5 000 stores: enough for any real installation; a longer list is cut there. */
const MAX_PAGES = 25;

/** `role` as the layout decided it (consoleRoleOf); `ownGroups` the session's stores. */
export async function loadGroupNames(
  role: ConsoleRole,
  ownGroups: GroupName[],
): Promise<ApiResult<GroupName[]>> {
  if (role !== 'admin') {
    return { ok: true, status: 200, data: ownGroups.map(({ id, displayName }) => ({ id, displayName })) };
  }
  const groups: GroupName[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: string = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : '?limit=200';
    const result: ApiResult<Page<GroupView>> = await api<Page<GroupView>>('GET', `/admin/groups${query}`);
    if (!result.ok) return result;
    groups.push(...result.data.value.map(({ id, displayName }) => ({ id, displayName })));
    cursor = result.data.nextCursor;
    if (cursor === null) break;
  }
  return { ok: true, status: 200, data: groups };
}
