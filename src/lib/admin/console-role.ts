/**
 * Who may open the console pages, and as what. Console sessions (password + second factor) act with
 * their role. A manager may also come from a kiosk (their badge + PIN on a shared phone) and reach the
 * manager pages; an admin coming that way acts as a manager, as the API treats them.
 */
import type { Role } from '$server/contracts/schemas';
import type { SessionView } from '$server/contracts/schemas';

export type ConsoleRole = Exclude<Role, 'worker'>;

export function consoleRoleOf(session: SessionView | null): ConsoleRole | null {
  if (!session || session.mustChangePin) return null;
  const { role } = session.user;
  if (session.kind === 'console') return role === 'worker' ? null : role;
  return role === 'worker' ? null : 'manager';
}
