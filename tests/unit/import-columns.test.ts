import { describe, expect, test } from 'vitest';
import {
  cellsOf,
  isBlankRecord,
  mapColumns,
  parseBooleanCell,
  splitList,
} from '../../server/domain/import-columns.js';
import { readCsv } from '../../server/platform/csv.js';

const FIELDS = ['userPrincipalName', 'displayName', 'groups'] as const;

describe('mapColumns', () => {
  test('any order, any case, spaces/dashes/underscores ignored; unknown columns reported', () => {
    const mapping = mapColumns([' Groups', 'Notes', 'user_principal_name', 'Display Name', ''], FIELDS, [
      'userPrincipalName',
    ]);
    expect(mapping).toEqual({
      ok: true,
      columns: { groups: 0, userPrincipalName: 2, displayName: 3 },
      headers: { groups: 'Groups', userPrincipalName: 'user_principal_name', displayName: 'Display Name' },
      ignored: ['Notes'],
    });
  });

  test('a missing required column or a column named twice is refused', () => {
    expect(mapColumns(['displayName'], FIELDS, ['userPrincipalName'])).toEqual({
      ok: false,
      message: 'The header row needs a column named userPrincipalName.',
    });
    expect(mapColumns(['userPrincipalName', 'USERPRINCIPALNAME'], FIELDS, []).ok).toBe(false);
  });
});

test('cellsOf trims cells and leaves empty ones out', () => {
  expect(cellsOf([' a@x ', '  ', 'Lisbon'], { userPrincipalName: 0, displayName: 1, groups: 2 })).toEqual({
    userPrincipalName: 'a@x',
    groups: 'Lisbon',
  });
  expect(cellsOf(['a@x'], { userPrincipalName: 0, displayName: 3 })).toEqual({ userPrincipalName: 'a@x' });
});

test('parseBooleanCell, splitList, isBlankRecord', () => {
  expect(['TRUE', 'yes', '1', ' true '].map(parseBooleanCell)).toEqual([true, true, true, true]);
  expect(['False', 'NO', '0'].map(parseBooleanCell)).toEqual([false, false, false]);
  expect(['maybe', 'on', ''].map(parseBooleanCell)).toEqual([undefined, undefined, undefined]);
  expect(splitList(' Lisbon ; Porto;; ')).toEqual(['Lisbon', 'Porto']);
  expect(isBlankRecord(['', ' ', ''])).toBe(true);
  expect(isBlankRecord([''])).toBe(true);
  expect(isBlankRecord(['', 'x'])).toBe(false);
});

describe('readCsv', () => {
  test('BOM, CRLF, quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(readCsv('\uFEFFa,b\r\n"x, ""y""","line\r\nbreak"\r\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b'],
        ['x, "y"', 'line\r\nbreak'],
      ],
    });
  });

  test('rows keep their place: an empty line is a row; ragged rows are kept as they are', () => {
    expect(readCsv('a,b\n\nc\nd,e,f\n')).toEqual({
      ok: true,
      rows: [['a', 'b'], [''], ['c'], ['d', 'e', 'f']],
    });
  });

  test('an unclosed quote is a message, not an exception', () => {
    const result = readCsv('a,b\n"x,y\n');
    expect(result.ok).toBe(false);
  });
});
