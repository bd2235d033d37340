/**
 * The person forms (new person, profile): what to send, and which field a server refusal belongs to,
 * so the words appear next to that field rather than at the top of the form.
 */
import type { ClientError } from '$lib/api/client';
import type { UserWriteView } from '$server/contracts/directory';
import type { Role } from '$server/contracts/schemas';
import type { PeopleMessages } from './people-text';

export type PersonField =
  'userPrincipalName' | 'displayName' | 'employeeId' | 'role' | 'groupIds' | 'accountEnabled';

export interface PersonDraft {
  userPrincipalName: string;
  displayName: string;
  employeeId: string;
  role: Role;
  groupIds: string[];
  accountEnabled: boolean;
}

export const emptyPersonDraft = (): PersonDraft => ({
  userPrincipalName: '',
  displayName: '',
  employeeId: '',
  role: 'worker',
  groupIds: [],
  accountEnabled: true,
});

/** POST /admin/users body: trimmed text, no employeeId when blank. */
export function createBody(draft: PersonDraft) {
  const employeeId = draft.employeeId.trim();
  return {
    userPrincipalName: draft.userPrincipalName.trim(),
    displayName: draft.displayName.trim(),
    ...(employeeId ? { employeeId } : {}),
    role: draft.role,
    groupIds: draft.groupIds,
  };
}

/** What PATCH /admin/users/{id} takes (the contract's patch body, as the client sends it). */
export interface PersonPatch {
  userPrincipalName?: string;
  displayName?: string;
  employeeId?: string | null;
  role?: Role;
  groupIds?: string[];
  accountEnabled?: boolean;
}

/** PATCH /admin/users/{id} body: only what changed (a blank employeeId clears it); null when nothing did. */
export function patchBody(before: PersonDraft, draft: PersonDraft): PersonPatch | null {
  const body: PersonPatch = {};
  const upn = draft.userPrincipalName.trim();
  const name = draft.displayName.trim();
  const employeeId = draft.employeeId.trim();
  if (upn !== before.userPrincipalName) body.userPrincipalName = upn;
  if (name !== before.displayName) body.displayName = name;
  if (employeeId !== before.employeeId) body.employeeId = employeeId === '' ? null : employeeId;
  if (draft.role !== before.role) body.role = draft.role;
  const sorted = (ids: string[]) => [...ids].sort().join('\n');
  if (sorted(draft.groupIds) !== sorted(before.groupIds)) body.groupIds = draft.groupIds;
  if (draft.accountEnabled !== before.accountEnabled) body.accountEnabled = draft.accountEnabled;
  return Object.keys(body).length === 0 ? null : body;
}

const FIELDS: readonly PersonField[] = [
  'userPrincipalName',
  'displayName',
  'employeeId',
  'role',
  'groupIds',
  'accountEnabled',
];

/**
 * The field a refusal is about and the words to show under it, or null when it is about the whole
 * form. `sent` is the body that was refused (LAST_ADMIN comes from a role change or from disabling).
 */
export function personFieldError(
  error: ClientError,
  sent: Partial<Record<PersonField, unknown>>,
  m: PeopleMessages,
): { field: PersonField; message: string } | null {
  const t = m.form.errors;
  switch (error.code) {
    case 'VALIDATION_FAILED': {
      const top = typeof error.field === 'string' ? error.field.split('.')[0] : undefined;
      const field = FIELDS.find((name) => name === top);
      return field ? { field, message: t[field] } : null;
    }
    case 'USER_ALREADY_EXISTS':
      return { field: 'userPrincipalName', message: t.upnTaken };
    case 'GROUP_NOT_FOUND':
      return { field: 'groupIds', message: t.groupGone };
    case 'LAST_ADMIN':
      return { field: 'role' in sent ? 'role' : 'accountEnabled', message: t.lastAdmin };
    case 'CANNOT_REMOVE_SELF':
      return { field: 'accountEnabled', message: t.self };
    default:
      return null;
  }
}

/** The warnings of a create or rename answer in the console's words (a lookalike sign-in name). */
export function writeWarnings(answer: UserWriteView, m: PeopleMessages): string[] {
  return (answer.warnings ?? []).map((warning) =>
    m.form.lookalike(warning.existing.userPrincipalName, warning.existing.displayName),
  );
}

/** The profile form's starting point: the person as saved. */
export const draftOf = (user: {
  userPrincipalName: string;
  displayName: string;
  employeeId: string | null;
  role: Role;
  groupIds: string[];
  accountEnabled: boolean;
}): PersonDraft => ({
  userPrincipalName: user.userPrincipalName,
  displayName: user.displayName,
  employeeId: user.employeeId ?? '',
  role: user.role,
  groupIds: [...user.groupIds],
  accountEnabled: user.accountEnabled,
});
