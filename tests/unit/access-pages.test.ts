/**
 * The conditional-access pages' state, without a browser: the policy form refuses an empty choice
 * before asking the server and shows every server problem by field; a named location names each bad
 * address range by line in the page's language; what-if asks for a person (and a kiosk when one is
 * to be picked) and shows a refusal next to its field; a delete names what it deletes and keeps a
 * refusal in the dialog. Words follow the language passed in.
 */
import { describe, expect, test } from 'vitest';
import type { ApiResult, ClientError } from '../../src/lib/api/client.js';
import { emptyPolicyForm, templateWords, warningWords } from '../../src/lib/admin/access-form.js';
import { DeleteRequest } from '../../src/lib/admin/access-delete.svelte.js';
import {
  LocationEditor,
  NO_STORE,
  type LocationBody,
} from '../../src/lib/admin/access-location-editor.svelte.js';
import { cidrLineProblems, cidrLines, cidrWords } from '../../src/lib/admin/access-locations.js';
import { PolicyEditor, type PolicyBody } from '../../src/lib/admin/access-policy-editor.svelte.js';
import { accessText as english } from '../../src/lib/admin/access-text.js';
import { accessText as spanish } from '../../src/lib/admin/i18n/es/access-text.js';
import { factsOf, WhatIf, type WhatIfBody } from '../../src/lib/admin/access-what-if.svelte.js';
import {
  decisionSentence,
  loggedVerdictSentence,
  verdictSentence,
} from '../../src/lib/admin/access-verdict.js';
import type { WhatIfResult } from '../../server/contracts/conditional-access.js';

const refused = (status: number, error: ClientError): ApiResult<never> => ({ ok: false, status, error });
const describe_ = (error: ClientError) => `described: ${error.message}`;

function policyEditor(answer: ApiResult<{ displayName: string }>, text = english) {
  const sent: PolicyBody[] = [];
  const editor = new PolicyEditor({
    send: async (_id, body) => (sent.push(body), answer),
    describe: describe_,
    text: () => text,
  });
  return { editor, sent };
}

describe('the policy editor', () => {
  test('"only these people" with nobody chosen is refused before the server is asked', async () => {
    const { editor, sent } = policyEditor({ ok: true, status: 201, data: { displayName: 'x' } });
    editor.open('new', {
      ...emptyPolicyForm(),
      displayName: 'Night',
      peopleMode: 'chosen',
      appMode: 'chosen',
    });
    expect(await editor.save()).toBeNull();
    expect(sent).toEqual([]);
    expect(editor.fieldErrors).toEqual({
      'conditions.users.include': english.policies.choosePerson,
      'conditions.apps.include': english.policies.chooseApp,
    });
    expect(editor.formError).toBe(english.policies.problems);
  });

  test('a saved policy closes the form and gives its name', async () => {
    const { editor, sent } = policyEditor({ ok: true, status: 201, data: { displayName: 'Night' } });
    editor.open('new', { ...emptyPolicyForm(), displayName: 'Night' });
    expect(await editor.save()).toBe('Night');
    expect(sent[0]).toMatchObject({ displayName: 'Night', conditions: {} });
    expect(editor.editing).toBeNull();
  });

  test('every server problem is shown: by its field, or listed above the form', async () => {
    const { editor } = policyEditor(
      refused(400, {
        code: 'VALIDATION_FAILED',
        message: 'x',
        problems: [
          { field: 'displayName', message: 'enter a name.' },
          { field: 'conditions.timeWindows.0.timeZone', message: 'must be an IANA time zone.' },
          { field: 'conditions.signInMethods.0', message: 'is not a method.' },
        ],
      }),
    );
    editor.open('p1', emptyPolicyForm());
    expect(await editor.save()).toBeNull();
    expect(editor.editing).toBe('p1');
    expect(editor.fieldErrors).toEqual({
      displayName: 'Enter a name.',
      'conditions.timeWindows.0.timeZone': 'Must be an IANA time zone.',
    });
    expect(editor.otherProblems).toEqual(['Is not a method.']);
  });

  test('a taken name is said in the page language; another refusal in words', async () => {
    const taken = policyEditor(refused(409, { code: 'NAME_ALREADY_EXISTS', message: 'taken' }), spanish);
    taken.editor.open('new', emptyPolicyForm());
    await taken.editor.save();
    expect(taken.editor.fieldErrors).toEqual({ displayName: spanish.policies.nameTaken });

    const notAdmin = policyEditor(refused(403, { code: 'FORBIDDEN', message: 'no' }));
    notAdmin.editor.open('new', emptyPolicyForm());
    await notAdmin.editor.save();
    expect(notAdmin.editor.formError).toBe(english.adminsOnly);

    const cancelled = policyEditor(refused(401, { code: 'REAUTHENTICATION_REQUIRED', message: 'again' }));
    cancelled.editor.open('new', emptyPolicyForm());
    await cancelled.editor.save();
    expect(cancelled.editor.formError).toBe(english.reauthCancelled);
  });
});

