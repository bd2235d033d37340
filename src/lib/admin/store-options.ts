/** The stores a console user may filter by: every group for an admin, their own for a manager. */
import { api } from '$lib/api/client';
import type { GroupView } from '$server/contracts/directory';
import type { SessionView } from '$server/contracts/schemas';
import type { ConsoleRole } from './console-role';

export interface StoreOption {
  id: string;
  displayName: string;
}

/** `role`: the console role from the layout (an admin on a kiosk session acts as a manager). */
export async function storeOptions(session: SessionView, role: ConsoleRole): Promise<StoreOption[]> {
  if (role !== 'admin') return session.user.groups;
  const result = await api<{ value: GroupView[] }>('GET', '/admin/groups?limit=200');
  return result.ok ? result.data.value.map(({ id, displayName }) => ({ id, displayName })) : [];
}
