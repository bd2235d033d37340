/**
 * The CSV import page's rules (ImportFlow): nothing is sent without a file or text, an import takes
 * only the checked text, the issued badges and PINs go to the badge sheet and are not kept in the
 * result, and a refusal about the file shows under the file.
 */
import { describe, expect, test } from 'vitest';
import type { ApiResult } from '../../src/lib/api/client';
import { importText } from '../../src/lib/admin/import-text';
import { ImportFlow } from '../../src/lib/admin/import-flow.svelte';
import type { ImportResult, IssuedBadgeView } from '../../server/contracts/bulk';

const result = (created: number, badges?: IssuedBadgeView[]): ImportResult => ({
  dryRun: badges === undefined,
  summary: { created, updated: 0, unchanged: 0, failed: 0 },
  rows: [],
  ignoredColumns: [],
  columnHeaders: {},
  ...(badges ? { badges } : {}),
});
const badge = { userId: 'u1', displayName: 'Ana', pin: '12345678' } as IssuedBadgeView;

function setup(answer: (body: { dryRun: boolean }) => ApiResult<ImportResult>) {
  const sent: { csv: string; dryRun: boolean; issueBadges: boolean }[] = [];
  const shown: IssuedBadgeView[][] = [];
  const flow = new ImportFlow({
    send: async (body) => {
      sent.push(body);
      return answer(body);
    },
    showBadges: (badges) => void shown.push(badges),
    words: () => importText,
    describe: (error) => `described ${error.code}`,
  });
  return { flow, sent, shown };
}

describe('the CSV import', () => {
  test('checking with no file and nothing pasted sends nothing and says what to do', async () => {
    const { flow, sent } = setup(() => ({ ok: true, status: 200, data: result(1) }));
    await flow.check();
    expect(sent).toEqual([]);
    expect(flow.fileError).toBe(importText.nothingToCheck);
  });

  test('a check is a dry run; the import sends the same text, and waits for a new check once it changed', async () => {
    const { flow, sent } = setup((body) => ({
      ok: true,
      status: 200,
      data: result(2, body.dryRun ? undefined : []),
    }));
    flow.pasted = 'userPrincipalName\nana';
    await flow.check();
    expect(sent).toEqual([{ csv: 'userPrincipalName\nana', dryRun: true, issueBadges: false }]);
    expect(flow.toImport).toBe(2);
    flow.pasted = 'userPrincipalName\nbo';
    expect(flow.stale).toBe(true);
    await flow.commit();
    expect(sent).toHaveLength(1);
    await flow.check();
    await flow.commit();
    expect(sent.at(-1)).toEqual({ csv: 'userPrincipalName\nbo', dryRun: false, issueBadges: false });
    expect(flow.done?.summary.created).toBe(2);
  });

  test('issued badges and PINs go to the badge sheet, never into the kept result', async () => {
    const { flow, shown } = setup((body) => ({
      ok: true,
      status: 200,
      data: result(1, body.dryRun ? undefined : [badge]),
    }));
    flow.issueBadges = true;
    flow.chooseFile('people.csv', 'userPrincipalName\nana');
    await flow.check();
    await flow.commit();
    expect(shown).toEqual([[badge]]);
    expect(flow.done).not.toHaveProperty('badges');
    expect(JSON.stringify(flow.done)).not.toContain('12345678');
  });

  test('a refusal about the file shows under the file; any other in words above the button', async () => {
    const file = setup(() => ({
      ok: false,
      status: 400,
      error: {
        code: 'VALIDATION_FAILED',
        field: 'csv',
        message: 'csv: The header row has no userPrincipalName column.',
      },
    }));
    file.flow.pasted = 'name\nana';
    await file.flow.check();
    expect(file.flow.fileError).toBe('The header row has no userPrincipalName column.');
    expect(file.flow.formError).toBeNull();

    const other = setup(() => ({ ok: false, status: 403, error: { code: 'FORBIDDEN', message: 'x' } }));
    other.flow.pasted = 'userPrincipalName\nana';
    await other.flow.check();
    expect(other.flow.formError).toBe(importText.adminsOnly);
  });
});
