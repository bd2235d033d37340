import { describe, expect, test } from 'vitest';
import { IMPORT_COLUMN_ALIASES, IMPORT_COLUMNS } from '../../server/contracts/bulk.js';
import { mapColumns } from '../../server/domain/import-columns.js';

const map = (header: string[]) =>
  mapColumns(header, IMPORT_COLUMNS, ['userPrincipalName'], IMPORT_COLUMN_ALIASES);

describe('the stores column', () => {
  test('is read as the groups column, and its header is kept for messages', () => {
    const mapping = map(['userPrincipalName', 'Stores']);
    expect(mapping).toMatchObject({
      ok: true,
      columns: { userPrincipalName: 0, groups: 1 },
      headers: { groups: 'Stores' },
      ignored: [],
    });
  });

  test('groups still works on its own', () => {
    expect(map(['groups', 'userPrincipalName'])).toMatchObject({ ok: true, columns: { groups: 0 } });
  });

  test('a file with both a groups and a stores column is refused in words naming both', () => {
    expect(map(['userPrincipalName', 'groups', 'displayName', 'Stores'])).toEqual({
      ok: false,
      message: 'The header has both a groups and a Stores column, which mean the same. Keep one of them.',
    });
  });

  test('a column named twice under the same name is still refused', () => {
    expect(map(['userPrincipalName', 'stores', 'STORES'])).toEqual({
      ok: false,
      message: 'The header names the column STORES twice.',
    });
  });
});
