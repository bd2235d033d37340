/**
 * The store badges page's "new people need badges" run (StoreBadgesPage.issueNewPeople): it sends
 * exactly the listed people, at most one run's worth, and a refusal because someone left the store
 * reads the store again.
 */
import { beforeEach, expect, test } from 'vitest';
import { StoreBadgesPage, type StoreBadgesRequest } from '../../../src/lib/admin/store-badges-page.svelte.js';
import type { ApiResult } from '../../../src/lib/api/client.js';
import { BADGES_PER_RUN, type GroupBadgesResult } from '../../../server/contracts/bulk.js';

let sent: StoreBadgesRequest[];
let shown: number;
let refreshes: number;
let answer: ApiResult<GroupBadgesResult>;
let page: StoreBadgesPage;

beforeEach(() => {
  sent = [];
  shown = 0;
  refreshes = 0;
  answer = {
    ok: true,
    status: 200,
    data: {
      summary: { issued: 2, alreadyHadBadge: 0, skipped: 0, remaining: 0 },
      badges: [],
      badgeFailures: [],
    },
  };
  page = new StoreBadgesPage({
    people: () => [],
    send: async (body) => (sent.push(body), answer),
    showBadges: () => void (shown += 1),
    refresh: async () => void (refreshes += 1),
    describe: (_, error) => error.message,
  });
});

test('issuing for the new people sends exactly them, shows the badges and reads the store again', async () => {
  await page.issueNewPeople(['kai', 'lu']);
  expect(sent).toEqual([{ userIds: ['kai', 'lu'] }]);
  expect(shown).toBe(1);
  expect(refreshes).toBe(1);
  expect(page.result?.summary.issued).toBe(2);
  expect(page.busy).toBeNull();
});

test('more people than one run issues: the first ones are sent, the rest wait for the next run', async () => {
  const ids = Array.from({ length: BADGES_PER_RUN + 3 }, (_, i) => `p${i}`);
  await page.issueNewPeople(ids);
  expect(sent).toHaveLength(1);
  expect((sent[0] as { userIds: string[] }).userIds).toEqual(ids.slice(0, BADGES_PER_RUN));
});

test('nobody listed sends nothing', async () => {
  await page.issueNewPeople([]);
  expect(sent).toEqual([]);
});

test('someone left the store meanwhile: the refusal is shown and the store is read again', async () => {
  answer = {
    ok: false,
    status: 400,
    error: { code: 'VALIDATION_FAILED', message: 'Someone chosen is no longer in this store.' },
  };
  await page.issueNewPeople(['kai']);
  expect(page.error).toBe('Someone chosen is no longer in this store.');
  expect(refreshes).toBe(1);
  expect(shown).toBe(0);
  expect(page.result).toBeNull();
});
