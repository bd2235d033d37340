/**
 * The Stores page's state (StoresPage): what a new or edited store sends, where a refusal shows, and
 * what follows a change (the lists read again, a message naming the store), against fake API calls.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { describeConsoleError } from '../../../src/lib/admin/messages.js';
import {
  StoresPage,
  type StoreBody,
  type StoresPageDeps,
} from '../../../src/lib/admin/stores-page.svelte.js';
import { storesText } from '../../../src/lib/admin/stores-text.js';
import { storesText as storesTextEs } from '../../../src/lib/admin/i18n/es/stores-text.js';
import type { ApiResult, ClientError } from '../../../src/lib/api/client.js';
import type { GroupView } from '../../../server/contracts/directory.js';

const lisbon: GroupView = {
  id: 'g1',
  displayName: 'Lisbon',
  timeZone: 'Europe/Lisbon',
  kioskLanguage: 'es',
} as GroupView;

const refused = (status: number, error: ClientError): ApiResult<never> => ({ ok: false, status, error });
const created = (body: StoreBody): ApiResult<GroupView> => ({
  ok: true,
  status: 201,
  data: { ...lisbon, id: 'new', ...body } as GroupView,
});

let sent: { what: string; id?: string; body?: StoreBody }[];
let notices: string[];
let refreshes: number;
let answer: (body?: StoreBody) => ApiResult<GroupView>;
let words = storesText;
let page: StoresPage;

beforeEach(() => {
  sent = [];
  notices = [];
  refreshes = 0;
  words = storesText;
  answer = (body) => created(body!);
  const deps: StoresPageDeps = {
    create: async (body) => (sent.push({ what: 'create', body }), answer(body)),
    update: async (id, body) => (sent.push({ what: 'update', id, body }), answer(body)),
    remove: async (id) => (sent.push({ what: 'remove', id }), answer()),
    refresh: async () => void (refreshes += 1),
    notify: (message) => void notices.push(message),
    words: () => words,
    describe: describeConsoleError,
  };
  page = new StoresPage(deps);
});

describe('a new store', () => {
  test('is sent with its name trimmed, no time zone or language as none, then the form empties', async () => {
    page.draft.name = '  Porto – Ribeira ';
    await page.create();
    expect(sent).toEqual([
      { what: 'create', body: { displayName: 'Porto – Ribeira', timeZone: null, kioskLanguage: null } },
    ]);
    expect(page.draft.name).toBe('');
    expect(notices).toEqual(['Porto – Ribeira was created.']);
    expect(refreshes).toBe(1);
  });

  test('keeps a chosen time zone and kiosk language', async () => {
    page.draft.name = 'Madrid';
    page.draft.timeZone = 'Europe/Madrid';
    page.draft.kioskLanguage = 'es';
    await page.create();
    expect(sent[0]!.body).toEqual({ displayName: 'Madrid', timeZone: 'Europe/Madrid', kioskLanguage: 'es' });
  });

  test('a refusal about the name shows next to the name, in the page’s label, and the typing stays', async () => {
    answer = () =>
      refused(400, {
        code: 'VALIDATION_FAILED',
        field: 'displayName',
        message: 'displayName: Enter a displayName.',
      });
    page.draft.name = 'x'.repeat(300);
    await page.create();
    expect(page.draft.errors).toEqual({ displayName: 'Enter a Name.' });
    expect(page.draft.error).toBeNull();
    expect(page.draft.name).toBe('x'.repeat(300));
    expect(notices).toEqual([]);
    expect(refreshes).toBe(0);
  });

  test('a blank name is refused next to the name, in the page’s language, without asking the server', async () => {
    words = storesTextEs;
    page.draft.name = '   ';
    await page.create();
    expect(sent).toEqual([]);
    expect(page.draft.errors).toEqual({ displayName: 'Escribe el nombre de la tienda.' });
  });

  test('the message follows the console’s language', async () => {
    words = storesTextEs;
    page.draft.name = 'Sevilla';
    await page.create();
    expect(notices).toEqual(['Se creó Sevilla.']);
  });

  test('a refusal about no field of the form shows above it', async () => {
    answer = () => refused(404, { code: 'NOT_FOUND', message: 'Someone else changed it.' });
    page.draft.name = 'Faro';
    await page.create();
    expect(page.draft.errors).toEqual({});
    expect(page.draft.error).toBe('Someone else changed it.');
  });
});

describe('editing a store', () => {
  test('opens with the store’s values and saves them to that store', async () => {
    page.startEdit(lisbon);
    expect([page.edit.name, page.edit.timeZone, page.edit.kioskLanguage]).toEqual([
      'Lisbon',
      'Europe/Lisbon',
      'es',
    ]);
    page.edit.name = 'Lisbon – Baixa';
    page.edit.timeZone = '';
    await page.saveEdit();
    expect(sent).toEqual([
      {
        what: 'update',
        id: 'g1',
        body: { displayName: 'Lisbon – Baixa', timeZone: null, kioskLanguage: 'es' },
      },
    ]);
    expect(page.editing).toBeNull();
    expect(notices).toEqual(['Lisbon – Baixa was saved.']);
  });

  test('a refused time zone keeps the dialog open with the words next to the field', async () => {
    answer = () =>
      refused(400, {
        code: 'VALIDATION_FAILED',
        field: 'timeZone',
        message: 'Enter a time zone such as Europe/Lisbon.',
      });
    page.startEdit(lisbon);
    await page.saveEdit();
    expect(page.editing).toBe(lisbon);
    expect(page.edit.errors.timeZone).toBe('Enter a time zone such as Europe/Lisbon.');
  });

  test('an earlier refusal is gone when the dialog opens again', async () => {
    answer = () =>
      refused(400, { code: 'VALIDATION_FAILED', field: 'displayName', message: 'Enter a name.' });
    page.startEdit(lisbon);
    await page.saveEdit();
    page.cancelEdit();
    page.startEdit(lisbon);
    expect(page.edit.errors).toEqual({});
  });
});

describe('deleting a store', () => {
  test('happens only after the confirmation, then names the store', async () => {
    answer = () => ({ ok: true, status: 204, data: undefined as never });
    page.askDelete(lisbon);
    expect(sent).toEqual([]);
    await page.confirmDelete();
    expect(sent).toEqual([{ what: 'remove', id: 'g1' }]);
    expect(page.deleting).toBeNull();
    expect(notices).toEqual(['Lisbon was deleted.']);
    expect(refreshes).toBe(1);
  });

  test('Cancel deletes nothing', async () => {
    page.askDelete(lisbon);
    page.cancelDelete();
    await page.confirmDelete();
    expect(sent).toEqual([]);
  });

  test('a refusal (a policy names the store) stays in the confirmation, in the server’s words', async () => {
    answer = () => refused(409, { code: 'GROUP_IN_USE', message: 'A policy names this store.' });
    page.askDelete(lisbon);
    await page.confirmDelete();
    expect(page.deleting).toBe(lisbon);
    expect(page.deleteError).toBe('A policy names this store.');
    expect(notices).toEqual([]);
  });
});
