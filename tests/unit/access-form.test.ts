/** The policy form: round trip with the API's conditions, empty choices, and the list's one-line summary. */
import { describe, expect, test } from 'vitest';
import {
  emptyPolicyForm,
  formFromPolicy,
  policyBody,
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
});

test('summary in words', () => {
  const names = { group: (id: string) => `Store ${id}`, location: (id: string) => `Net ${id}` };
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
});