describe('named locations', () => {
  test('every bad line is named, in the page language, and nothing is sent', async () => {
    const sent: LocationBody[] = [];
    const editor = new LocationEditor({
      send: async (_id, body) => (sent.push(body), { ok: true, status: 201, data: { displayName: 'x' } }),
      describe: describe_,
      text: () => spanish,
    });
    editor.displayName = 'Tienda centro';
    editor.cidrText = '192.0.2.0/24\n\n10.0.0.1/8\nnot an address';
    expect(await editor.save()).toBeNull();
    expect(sent).toEqual([]);
    expect(editor.errors.cidrs).toEqual([
      "Línea 3: '10.0.0.1/8' tiene bits de equipo: ¿querías decir 10.0.0.0/8 (la red) o 10.0.0.1/32 (una sola dirección)?",
      "Línea 4: 'not an address' no es una dirección IPv4 ni IPv6",
    ]);
    expect(editor.errors.form).toBe(spanish.locations.problems);
  });

  test('good ranges are sent trimmed, with the store or none', async () => {
    const sent: LocationBody[] = [];
    const editor = new LocationEditor({
      send: async (_id, body) => (
        sent.push(body),
        { ok: true, status: 201, data: { displayName: 'Centre' } }
      ),
      describe: describe_,
      text: () => english,
    });
    editor.edit({ id: 'l1', displayName: 'Centre', cidrs: ['192.0.2.0/24'], groupId: null });
    expect(editor.groupId).toBe(NO_STORE);
    editor.cidrText = ' 192.0.2.0/24 \n2001:db8:a::/48\n';
    expect(await editor.save()).toBe('Centre');
    expect(sent).toEqual([
      { displayName: 'Centre', cidrs: ['192.0.2.0/24', '2001:db8:a::/48'], groupId: null },
    ]);
    expect(editor.editing).toBe('new');
  });

  test('a range the server refuses is named by its line', async () => {
    const editor = new LocationEditor({
      send: async () =>
        refused(400, { code: 'VALIDATION_FAILED', field: 'cidrs.1', message: 'cidrs.1: overlaps.' }),
      describe: describe_,
      text: () => english,
    });
    editor.cidrText = '192.0.2.0/24\n\n198.51.100.0/24';
    await editor.save();
    expect(editor.errors.cidrs).toEqual(['Line 3: Overlaps.']);
  });

  test('each kind of bad range has its own words', () => {
    expect(cidrWords('192.0.2.0/24')).toBeNull();
    expect(cidrWords('192.0.2.0/33')).toBe("the prefix after '/' must be a whole number from 0 to 32");
    expect(cidrWords('192.0.2.0/33', spanish)).toBe(
      "el prefijo después de '/' debe ser un número entero de 0 a 32",
    );
    expect(cidrLineProblems(cidrLines('\n  \n'))).toEqual([]);
  });
});

