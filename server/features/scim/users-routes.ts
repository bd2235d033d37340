/** The /scim/v2/Users routes (RFC 7644 §3.2–3.6): HTTP only; users-service.ts does the work. */
import { Hono, type Context } from 'hono';
import type { ScimEnv } from './scim-auth.js';
import { attributesFilter, listWindowOf } from './scim-http.js';
import { checkIfMatch, readScimBody, scimBaseUrl, scimJson } from '../../http/scim-response.js';
import {
  createScimUser,
  deleteScimUser,
  etagOfRow,
  listScimUsers,
  loadScimUser,
  patchScimUser,
  renderUser,
  replaceScimUser,
  type ScimCall,
  type ScimUserRow,
} from './users-service.js';
import type { ServiceDeps } from '../../core/deps.js';

export function scimUserRoutes(deps: ServiceDeps) {
  const callOf = (c: Context<ScimEnv>): ScimCall => ({
    deps,
    actor: c.get('actor'),
    baseUrl: scimBaseUrl(deps, c),
  });
  const answer = (c: Context<ScimEnv>, row: ScimUserRow, status: 200 | 201 = 200) => {
    const call = callOf(c);
    const rendered = renderUser(row, call.baseUrl, attributesFilter(c.req.query()));
    const headers: Record<string, string> = { ETag: rendered.etag };
    if (status === 201) headers.Location = `${call.baseUrl}/Users/${row.id}`;
    return scimJson(c, rendered.body, status, headers);
  };
  /** The person named in the path, whose current version `If-Match` must name when sent. */
  const current = async (c: Context<ScimEnv>) => {
    const row = await loadScimUser(callOf(c), c.req.param('id')!);
    checkIfMatch(c, etagOfRow(row));
    return row;
  };

  return new Hono<ScimEnv>()
    .get('/', async (c) => {
      const query = c.req.query();
      const window = listWindowOf(query);
      const attributes = attributesFilter(query);
      return scimJson(c, await listScimUsers(callOf(c), { filter: query.filter, window, attributes }));
    })
    .post('/', async (c) => {
      const body = await readScimBody(c);
      return answer(c, await createScimUser(callOf(c), body), 201);
    })
    .get('/:id', async (c) => {
      const row = await loadScimUser(callOf(c), c.req.param('id'));
      const etag = etagOfRow(row);
      const ifNoneMatch = c.req.header('if-none-match');
      if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
        return c.body(null, 304, { ETag: etag });
      }
      return answer(c, row);
    })
    .put('/:id', async (c) => {
      const row = await current(c);
      const body = await readScimBody(c);
      return answer(c, await replaceScimUser(callOf(c), row, body));
    })
    .patch('/:id', async (c) => {
      const row = await current(c);
      const body = await readScimBody(c);
      return answer(c, await patchScimUser(callOf(c), row, body));
    })
    .delete('/:id', async (c) => {
      const row = await current(c);
      await deleteScimUser(callOf(c), row);
      return c.body(null, 204);
    });
}
