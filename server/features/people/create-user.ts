import type { z } from 'zod';
import { ApiError } from '../../contracts/errors.js';
import type { createUserBody, UserView } from '../../contracts/schemas.js';
import type { UserRow } from './users-repository.js';
import { newId } from '../../platform/crypto.js';
import { refuseAdminTakeover } from '../../core/actor-scope.js';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';

export const toUserView = (user: UserRow, groupIds: string[]): UserView => ({
  id: user.id,
  userPrincipalName: user.userPrincipalName,
  displayName: user.displayName,
  employeeId: user.employeeId ?? null,
  role: user.role,
  groupIds,
  accountEnabled: user.accountEnabled,
  offboarded:
    user.offboardedAt && user.offboardedVia && !user.accountEnabled
      ? { dateTime: user.offboardedAt.toISOString(), source: user.offboardedVia }
      : null,
  createdDateTime: user.createdAt.toISOString(),
});

export async function createUser(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof createUserBody>,
): Promise<UserView> {
  refuseAdminTakeover(actor, input.role);
  if (await deps.repos.users.findByPrincipalName(input.userPrincipalName)) {
    throw new ApiError('USER_ALREADY_EXISTS');
  }
  const groupIds = [...new Set(input.groupIds)];
  if (!(await deps.repos.users.groupsExist(groupIds))) throw new ApiError('GROUP_NOT_FOUND');
  const now = deps.clock.now();
  const user = await deps.repos.users.insert(
    {
      id: newId(),
      userPrincipalName: input.userPrincipalName,
      displayName: input.displayName,
      employeeId: input.employeeId ?? null,
      role: input.role,
      accountEnabled: input.accountEnabled,
      createdAt: now,
      updatedAt: now,
    },
    groupIds,
  );
  if (!user) throw new ApiError('USER_ALREADY_EXISTS');
  const view = toUserView(user, groupIds);
  await recordAudit(deps, actor, 'user.created', { type: 'user', id: user.id }, { after: view });
  return view;
}
