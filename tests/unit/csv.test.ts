import { describe, expect, test } from 'vitest';
import { csvCell, csvHeader, csvLine, csvRecord } from '../../server/domain/csv.js';

describe('csvCell', () => {
  test.each([
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['2026-06-01T08:00:00.000Z', '2026-06-01T08:00:00.000Z'],
    ['Zoë Ñandú', 'Zoë Ñandú'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test.each([
    ['=HYPERLINK("http://evil.test","x")', `"'=HYPERLINK(""http://evil.test"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('a cell a spreadsheet would run as a formula is made text: %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('only the start of a cell matters', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('name@example.test')).toBe('name@example.test');
  });
});

test('lines end in CRLF; header and records follow the columns', () => {
  const columns = [
    { header: 'name', value: (r: { name: string; n: number }) => r.name },
    { header: 'n', value: (r: { name: string; n: number }) => r.n },
  ];
  expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  expect(csvHeader(columns)).toBe('name,n\r\n');
  expect(csvRecord(columns, { name: '=x', n: 3 })).toBe("'=x,3\r\n");
});
