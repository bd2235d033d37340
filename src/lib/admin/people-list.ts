/**
 * The people list's reads and words: the list query from the page URL, the read through the typed
 * client on Kit's `fetch` (run by +page.ts's load), and each person's badge and account state as
 * StatusBadge words in the console's language.
 */
import { apiClient, call } from '$lib/api/typed-client';
import type { Locale } from '$lib/i18n/locale';
import type { StatusTone } from '$lib/ui';
import type { PersonBadgeView } from '$server/contracts/people-list';
import { readListQuery, type ListQuery } from './list-query';
import type { PeopleMessages } from './people-text';

export const PEOPLE_KEYS = ['search', 'groupId'] as const;
export type PeopleQuery = ListQuery<(typeof PEOPLE_KEYS)[number]>;
export const PEOPLE_PAGE_SIZE = 25;
/** `depends()` key of the list, for `invalidate()` after a person is added. */
export const PEOPLE_LIST = 'shiftpass:people';

export const readPeopleQuery = (url: URL): PeopleQuery => readListQuery(url.searchParams, PEOPLE_KEYS);

/** One page of people for the query, through the typed client on the load's `fetch`. */
export function fetchPeople(fetch: typeof globalThis.fetch, query: PeopleQuery) {
  const params: { limit: string; search?: string; groupId?: string; cursor?: string } = {
    limit: String(PEOPLE_PAGE_SIZE),
  };
  const search = query.filters.search.trim();
  const groupId = query.filters.groupId.trim();
  if (search) params.search = search;
  if (groupId) params.groupId = groupId;
  const cursor = query.cursors.at(-1);
  if (cursor) params.cursor = cursor;
  return call(apiClient(fetch).admin.users.$get({ query: params }));
}

export interface StatusWords {
  tone: StatusTone;
  label: string;
  /** More detail on hover (the exact time). */
  title?: string;
}

/** A time of day today, otherwise a date and time, in the viewer's time zone and language. */
export function shortWhen(iso: string, now: Date, locale: Locale): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay
    ? at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** What the list says of a person's badge, in the given language. */
export function badgeStatus(
  badge: PersonBadgeView,
  now: Date,
  m: PeopleMessages,
  locale: Locale,
): StatusWords {
  const t = m.list.badge;
  const until = badge.expireDateTime ? shortWhen(badge.expireDateTime, now, locale) : null;
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
export function lockStatus(
  badge: PersonBadgeView,
  now: Date,
  m: PeopleMessages,
  locale: Locale,
): StatusWords | null {
  if (!badge.isLocked) return null;
  const t = m.list.badge;
  return {
    tone: 'danger',
    label: badge.lockedUntilDateTime
      ? t.lockedUntil(shortWhen(badge.lockedUntilDateTime, now, locale))
      : t.lockedForGood,
  };
}

/** Can sign in, suspended (badges kept) or offboarded (badges revoked for good). */
export const accountStatus = (
  person: { accountEnabled: boolean; offboarded?: { dateTime: string } | null },
  m: PeopleMessages,
): StatusWords => {
  if (person.accountEnabled) return { tone: 'success', label: m.list.enabled };
  if (person.offboarded) return { tone: 'neutral', label: m.list.offboarded };
  return { tone: 'warning', label: m.list.disabled };
};
