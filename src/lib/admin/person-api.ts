/**
 * A person's page's reads (for +page.ts's load, with Kit's fetch) and writes (the typed client, each
 * behind re-authentication when the API asks for it).
 */
import type { ApiResult } from '$lib/api/client';
import { apiClient, call, client } from '$lib/api/typed-client';
import { MIN_PIN_LENGTH } from '$server/contracts/pin-limits';
import type { MethodState } from './badge-issue';
import type { BadgeIssueApi } from './badge-issue-dialog.svelte';
import type { IssuePolicy } from './badge-issue-rules';
import type { PersonApi } from './person-page.svelte';
import { withReauth } from './reauth.svelte';

/** `depends()` key of one person's page: invalidate it after a change to the person. */
export const PERSON = 'shiftpass:person';

/** The person, their badge and PIN state (`none` when they have no badge yet) and their sessions. */
export async function loadPerson(fetch: typeof globalThis.fetch, id: string) {
  const users = apiClient(fetch).admin.users[':id'];
  const param = { id };
  const [person, method, sessions] = await Promise.all([
    call(users.$get({ param })),
    call(users['qr-code-pin-method'].$get({ param })),
    call(users.sessions.$get({ param })),
  ]);
  // No badge yet is an answer of its own (404 NOT_FOUND), not a failure.
  const badge: ApiResult<MethodState | 'none'> =
    !method.ok && method.status === 404 && method.error.code === 'NOT_FOUND'
      ? { ok: true, status: 200, data: 'none' }
      : method;
  return { person, method: badge, sessions };
}

const user = client.admin.users[':id'];

/**
 * The method policy as the issue dialog needs it. Admins read it whole; a manager may not read the
 * policies, so they get the PIN length the kiosks are told, and the badge lifetimes stay unknown (the
 * dialog then says "when the policy says" and sends none, so the server applies the policy).
 */
async function issuePolicy(): Promise<IssuePolicy> {
  const policy = await call(client.admin.policies['qr-code-pin'].$get());
  if (policy.ok) {
    const { pinLength, standardQRCodeLifetimeInDays, temporaryQRCodeLifetimeInHours } = policy.data;
    return { pinLength, standardQRCodeLifetimeInDays, temporaryQRCodeLifetimeInHours };
  }
  const kiosk = await call(client.kiosk.config.$get());
  return {
    pinLength: kiosk.ok ? kiosk.data.pinLength : MIN_PIN_LENGTH,
    standardQRCodeLifetimeInDays: null,
    temporaryQRCodeLifetimeInHours: null,
  };
}

export const personApi: PersonApi & BadgeIssueApi = {
  issuePolicy,
  issueMethod: (id, body) =>
    withReauth(() => call(user['qr-code-pin-method'].$put({ param: { id }, json: body }))),
  issueCode: (id, kind, body) => {
    const method = user['qr-code-pin-method'];
    const code = kind === 'standard' ? method['standard-qr-code'] : method['temporary-qr-code'];
    return withReauth(() => call(code.$put({ param: { id }, json: body })));
  },
  deleteCode: (id, kind) => {
    const method = user['qr-code-pin-method'];
    const code = kind === 'standard' ? method['standard-qr-code'] : method['temporary-qr-code'];
    return withReauth(() => call(code.$delete({ param: { id } })));
  },
  deleteMethod: (id) => withReauth(() => call(user['qr-code-pin-method'].$delete({ param: { id } }))),
  resetPin: (id) =>
    withReauth(() => call(user['qr-code-pin-method'].pin.reset.$post({ param: { id }, json: {} }))),
  unlock: (id) => withReauth(() => call(user['qr-code-pin-method'].unlock.$post({ param: { id } }))),
  endSessions: (id) => withReauth(() => call(user['revoke-sign-in-sessions'].$post({ param: { id } }))),
  setEnabled: (id, accountEnabled) =>
    withReauth(() => call(user.$patch({ param: { id }, json: { accountEnabled } }))),
  offboard: (id) => withReauth(() => call(user.offboard.$post({ param: { id } }))),
  reactivate: (id) => withReauth(() => call(user.reactivate.$post({ param: { id } }))),
  deletePerson: (id) => withReauth(() => call(user.$delete({ param: { id } }))),
};
