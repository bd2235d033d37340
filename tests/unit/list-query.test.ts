import { describe, expect, test } from 'vitest';
import {
  apiListQuery,
  listQueryString,
  nextPage,
  pageNumber,
  previousPage,
  readListQuery,
  withFilters,
} from '../../src/lib/admin/list-query.js';

const KEYS = ['search', 'groupId'] as const;
const read = (search: string) => readListQuery(new URLSearchParams(search), KEYS);

describe('a list query in the URL', () => {
  test('round-trips filters and the cursor stack', () => {
    const query = nextPage(nextPage(withFilters(read(''), { search: 'ana', groupId: 'g1' }), 'c_1'), 'c-2');
    const url = listQueryString(query);
    expect(url).toBe('?search=ana&groupId=g1&pages=c_1.c-2');
    expect(read(url)).toEqual(query);
  });

  test('an empty query is an empty string, and empty filters are left out', () => {
    expect(listQueryString(read(''))).toBe('');
    expect(listQueryString(withFilters(read(''), { search: '  ' }))).toBe('');
  });

  test('filters are trimmed and encoded', () => {
    const query = read('?search=%20Ana%20Silva%20&groupId=a%26b');
    expect(query.filters).toEqual({ search: 'Ana Silva', groupId: 'a&b' });
    expect(read(listQueryString(query))).toEqual(query);
  });

  test.each(['?pages=ok.not%20base64', '?pages=a..b', `?pages=${'x.'.repeat(60)}x`])(
    'a damaged cursor stack (%s) starts again at page 1',
    (search) => {
      expect(read(search).cursors).toEqual([]);
    },
  );
});

describe('paging', () => {
  test('Next pushes the cursor, Previous pops it, page numbers follow', () => {
    const first = read('?search=a');
    expect(pageNumber(first)).toBe(1);
    const second = nextPage(first, 'c1');
    const third = nextPage(second, 'c2');
    expect(pageNumber(third)).toBe(3);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(previousPage(third))).toEqual(first);
  });

  test('changing a filter goes back to the first page', () => {
    const deep = nextPage(nextPage(read('?search=a'), 'c1'), 'c2');
    expect(withFilters(deep, { groupId: 'g' })).toEqual({
      filters: { search: 'a', groupId: 'g' },
      cursors: [],
    });
  });

  test('the API query carries the filters, the limit and the current cursor only', () => {
    const query = nextPage(nextPage(withFilters(read(''), { search: 'ana' }), 'c1'), 'c2');
    expect(apiListQuery(query, 25)).toBe('?search=ana&limit=25&cursor=c2');
    expect(apiListQuery(read(''), 25)).toBe('?limit=25');
  });
});
