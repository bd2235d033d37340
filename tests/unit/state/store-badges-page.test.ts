/**
 * A store's badges page's state (StoreBadgesPage): who Issue badges, choosing people to reprint, what
 * each run sends, and where the issued badges and refusals go.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { StoreBadgesPage, type StoreBadgesRequest } from '../../../src/lib/admin/store-badges-page.svelte.js';
import type { ApiResult } from '../../../src/lib/api/client.js';
import type { GroupBadgePreviewPerson, GroupBadgesResult } from '../../../server/contracts/bulk.js';

const person = (userId: string, status: GroupBadgePreviewPerson['status']): GroupBadgePreviewPerson => ({
  userId,
  displayName: userId,
  userPrincipalName: `${userId}@example.test`,
  status,
  expireDateTime: status === 'hasBadge' ? '2027-01-01T00:00:00Z' : null,
});

const people = [
  person('ana', 'newBadgeAndPin'),
  person('bo', 'hasBadge'),
  person('cy', 'hasBadge'),
  person('di', 'newBadge'),
  person('ed', 'notAllowed'),
];
const result = (issued: number): GroupBadgesResult => ({
  summary: { issued, alreadyHadBadge: 0, skipped: 0, remaining: 0 },
  badges: [],
  badgeFailures: [],
});

let sent: StoreBadgesRequest[];
let shown: number;
let refreshes: number;
let answer: ApiResult<GroupBadgesResult>;
let page: StoreBadgesPage;

beforeEach(() => {
  sent = [];
  shown = 0;
  refreshes = 0;
  answer = { ok: true, status: 201, data: result(2) };
  page = new StoreBadgesPage({
    people: () => people,
    send: async (body) => (sent.push(body), answer),
    showBadges: () => void (shown += 1),
    refresh: async () => void (refreshes += 1),
    describe: (status, error) => (status === 403 ? 'Only your own stores.' : error.message),
  });
});

describe('the plan', () => {
  test('Issue badges people without a working badge; only people with one can be reprinted', () => {
    expect(page.plan.toIssue.map((p) => p.userId)).toEqual(['ana', 'di']);
    expect(page.plan.reprintable.map((p) => p.userId)).toEqual(['bo', 'cy']);
  });

  test('choosing everyone chooses the reprintable people, and unticking one undoes "everyone"', () => {
    page.toggleAll(true);
    expect(page.toReprint).toEqual(['bo', 'cy']);
    expect(page.allChosen).toBe(true);
    page.toggle('bo', false);
    expect(page.toReprint).toEqual(['cy']);
    expect(page.allChosen).toBe(false);
  });
});

describe('a run', () => {
  test('Issue sends no list, hands the badges to the sheet, and reads the preview again', async () => {
    await page.issue();
    expect(sent).toEqual([{}]);
    expect(shown).toBe(1);
    expect(page.result?.summary.issued).toBe(2);
    expect(refreshes).toBe(1);
    expect(page.busy).toBeNull();
  });

  test('a reprint asks first, then sends the chosen people only, and clears the choice', async () => {
    page.toggle('cy', true);
    page.askReprint();
    expect(page.confirmingReprint).toBe(true);
    expect(sent).toEqual([]);
    await page.reprint();
    expect(sent).toEqual([{ replaceExisting: true, userIds: ['cy'] }]);
    expect(page.confirmingReprint).toBe(false);
    expect(page.toReprint).toEqual([]);
  });

  test('with nobody chosen there is nothing to confirm', () => {
    page.askReprint();
    expect(page.confirmingReprint).toBe(false);
  });

  test('a refusal is shown in words and nothing reaches the sheet', async () => {
    answer = { ok: false, status: 403, error: { code: 'FORBIDDEN', message: 'Forbidden' } };
    await page.issue();
    expect(page.error).toBe('Only your own stores.');
    expect(shown).toBe(0);
    expect(page.result).toBeNull();
  });

  test('Issue or reprint more goes back to the preview', async () => {
    await page.issue();
    page.startAgain();
    expect(page.result).toBeNull();
  });
});
