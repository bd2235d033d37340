/**
 * A person's page's rules (PersonPage): destructive actions ask first and name the person, a refusal
 * stays in the open dialog, success closes it and reads the page again, a badge or PIN lives only in
 * memory until "Done", and issuing over a working badge offers to replace it.
 */
import { describe, expect, test } from 'vitest';
import type { ApiResult, ClientError } from '../../src/lib/api/client';
import type { IssuedCodeAnswer } from '../../src/lib/admin/badge-issue';
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
const code = (shortCode: string): IssuedCodeAnswer => ({
  id: 'c',
  startDateTime: '2026-06-01T08:00:00Z',
  expireDateTime: '2026-06-02T08:00:00Z',
  createdDateTime: '2026-06-01T08:00:00Z',
  shortCode,
  image: { binaryValue: 'PNG', rawContent: 'SP1:x', errorCorrectionLevel: 'M' },
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
    issueMethod: log(
      'issueMethod',
      ok({
        id: 'm',
        standardQRCode: code('AAAAA-BBBBB'),
        pin: { code: '12345678', forceChangePinNextSignIn: true as const },
      }),
    ),
    issueCode: log('issueCode', ok(code('CCCCC-DDDDD'))),
    deleteCode: log('deleteCode', ok(undefined)),
    deleteMethod: log('deleteMethod', ok(undefined)),
    resetPin: log('resetPin', ok({ code: '87654321' })),
    unlock: log('unlock', ok(undefined)),
    endSessions: log('endSessions', ok(undefined)),
    setEnabled: log(
      'setEnabled',
      ok({
        ...ana,
        userPrincipalName: 'ana',
        employeeId: null,
        role: 'worker' as const,
        groupIds: [],
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
    now: () => new Date('2026-06-01T08:00:00.000Z'),
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

  test('the first badge comes with a temporary PIN, held in memory until Done', async () => {
    const { page, calls } = setup();
    await page.issueBadge(ana, false);
    expect(calls).toEqual(['issueMethod']);
    expect(page.secret?.badge).toMatchObject({
      displayName: 'Ana Silva',
      shortCode: 'AAAAA-BBBBB',
      pin: '12345678',
    });
    page.forgetSecret();
    expect(page.secret).toBeNull();
  });

  test('issuing over a working badge offers to replace it; replacing asks, then issues a new one without a PIN', async () => {
    const { page, calls } = setup({
      issueCode: async () => refused('ACTIVE_QR_CODE_EXISTS', 409),
    });
    await page.issueBadge(ana, true);
    expect(page.conflict).toBe(true);
    expect(page.secret).toBeNull();

    const replacing = setup();
    replacing.page.askReplace(ana);
    expect(replacing.page.confirm?.title).toBe('Replace Ana Silva’s badge?');
    await replacing.page.runConfirm();
    expect(replacing.calls).toEqual(['deleteCode', 'issueCode']);
    expect(replacing.page.secret?.badge?.shortCode).toBe('CCCCC-DDDDD');
    expect(replacing.page.secret?.badge).not.toHaveProperty('pin');
    expect(calls).toEqual([]);
  });

  test('a temporary badge needs 1 to 12 whole hours: anything else is refused before sending', async () => {
    const { page, calls } = setup();
    page.hours = '13';
    await page.issueTemporary(ana);
    expect(page.hoursError).toBe(peopleText.method.hoursError);
    expect(calls).toEqual([]);
    page.hours = '4';
    await page.issueTemporary(ana);
    expect(page.hoursError).toBeNull();
    expect(page.secret?.badge?.kind).toBe('temporary');
  });

  test('allowing sign-in again is safe: no question, done at once', async () => {
    const { page, calls, events } = setup();
    await page.allowSignIn({ ...ana, accountEnabled: false });
    expect(page.confirm).toBeNull();
    expect(calls).toEqual(['setEnabled']);
    expect(events).toEqual(['notify: Ana Silva can sign in again.', 'refresh']);
  });
});
