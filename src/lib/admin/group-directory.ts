/**
 * The stores (groups) a console page can name: every group for an admin (the admin-only groups API,
 * read page by page), the manager's own groups (from their session) for a manager.
 */
import { api, type ApiResult } from '$lib/api/client';
import type { GroupView } from '$server/contracts/directory';
import type { Page } from '$server/contracts/pagination';
import type { SessionView } from '$server/contracts/schemas';

export interface GroupName {
  id: string;
  displayName: string;
}

/** A console session with full admin reach (a badge + PIN session of an admin acts as a manager). */
export const actsAsAdmin = (session: Pick<SessionView, 'kind' | 'user'>): boolean =>
  session.kind === 'console' && session.user.role === 'admin';

/** Enough for any real installation; a list longer than this is cut (the page says so). */
const MAX_PAGES = 25;

export async function loadGroupNames(
  session: Pick<SessionView, 'kind' | 'user'>,
): Promise<ApiResult<GroupName[]>> {
  if (!actsAsAdmin(session)) {
    return {
      ok: true,
      status: 200,
      data: session.user.groups.map(({ id, displayName }) => ({ id, displayName })),
    };
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
