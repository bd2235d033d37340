import { describe, expect, test } from 'vitest';
import { intoSheets, sheetLayout } from '../../src/lib/admin/badge-sheet-layout.js';
import { csvCell, temporaryPinsCsv } from '../../src/lib/admin/pin-csv.js';
import type { IssuedBadgeView } from '../../server/contracts/bulk.js';

describe('sheet layout', () => {
  test('3 × 4 labels of 2" on A4 and on US Letter, and the grid fits between the margins', () => {
    for (const paper of ['a4', 'letter'] as const) {
      const l = sheetLayout(paper);
      expect([l.columns, l.rows]).toEqual([3, 4]);
      const width = l.columns * l.labelIn + l.columns * l.gapIn; // gaps between + half a gap each side
      const height = l.rows * l.labelIn + l.rows * l.gapIn;
      expect(width).toBeLessThanOrEqual(l.widthIn - 2 * l.marginIn);
      expect(height).toBeLessThanOrEqual(l.heightIn - 2 * l.marginIn);
    }
    expect(sheetLayout('a4').pageSize).toBe('A4');
    expect(sheetLayout('letter').pageSize).toBe('letter');
  });

  test('badges are cut into sheets', () => {
    const sheets = intoSheets(
      Array.from({ length: 25 }, (_, i) => i),
      12,
    );
    expect(sheets.map((s) => s.length)).toEqual([12, 12, 1]);
    expect(intoSheets([], 12)).toEqual([]);
  });
});

describe('temporary PIN list', () => {
  const badge = (overrides: Partial<IssuedBadgeView>): IssuedBadgeView => ({
    userId: 'u',
    userPrincipalName: 'ana@example.test',
    displayName: 'Ana',
    shortCode: 'AAAAA-BBBBB',
    image: { binaryValue: 'png', rawContent: 'SP1:x:y:z' },
    expireDateTime: '2027-01-01T00:00:00.000Z',
    pin: '12345678',
    ...overrides,
  });

  test('header, one line per badge, CRLF, BOM; quotes where needed; a kept PIN said in words', () => {
    const csv = temporaryPinsCsv([badge({}), badge({ displayName: 'Silva, "Ana"', pin: null })], {
      columns: ['name', 'userPrincipalName', 'shortCode', 'pin'],
      keepsPin: 'keeps current PIN',
    });
    expect(csv).toBe(
      '\uFEFFname,userPrincipalName,shortCode,pin\r\n' +
        'Ana,ana@example.test,AAAAA-BBBBB,12345678\r\n' +
        '"Silva, ""Ana""",ana@example.test,AAAAA-BBBBB,keeps current PIN\r\n',
    );
  });

  test('a cell a spreadsheet would run as a formula is neutralised', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@me')).toBe("'@me");
    expect(csvCell('plain')).toBe('plain');
  });
});
