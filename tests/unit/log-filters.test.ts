import { describe, expect, test } from 'vitest';
import {
  apiQuery,
  CursorTrail,
  EMPTY_FILTERS,
  filtersFromUrl,
  filtersToUrl,
  instantToLocalInput,
  localInputToInstant,
  logPaths,
} from '../../src/lib/admin/log-filters.js';
import { expiryFromUrl, expiryQuery } from '../../src/lib/admin/expiry-query.js';

describe('log filters in the URL', () => {
  test('round trip: filters → URL → filters', () => {
    const filters = {
      ...EMPTY_FILTERS,
      userId: 'user-1',
      groupId: 'store-7',
      deviceId: 'device-42',
      result: 'failure' as const,
      failureCode: 'PIN_INCORRECT',
      from: '2026-11-27T08:00:00.000Z',
      to: '2026-11-28T08:00:00.000Z',
    };
    const url = filtersToUrl(filters);
    expect(url.toString()).toBe(
      'userId=user-1&from=2026-11-27T08%3A00%3A00.000Z&to=2026-11-28T08%3A00%3A00.000Z&groupId=store-7&deviceId=device-42&result=failure&failureCode=PIN_INCORRECT',
    );
    expect(filtersFromUrl(url)).toEqual(filters);
  });

  test('empty filters make an empty query; the cursor is kept', () => {
    expect(filtersToUrl(EMPTY_FILTERS).toString()).toBe('');
    expect(filtersToUrl(EMPTY_FILTERS, 'abc').toString()).toBe('cursor=abc');
  });

  test('malformed values from a hand-edited URL are dropped, not sent', () => {
    const filters = filtersFromUrl(
      new URLSearchParams(
        'result=maybe&failureCode=drop table&from=yesterday&to=2026-13-45T00:00Z&view=nope',
      ),
    );
    expect(filters).toEqual(EMPTY_FILTERS);
  });

  test('the audit view keeps only user and time filters', () => {
    const filters = filtersFromUrl(new URLSearchParams('view=audit&userId=u&result=failure&groupId=g'));
    expect(filters).toMatchObject({ view: 'audit', userId: 'u', result: '', groupId: '' });
    expect(filtersToUrl(filters).toString()).toBe('view=audit&userId=u');
    expect(apiQuery(filters, { limit: '50' })).toBe('userId=u&limit=50');
  });

  test('the API query leaves out the view and empty extras', () => {
    expect(apiQuery({ ...EMPTY_FILTERS, result: 'failure' }, { cursor: undefined, limit: '50' })).toBe(
      'result=failure&limit=50',
    );
    expect(logPaths('sign-ins').export).toBe('/api/admin/sign-in-logs/export');
    expect(logPaths('audit').list).toBe('/admin/audit-logs');
  });
});

describe('datetime-local ↔ instant (in the test runner’s time zone)', () => {
  test('a local time round-trips', () => {
    const instant = localInputToInstant('2026-11-28T07:45');
    expect(instant).toBe(new Date(2026, 10, 28, 7, 45).toISOString());
    expect(instantToLocalInput(instant!)).toBe('2026-11-28T07:45');
  });

  test('empty stays empty; nonsense is null', () => {
    expect(localInputToInstant('')).toBe('');
    expect(instantToLocalInput('')).toBe('');
    expect(localInputToInstant('2026-02-31T10:00')).toBeNull();
    expect(localInputToInstant('2026-11-28T25:00')).toBeNull();
    expect(localInputToInstant('tomorrow')).toBeNull();
  });
});

test('cursor trail: next pushes, previous pops back to the first page', () => {
  const trail = new CursorTrail();
  expect(trail.previous()).toBeUndefined();
  trail.next('');
  trail.next('c2');
  expect(trail.depth).toBe(2);
  expect(trail.previous()).toBe('c2');
  expect(trail.previous()).toBe('');
  trail.next('x');
  trail.reset();
  expect(trail.depth).toBe(0);
});

describe('expiry report query', () => {
  test('defaults to 30 days; out-of-range or non-numeric days fall back', () => {
    expect(expiryFromUrl(new URLSearchParams())).toEqual({ withinDays: 30, groupId: '' });
    expect(expiryFromUrl(new URLSearchParams('withinDays=0')).withinDays).toBe(30);
    expect(expiryFromUrl(new URLSearchParams('withinDays=1.5')).withinDays).toBe(30);
    expect(expiryFromUrl(new URLSearchParams('withinDays=395&groupId=g1'))).toEqual({
      withinDays: 395,
      groupId: 'g1',
    });
  });

  test('query string', () => {
    expect(expiryQuery({ withinDays: 7, groupId: '' })).toBe('withinDays=7');
    expect(expiryQuery({ withinDays: 7, groupId: 'g' }, { cursor: 'c' })).toBe(
      'withinDays=7&groupId=g&cursor=c',
    );
  });
});
