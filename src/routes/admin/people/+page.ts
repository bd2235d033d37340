/** The people list's read: one page of people for the filters in the URL (store names come from the layout). */
import { fetchPeople, PEOPLE_LIST, readPeopleQuery } from '$lib/admin/people-list';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends(PEOPLE_LIST);
  const query = readPeopleQuery(url);
  return { query, people: await fetchPeople(fetch, query) };
};
