/**
 * The people list's reads and words: the list query from the page URL, the read through Kit's
 * `fetch` (run by +page.ts's load), and each person's badge and account state as StatusBadge words.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { StatusTone } from '$lib/ui';
import type { Page } from '$server/contracts/pagination';
import type { PersonBadgeView, UserListItemView } from '$server/contracts/people-list';
import { isErrorBody } from '$server/contracts/errors';
import { apiListQuery, readListQuery, type ListQuery } from './list-query';
import { peopleText } from './people-text';

export const PEOPLE_KEYS = ['search', 'groupId'] as const;
export type PeopleQuery = ListQuery<(typeof PEOPLE_KEYS)[number]>;
export const PEOPLE_PAGE_SIZE = 25;
/** `depends()` key of the list, for `invalidate()` after a person is added. */
export const PEOPLE_LIST = 'app:people-list';
/** `depends()` key of one person's page. */
export const PERSON = 'app:person';

export const readPeopleQuery = (url: URL): PeopleQuery => readListQuery(url.searchParams, PEOPLE_KEYS);

/** GET with the load's `fetch`, answered as the API client's result envelope. */
export async function getJson<T>(fetch: typeof globalThis.fetch, path: string): Promise<ApiResult<T>> {
  const network: ClientError = { code: 'NETWORK_ERROR', message: 'The server could not be reached.' };
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { cache: 'no-store', credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, error: network };
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, data: payload as T };
  return { ok: false, status: response.status, error: isErrorBody(payload) ? payload.error : network };
}

export const fetchPeople = (fetch: typeof globalThis.fetch, query: PeopleQuery) =>
  getJson<Page<UserListItemView>>(fetch, `/admin/users${apiListQuery(query, PEOPLE_PAGE_SIZE)}`);

export interface StatusWords {
  tone: StatusTone;
  label: string;
  /** More detail on hover (the exact time). */
  title?: string;
}

/** A time of day today, otherwise a date and time, in the viewer's time zone. */
export function shortWhen(iso: string, now: Date): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay
    ? at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function badgeStatus(badge: PersonBadgeView, now: Date): StatusWords {
  const t = peopleText.list.badge;
  const until = badge.expireDateTime ? shortWhen(badge.expireDateTime, now) : null;
  switch (badge.state) {
    case 'none':
      return { tone: 'neutral', label: t.none };
    case 'active':
      return { tone: 'success', label: t.active, title: until ? t.worksUntil(until) : undefined };
    case 'temporary':
      return { tone: 'info', label: t.temporary, title: until ? t.worksUntil(until) : undefined };
    case 'notYetActive':
      return { tone: 'info', label: t.notYetActive };
    case 'expired':
      return { tone: 'warning', label: t.expired, title: until ? t.endedAt(until) : undefined };
  }
}

/** The lock as words, or null when not locked. */
export function lockStatus(badge: PersonBadgeView, now: Date): StatusWords | null {
  if (!badge.isLocked) return null;
  const t = peopleText.list.badge;
  return {
    tone: 'danger',
    label: badge.lockedUntilDateTime ? t.lockedUntil(shortWhen(badge.lockedUntilDateTime, now)) : t.lockedForGood,
  };
}

export const accountStatus = (person: { accountEnabled: boolean }): StatusWords =>
  person.accountEnabled
    ? { tone: 'success', label: peopleText.list.enabled }
    : { tone: 'neutral', label: peopleText.list.disabled };
