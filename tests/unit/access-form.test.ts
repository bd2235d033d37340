/** The policy form: round trip with the API's conditions, empty choices, and the list's one-line summary. */
import { describe, expect, test } from 'vitest';
import {
  emptyPolicyForm,
  formFromPolicy,
  policyBody,
  problemsByField,
  summarizeConditions,
} from '../../src/lib/admin/access-form.js';
import { TEMPLATES } from '../../server/domain/conditional-access.js';

describe('policy form', () => {
  test.each(TEMPLATES.map((t) => [t.key, t.policy] as const))(
    'template %s survives the form unchanged',
    (_key, p) => {
      const body = policyBody(
        formFromPolicy({ displayName: p.name, state: p.state, grant: p.grant, conditions: p.conditions }),
      );
      expect(body).toEqual({ displayName: p.name, state: p.state, grant: p.grant, conditions: p.conditions });
    },
  );

  test('an empty form has no conditions at all (every sign-in), not an empty list that matches nobody', () => {
    expect(policyBody({ ...emptyPolicyForm(), displayName: 'x' }).conditions).toEqual({});
  });

  test('conditions the form cannot show are kept', () => {
    const conditions = {
      users: { include: 'all' as const, exclude: ['u1'] },
      roles: { include: 'all' as const, exclude: ['admin' as const] },
      locations: { include: ['l1'], exclude: 'ownStores' as const },
      timeWindows: [{ days: ['sat' as const], start: '00:00', end: '24:00', timeZone: 'Europe/Lisbon' }],
    };
    const form = formFromPolicy({ displayName: 'p', state: 'enabled', grant: 'block', conditions });
    expect(policyBody(form).conditions).toEqual(conditions);
  });

  test('target apps: none (every sign-in), any app, or chosen apps; an exclusion the form cannot show is kept', () => {
    const round = (conditions: object) =>
      policyBody(formFromPolicy({ displayName: 'p', state: 'enabled', grant: 'block', conditions }))
        .conditions;
    expect(round({})).not.toHaveProperty('apps');
    expect(round({ apps: { include: 'all' } })).toEqual({ apps: { include: 'all' } });
    expect(round({ apps: { include: ['a1', 'a2'] } })).toEqual({ apps: { include: ['a1', 'a2'] } });
    expect(round({ apps: { include: 'all', exclude: ['a3'] } })).toEqual({
      apps: { include: 'all', exclude: ['a3'] },
    });
    const chosen = { ...emptyPolicyForm(), displayName: 'x', appMode: 'chosen' as const, appIds: ['a1'] };
    expect(policyBody(chosen).conditions).toEqual({ apps: { include: ['a1'] } });
  });
});

test('summary in words', () => {
  const names = {
    group: (id: string) => `Store ${id}`,
    location: (id: string) => `Net ${id}`,
    app: (id: string) => `App ${id}`,
  };
  expect(summarizeConditions(TEMPLATES[0]!.policy.conditions, names)).toBe(
    'Roles: Workers · Device: Enrolled in kiosk mode, Compliant, Attestation fresh · Network: own stores',
  );
  expect(
    summarizeConditions(
      {
        groups: { include: ['a'] },
        locations: { include: 'any', exclude: ['n'] },
        timeWindows: [{ days: ['mon', 'tue'], start: '22:00', end: '06:00' }],
      },
      names,
    ),
  ).toBe('Stores: Store a · Network: any address except Net n · Time: Mon, Tue 22:00–06:00');
  expect(summarizeConditions({}, names)).toBe('Every sign-in');
  expect(summarizeConditions({ apps: { include: ['p'] }, deviceStates: ['enrolled'] }, names)).toBe(
    'Apps: App p · Device: Enrolled in kiosk mode',
  );
  expect(summarizeConditions({ apps: { include: 'all', exclude: ['r'] } }, names)).toBe(
    'Apps: any app except App r',
  );
});

describe('people, role, store and app exclusions', () => {
  const people = [
    { id: 'u1', displayName: 'Ana Núñez' },
    { id: 'u2', displayName: 'Rui Costa' },
  ];
  const round = (conditions: object) =>
    policyBody(formFromPolicy({ displayName: 'p', state: 'enabled', grant: 'block', conditions }, people))
      .conditions;

  test('every include/exclude the API can hold survives the form', () => {
    for (const conditions of [
      { users: { include: ['u1'] } },
      { users: { include: ['u1'], exclude: ['u2'] } },
      { users: { include: 'all', exclude: ['u2'] } },
      { roles: { include: ['worker'], exclude: ['admin'] } },
      { groups: { include: 'all', exclude: ['g1'] } },
      { groups: { include: ['g1', 'g2'], exclude: ['g3'] } },
      { apps: { include: 'all', exclude: ['a1'] } },
    ]) {
      expect(round(conditions)).toEqual(conditions);
    }
  });

  test('the form shows people by name, and unknown ones by id', () => {
    const form = formFromPolicy(
      {
        displayName: 'p',
        state: 'enabled',
        grant: 'block',
        conditions: { users: { include: ['u1', 'gone'], exclude: ['u2'] } },
      },
      people,
    );
    expect(form.peopleMode).toBe('chosen');
    expect(form.people.map((p) => p.displayName)).toEqual(['Ana Núñez', 'gone']);
    expect(form.peopleExcluded.map((p) => p.displayName)).toEqual(['Rui Costa']);
  });

  test('an exclusion alone means everyone except those', () => {
    const form = { ...emptyPolicyForm(), peopleExcluded: [people[1]!], rolesExcluded: ['admin' as const] };
    expect(policyBody(form).conditions).toEqual({
      users: { include: 'all', exclude: ['u2'] },
      roles: { include: 'all', exclude: ['admin'] },
    });
  });
});

describe('problems by field', () => {
  test('every problem the server lists, by its control, in a sentence', () => {
    expect(
      problemsByField({
        code: 'VALIDATION_FAILED',
        message: 'displayName: must not be empty',
        field: 'displayName',
        problems: [
          { field: 'displayName', message: 'must not be empty' },
          { field: 'conditions.groups.include.0', message: 'names a store that does not exist' },
          { field: 'conditions.timeWindows.0.start', message: 'must be a time from 00:00 to 23:59' },
        ],
      }),
    ).toEqual({
      displayName: 'Must not be empty',
      'conditions.groups.include': 'Names a store that does not exist',
      'conditions.timeWindows.0.start': 'Must be a time from 00:00 to 23:59',
    });
  });

  test('an older answer with one field still lands by its field; other errors are not field problems', () => {
    expect(
      problemsByField({
        code: 'VALIDATION_FAILED',
        message: 'displayName: must not be empty',
        field: 'displayName',
      }),
    ).toEqual({ displayName: 'Must not be empty' });
    expect(problemsByField({ code: 'FORBIDDEN', message: 'no' })).toEqual({});
  });
});