describe('what-if', () => {
  const answer = { decision: 'allow', verdicts: [] } as unknown as WhatIfResult;

  function whatIf(result: ApiResult<WhatIfResult> = { ok: true, status: 200, data: answer }) {
    const asked: WhatIfBody[] = [];
    const state = new WhatIf({
      evaluate: async (body) => (asked.push(body), result),
      describe: describe_,
      text: () => english,
    });
    return { state, asked };
  }

  test('asks for a person, and a kiosk when an enrolled kiosk is to be picked', async () => {
    const { state, asked } = whatIf();
    state.deviceMode = 'kiosk';
    await state.run();
    expect(asked).toEqual([]);
    expect(state.fieldErrors).toEqual({
      userId: english.whatIf.needPerson,
      deviceId: english.whatIf.chooseKiosk,
    });
    expect(state.formError).toBe(english.whatIf.problems);
  });

  test('sends the sign-in as chosen and shows the answer', async () => {
    const { state, asked } = whatIf();
    state.people = [{ id: 'u1', displayName: 'Ana Núñez' }];
    state.deviceMode = 'facts';
    state.facts = ['enrolled'];
    state.ipAddress = ' 192.0.2.10 ';
    await state.run();
    expect(asked).toEqual([
      {
        userId: 'u1',
        device: { enrolled: true, compliant: false, attestationFresh: false },
        ipAddress: '192.0.2.10',
        method: 'qrPin',
      },
    ]);
    expect(state.result).toBe(answer);
  });

  test('a refused address shows next to the address', async () => {
    const { state } = whatIf(
      refused(400, {
        code: 'VALIDATION_FAILED',
        field: 'ipAddress',
        message: 'ipAddress: must be an IPv4 address.',
      }),
    );
    state.people = [{ id: 'u1', displayName: 'Ana' }];
    await state.run();
    expect(state.fieldErrors).toEqual({ ipAddress: 'Must be an IPv4 address.' });
    expect(state.result).toBeNull();
  });

  test("a kiosk's facts are read from its record as it is now", () => {
    const kiosk = {
      id: 'd1',
      displayName: 'Front till',
      status: 'active',
      compliance: { state: 'compliant' },
      attestationExpiresDateTime: '2030-01-01T00:00:00Z',
      group: null,
    };
    expect(factsOf(kiosk, Date.parse('2029-01-01'))).toEqual({
      enrolled: true,
      compliant: true,
      attestationFresh: true,
    });
    expect(factsOf({ ...kiosk, status: 'suspended' }, Date.parse('2031-01-01'))).toEqual({
      enrolled: false,
      compliant: false,
      attestationFresh: false,
    });
  });
});

describe('deleting', () => {
  test('names the item, keeps a refusal in the dialog, and closes once done', async () => {
    const request = new DeleteRequest();
    request.ask({ id: 'p1', displayName: 'Night' });
    expect(request.open).toBe(true);
    expect(await request.confirm(async () => 'A policy uses it.')).toBeNull();
    expect(request.open).toBe(true);
    expect(request.error).toBe('A policy uses it.');
    expect(await request.confirm(async () => null)).toEqual({ id: 'p1', displayName: 'Night' });
    expect(request.open).toBe(false);
  });
});

describe('words in the page language', () => {
  test('verdicts, templates and warnings follow the language passed; English by default', () => {
    const verdict: Parameters<typeof verdictSentence>[0] = {
      state: 'enabled',
      grant: 'block',
      applies: true,
      result: 'block',
      reasons: [],
      assigned: true,
      refusesAsAllowList: false,
    };
    expect(verdictSentence(verdict)).toBe('Applies and blocks this sign-in.');
    expect(verdictSentence(verdict, spanish)).toBe('Se aplica y bloquea este inicio de sesión.');
    expect(loggedVerdictSentence({ result: 'block', reasons: [] }, spanish)).toBe('Bloquea');
    expect(
      templateWords({ id: 'block-workers-at-night', displayName: 'x', description: 'y' }, spanish).name,
    ).toBe('Bloquear los inicios de sesión de empleados de noche');
    expect(templateWords({ id: 'new-one', displayName: 'Server words', description: 'd' }).name).toBe(
      'Server words',
    );
    const warning = { code: 'NO_STORE_NETWORK', message: 'server English' };
    expect(
      warningWords(warning, { grant: 'allow', conditions: { locations: { include: 'ownStores' } } }),
    ).toBe(english.warnings.ownStoresAllow);
    expect(
      warningWords(
        warning,
        { grant: 'block', conditions: { locations: { include: 'any', exclude: 'ownStores' } } },
        spanish,
      ),
    ).toBe(spanish.warnings.ownStoresExcept);
  });
});

describe("what-if's decision sentence", () => {
  const verdicts = [
    { policyId: 'a', name: 'Night' },
    { policyId: 'b', name: 'Kiosks only' },
  ];
  test('names the enabled policies behind the decision, in the page language', () => {
    expect(decisionSentence({ decision: 'block', decidedBy: ['a', 'b'], reason: 'x', verdicts })).toBe(
      'Blocked by “Night”, “Kiosks only”.',
    );
    expect(decisionSentence({ decision: 'allow', decidedBy: [], reason: 'x', verdicts }, spanish)).toBe(
      spanish.whatIf.decidedBy.none,
    );
  });
});
