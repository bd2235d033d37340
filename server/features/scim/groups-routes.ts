/** The /scim/v2/Groups routes (RFC 7644 §3.2–3.6): HTTP only; groups-service.ts does the work. */
import { Hono, type Context } from 'hono';
import type { ServiceDeps } from '../../core/deps.js';
import {
  createScimGroup,
  deleteScimGroup,
  etagOfGroup,
  listScimGroups,
  loadScimGroup,
  patchScimGroup,
  renderGroup,
  replaceScimGroup,
  type ScimGroupState,
} from './groups-service.js';
import type { ScimEnv } from './scim-auth.js';
import { attributesFilter, listWindowOf } from './scim-http.js';
import { checkIfMatch, readScimBody, scimBaseUrl, scimJson } from '../../http/scim-response.js';
import type { ScimCall } from './users-service.js';

export function scimGroupRoutes(deps: ServiceDeps) {
  const callOf = (c: Context<ScimEnv>): ScimCall => ({
    deps,
    actor: c.get('actor'),
    baseUrl: scimBaseUrl(deps, c),
  });
  const answer = (c: Context<ScimEnv>, state: ScimGroupState, status: 200 | 201 = 200) => {
    const call = callOf(c);
    const rendered = renderGroup(state, call.baseUrl, attributesFilter(c.req.query()));
    const headers: Record<string, string> = { ETag: rendered.etag };
    if (status === 201) headers.Location = `${call.baseUrl}/Groups/${state.row.id}`;
    return scimJson(c, rendered.body, status, headers);
  };
  /** The store named in the path, whose current version `If-Match` must name when sent. */
  const current = async (c: Context<ScimEnv>) => {
    const state = await loadScimGroup(callOf(c), c.req.param('id')!);
    checkIfMatch(c, etagOfGroup(state));
    return state;
  };

  return new Hono<ScimEnv>()
    .get('/', async (c) => {
      const query = c.req.query();
      const window = listWindowOf(query);
      const attributes = attributesFilter(query);
      return scimJson(c, await listScimGroups(callOf(c), { filter: query.filter, window, attributes }));
    })
    .post('/', async (c) => {
      const body = await readScimBody(c);
      return answer(c, await createScimGroup(callOf(c), body), 201);
    })
    .get('/:id', async (c) => {
      const state = await loadScimGroup(callOf(c), c.req.param('id'));
      const etag = etagOfGroup(state);
      const ifNoneMatch = c.req.header('if-none-match');
      if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
        return c.body(null, 304, { ETag: etag });
      }
      return answer(c, state);
    })
    .put('/:id', async (c) => {
      const state = await current(c);
      const body = await readScimBody(c);
      return answer(c, await replaceScimGroup(callOf(c), state, body));
    })
    .patch('/:id', async (c) => {
      const state = await current(c);
      const body = await readScimBody(c);
      return answer(c, await patchScimGroup(callOf(c), state, body));
    })
    .delete('/:id', async (c) => {
      const state = await current(c);
      await deleteScimGroup(callOf(c), state);
      return c.body(null, 204);
    });
}
