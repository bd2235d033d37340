/**
 * Who may approve for whom, when a manager confirms something for a worker on a kiosk or from the
 * console (a forgotten PIN, a manager's step-up): an admin for anyone; a manager for a worker who
 * shares one of the manager's stores; never someone for themselves. Pure: no I/O.
 */
import type { Role } from './roles.js';

export interface Approver {
  id: string;
  role: Role;
  groupIds: readonly string[];
}

export interface ApprovalSubject {
  id: string;
  groupIds: readonly string[];
}

/** Why an approver may not approve for this person; each has its own error code. */
export type ApprovalRefusal = 'same_person' | 'not_a_manager' | 'not_of_store';

/** Null when `approver` may approve for `subject`, otherwise why not (the first rule that fails). */
export function approvalRefusal(approver: Approver, subject: ApprovalSubject): ApprovalRefusal | null {
  if (approver.id === subject.id) return 'same_person';
  if (approver.role === 'admin') return null;
  if (approver.role !== 'manager') return 'not_a_manager';
  return subject.groupIds.some((id) => approver.groupIds.includes(id)) ? null : 'not_of_store';
}

/** The error code each refusal is answered with (server/contracts/errors.ts). */
export const APPROVAL_REFUSAL_CODES = {
  same_person: 'APPROVER_IS_REQUESTER',
  not_a_manager: 'APPROVER_NOT_A_MANAGER',
  not_of_store: 'APPROVER_NOT_OF_STORE',
} as const satisfies Record<ApprovalRefusal, string>;
