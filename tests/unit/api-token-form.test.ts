import { expect, test } from 'vitest';
import { dateInputValue, endOfLocalDay, expiryBounds } from '../../src/lib/admin/api-token-form.js';

const DAY_MS = 24 * 60 * 60 * 1000;

test('dateInputValue counts local calendar days, across month and year ends', () => {
  expect(dateInputValue(new Date(2026, 0, 31, 15, 30), 1)).toBe('2026-02-01');
  expect(dateInputValue(new Date(2026, 11, 31, 0, 5), 1)).toBe('2027-01-01');
  expect(dateInputValue(new Date(2026, 5, 1, 23, 59), 0)).toBe('2026-06-01');
});

test('endOfLocalDay is the last millisecond of that local day', () => {
  const end = new Date(endOfLocalDay('2026-06-01')!);
  expect([end.getFullYear(), end.getMonth(), end.getDate()]).toEqual([2026, 5, 1]);
  const next = new Date(end.getTime() + 1);
  expect([next.getDate(), next.getHours(), next.getMinutes()]).toEqual([2, 0, 0]);
});

test.each(['', 'soon', '2026-6-1', '2026-06-01T00:00'])('endOfLocalDay(%j) is null', (value) => {
  expect(endOfLocalDay(value)).toBeNull();
});

test('the latest date offered ends within a year, the default is 90 days ahead', () => {
  const now = new Date(2026, 5, 1, 12, 0);
  const bounds = expiryBounds(now);
  expect(bounds.min).toBe('2026-06-01');
  expect(bounds.default).toBe('2026-08-30');
  const latestEnd = new Date(endOfLocalDay(bounds.max)!).getTime();
  expect(latestEnd).toBeLessThanOrEqual(now.getTime() + 365 * DAY_MS);
  expect(latestEnd).toBeGreaterThan(now.getTime() + 364 * DAY_MS);
});
