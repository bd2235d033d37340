/** One person's page: the person, their badge and PIN, and their sessions (store names come from the layout). */
import { loadPerson, PERSON } from '$lib/admin/person-api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, depends }) => {
  depends(PERSON);
  return loadPerson(fetch, params.id);
};
