/**
 * A person's page's rules (PersonPage): destructive actions ask first and name the person, a refusal
 * stays in the open dialog, success closes it and reads the page again, a badge or PIN lives only in
 * memory until "Done", and issuing over a working badge offers to replace it.
 */
import { describe, expect, test } from 'vitest';
import type { ApiResult, ClientError } from '../../src/lib/api/client';
import { peopleText } from '../../src/lib/admin/people-text';
import { peopleText as peopleTextEs } from '../../src/lib/admin/i18n/es/people-text';
import { PersonPage, type PersonApi } from '../../src/lib/admin/person-page.svelte';

const ana = { id: 'u1', displayName: 'Ana Silva', accountEnabled: true };
const ok = <T>(data: T): ApiResult<T> => ({ ok: true, status: 200, data });
const refused = (code: ClientError['code'], status = 400): ApiResult<never> => ({
  ok: false,
  status,
  error: { code, message: `server: ${code}` },
});
function setup(overrides: Partial<PersonApi> = {}, words = peopleText) {
  const calls: string[] = [];
  const log =
    <T>(name: string, answer: ApiResult<T>) =>
    async () => {
      calls.push(name);
      return answer;
    };
  const api: PersonApi = {
    deleteCode: log('deleteCode', ok(undefined)),
    deleteMethod: log('deleteMethod', ok(undefined)),
    resetPin: log('resetPin', ok({ code: '87654321' })),
    unlock: log('unlock', ok(undefined)),
    endSessions: log('endSessions', ok(undefined)),
    offboard: log('offboard', ok(undefined)),
    reactivate: log('reactivate', ok(undefined)),
    setEnabled: log(
      'setEnabled',
      ok({
        ...ana,
        userPrincipalName: 'ana',
        employeeId: null,
        role: 'worker' as const,
        groupIds: [],
        offboarded: null,
        createdDateTime: '',
      }),
    ),
    deletePerson: log('deletePerson', ok(undefined)),
    ...overrides,
  };
  const events: string[] = [];
  const page = new PersonPage({
    api,
    words: () => words,
    describe: (error) => `described ${error.code}`,
    refresh: async () => void events.push('refresh'),
    leave: async () => void events.push('leave'),
    notify: (message) => void events.push(`notify: ${message}`),
  });
  return { page, calls, events };
}

describe('a person page', () => {
  test('deleting the badge and PIN asks first, naming the person, in red; nothing is sent before', async () => {
    const { page, calls, events } = setup();
    page.askDeleteMethod(ana);
    expect(page.confirm).toMatchObject({ title: 'Delete Ana Silva’s badge and PIN?', danger: true });
    expect(calls).toEqual([]);
    await page.runConfirm();
    expect(calls).toEqual(['deleteMethod']);
    expect(page.confirm).toBeNull();
    expect(events).toEqual(['notify: The badge and PIN were deleted.', 'refresh']);
  });

  test('suspending, deleting and ending sessions all ask first and name the person (Spanish too)', () => {
    const { page } = setup({}, peopleTextEs);
    page.askSuspend(ana);
    expect(page.confirm?.title).toBe('¿Suspender a Ana Silva?');
    expect(page.confirm?.danger).toBe(true);
    page.cancelConfirm();
    page.askDelete(ana);
    expect(page.confirm?.title).toBe('¿Eliminar a Ana Silva?');
    page.cancelConfirm();
    page.askEndSessions(ana);
    expect(page.confirm?.title).toBe('¿Cerrar todas las sesiones de Ana Silva?');
  });

  test('a refusal stays in the open dialog, in words; cancelling sends nothing and clears it', async () => {
    const { page, events } = setup({ setEnabled: async () => refused('LAST_ADMIN', 409) });
    page.askSuspend(ana);
    await page.runConfirm();
    expect(page.confirm).not.toBeNull();
    expect(page.confirmError).toBe(peopleText.form.errors.lastAdmin);
    expect(events).toEqual([]);
    page.cancelConfirm();
    expect(page.confirm).toBeNull();
    expect(page.confirmError).toBeNull();
  });

  test('a manager refused for another store is told so rather than the server code', async () => {
    const { page } = setup({ resetPin: async () => refused('FORBIDDEN', 403) });
    page.askResetPin(ana);
    await page.runConfirm();
    expect(page.confirmError).toBe(peopleText.notInYourStores);
  });

  test('deleting the person leaves for the list; deleting oneself is refused in words', async () => {
    const first = setup();
    first.page.askDelete(ana);
    await first.page.runConfirm();
    expect(first.events).toEqual(['leave']);
    const self = setup({ deletePerson: async () => refused('CANNOT_REMOVE_SELF', 409) });
    self.page.askDelete(ana);
    await self.page.runConfirm();
    expect(self.page.confirmError).toBe(peopleText.person.cannotDeleteSelf);
  });

  test('a badge from the issue dialog is shown once and the page read again; a working badge offers to replace it', async () => {
    const { page, events } = setup();
    page.showConflict();
    expect(page.conflict).toBe(true);
    await page.showIssued({
      userId: ana.id,
      displayName: ana.displayName,
      shortCode: 'CCCCC-DDDDD',
      pngBase64: 'PNG',
      rawContent: 'SP1:x',
      expireDateTime: '2026-06-02T08:00:00Z',
      kind: 'standard',
    });
    expect(page.conflict).toBe(false);
    expect(page.secret?.badge?.shortCode).toBe('CCCCC-DDDDD');
    expect(events).toEqual(['refresh']);
    page.forgetSecret();
    expect(page.secret).toBeNull();
  });

  test('allowing sign-in again is safe: no question, done at once', async () => {
    const { page, calls, events } = setup();
    await page.allowSignIn({ ...ana, accountEnabled: false });
    expect(page.confirm).toBeNull();
    expect(calls).toEqual(['setEnabled']);
    expect(events).toEqual(['notify: Ana Silva can sign in again.', 'refresh']);
  });
});
