import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadGroupNames } from '../../src/lib/admin/group-directory.js';

const OWN_GROUPS = [{ id: 'g1', displayName: 'Porto' }];

afterEach(() => vi.unstubAllGlobals());

describe('store names', () => {
  test('a manager gets their own stores from the session, without asking the admin-only API', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await loadGroupNames('manager', OWN_GROUPS)).toEqual({
      ok: true,
      status: 200,
      data: [{ id: 'g1', displayName: 'Porto' }],
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('an admin gets every store, page after page', async () => {
    const pages = [
      { value: [{ id: 'a', displayName: 'A', timeZone: null, createdDateTime: '' }], nextCursor: 'next_1' },
      {
        value: [{ id: 'b', displayName: 'B', timeZone: 'Europe/Lisbon', createdDateTime: '' }],
        nextCursor: null,
      },
    ];
    const fetch = vi.fn(async () => Response.json(pages.shift()));
    vi.stubGlobal('fetch', fetch);
    const result = await loadGroupNames('admin', OWN_GROUPS);
    expect(result).toEqual({
      ok: true,
      status: 200,
      data: [
        { id: 'a', displayName: 'A' },
        { id: 'b', displayName: 'B' },
      ],
    });
    expect(fetch.mock.calls.map((call) => (call as unknown[])[0])).toEqual([
      '/api/admin/groups?limit=200',
      '/api/admin/groups?limit=200&cursor=next_1',
    ]);
  });
});
