/** The stores a console user may filter by: every group for an admin, their own for a manager. */
import { api } from '$lib/api/client';
import type { GroupView } from '$server/contracts/directory';
import type { SessionView } from '$server/contracts/schemas';

export interface StoreOption {
  id: string;
  displayName: string;
}

/** Admins on a console session act as admins; anyone else (managers, badge sessions) as a manager. */
export const actsAsAdmin = (session: SessionView): boolean =>
  session.user.role === 'admin' && session.kind === 'console';

export async function storeOptions(session: SessionView): Promise<StoreOption[]> {
  if (!actsAsAdmin(session)) return session.user.groups;
  const result = await api<{ value: GroupView[] }>('GET', '/admin/groups?limit=200');
  return result.ok ? result.data.value.map(({ id, displayName }) => ({ id, displayName })) : [];
}
