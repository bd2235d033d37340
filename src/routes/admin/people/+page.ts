/** The people list's reads: one page of people for the filters in the URL, and the store names. */
import { loadGroupNames } from '$lib/admin/group-directory';
import { fetchPeople, PEOPLE_LIST, readPeopleQuery } from '$lib/admin/people-list';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent, depends }) => {
  depends(PEOPLE_LIST);
  const { role, session } = await parent();
  const query = readPeopleQuery(url);
  const [people, groups] = await Promise.all([
    fetchPeople(fetch, query),
    loadGroupNames(role, session.user.groups),
  ]);
  return { query, people, groups };
};
