/**
 * A store's new people waiting for their first badge (GET /api/admin/groups/{id}/badges/new-people),
 * shared with src/. Who is in the queue is server/domain/badge-queue.ts.
 */

export interface NewPersonView {
  id: string;
  displayName: string;
  userPrincipalName: string;
  employeeId: string | null;
  /** When they were added (by SCIM, a CSV import or the console). */
  createdDateTime: string;
}

export interface NewPeopleView {
  group: { id: string; displayName: string };
  /** Newest first. Issuing their badges (POST …/badges with their `userIds`) takes them out. */
  value: NewPersonView[];
}
