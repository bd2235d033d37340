/** The conditional-access evaluator: decisions, verdicts and reasons, without a database. */
import { describe, expect, test } from 'vitest';
import {
  evaluateConditionalAccess,
  TEMPLATES,
  type ConditionalAccessPolicy,
  type DeviceFacts,
  type Grant,
  type NamedLocation,
  type PolicyConditions,
  type PolicyState,
  type SignInContext,
} from '../../server/domain/conditional-access.js';

const locations: NamedLocation[] = [
  {
    id: 'loc-lisbon',
    name: 'Lisbon store Wi-Fi',
    cidrs: ['203.0.113.0/24', '2001:db8:10::/48'],
    groupId: 'g-lisbon',
  },
  { id: 'loc-porto', name: 'Porto store Wi-Fi', cidrs: ['198.51.100.0/24'], groupId: 'g-porto' },
  { id: 'loc-guest', name: 'Guest Wi-Fi', cidrs: ['203.0.113.128/25'] },
  { id: 'loc-broken', name: 'Broken', cidrs: ['192.0.2.0/24', '10.0.0.1/8'] },
];

const compliantDevice: DeviceFacts = { enrolled: true, compliant: true, attestationFresh: true };
const MONDAY_10H = new Date('2026-01-05T10:00:00Z'); // 10:00 in Lisbon (UTC+0 in winter)
const SATURDAY_10H = new Date('2026-01-10T10:00:00Z');
const SUNDAY_23H = new Date('2026-01-11T23:00:00Z');

function worker(overrides: Partial<SignInContext> = {}): SignInContext {
  return {
    user: { id: 'u-ana', role: 'worker', groupIds: ['g-lisbon'] },
    device: compliantDevice,
    clientAddress: '203.0.113.9',
    instant: MONDAY_10H,
    timeZone: 'Europe/Lisbon',
    method: 'qrPin',
    ...overrides,
  };
}

function manager(overrides: Partial<SignInContext> = {}): SignInContext {
  return worker({
    user: { id: 'u-mia', role: 'manager', groupIds: ['g-lisbon'] },
    device: null,
    method: 'password',
    ...overrides,
  });
}

function policy(
  id: string,
  grant: Grant,
  conditions: PolicyConditions = {},
  state: PolicyState = 'enabled',
): ConditionalAccessPolicy {
  return { id, name: id, state, grant, conditions };
}

function template(key: string, state: PolicyState = 'enabled'): ConditionalAccessPolicy {
  const found = TEMPLATES.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no template ${key}`);
  return { ...found.policy, id: key, state };
}

const WORKERS_ON_ENROLLED = 'workers-enrolled-devices-own-store';

describe('template: workers only on enrolled devices in their own store network', () => {
  const policies = [template(WORKERS_ON_ENROLLED)];

  test.each<{
    name: string;
    context: SignInContext;
    decision: Grant;
    applies: boolean | 'unknown';
    reason: string;
  }>([
    {
      name: 'compliant device on the store network: allowed',
      context: worker(),
      decision: 'allow',
      applies: true,
      reason: "address 203.0.113.9 is inside 'Lisbon store Wi-Fi'",
    },
    {
      name: 'IPv6 on the store network: allowed',
      context: worker({ clientAddress: '2001:db8:10:4::7' }),
      decision: 'allow',
      applies: true,
      reason: "address 2001:db8:10:4::7 is inside 'Lisbon store Wi-Fi'",
    },
    {
      name: 'IPv4-mapped address of the store network: allowed, shown as IPv4',
      context: worker({ clientAddress: '::ffff:203.0.113.9' }),
      decision: 'allow',
      applies: true,
      reason: "address 203.0.113.9 is inside 'Lisbon store Wi-Fi'",
    },
    {
      name: 'unenrolled browser: refused',
      context: worker({ device: { enrolled: false, compliant: false, attestationFresh: false } }),
      decision: 'block',
      applies: false,
      reason: 'device not enrolled, not compliant, attestation not fresh',
    },
    {
      name: 'enrolled but stale attestation: refused',
      context: worker({ device: { ...compliantDevice, attestationFresh: false } }),
      decision: 'block',
      applies: false,
      reason: 'device attestation not fresh',
    },
    {
      name: 'no device information at all: refused (default deny)',
      context: worker({ device: null }),
      decision: 'block',
      applies: 'unknown',
      reason: 'no device information',
    },
    {
      name: 'outside any store network: refused',
      context: worker({ clientAddress: '192.0.2.44' }),
      decision: 'block',
      applies: false,
      reason: "address 192.0.2.44 is outside 'Lisbon store Wi-Fi'",
    },
    {
      name: "another store's network: refused",
      context: worker({ clientAddress: '198.51.100.7' }),
      decision: 'block',
      applies: false,
      reason: "address 198.51.100.7 is outside 'Lisbon store Wi-Fi'",
    },
    {
      name: 'no client address: refused (default deny)',
      context: worker({ clientAddress: null }),
      decision: 'block',
      applies: 'unknown',
      reason: 'no client address',
    },
    {
      name: 'unreadable client address: refused (default deny)',
      context: worker({ clientAddress: 'fe80::1%eth0' }),
      decision: 'block',
      applies: 'unknown',
      reason: "client address 'fe80::1%eth0' is unreadable",
    },
    {
      name: 'a worker whose store has no named location: refused',
      context: worker({ user: { id: 'u-rui', role: 'worker', groupIds: ['g-faro'] } }),
      decision: 'block',
      applies: false,
      reason: "no named location belongs to the user's stores",
    },
    {
      name: 'a worker of two stores may use either network',
      context: worker({
        user: { id: 'u-rui', role: 'worker', groupIds: ['g-lisbon', 'g-porto'] },
        clientAddress: '198.51.100.7',
      }),
      decision: 'allow',
      applies: true,
      reason: "address 198.51.100.7 is inside 'Lisbon store Wi-Fi', 'Porto store Wi-Fi'",
    },
    {
      name: 'a manager is not affected (allowed by default)',
      context: manager({ clientAddress: '192.0.2.44' }),
      decision: 'allow',
      applies: false,
      reason: 'role manager is not included',
    },
  ])('$name', ({ context, decision, applies, reason }) => {
    const result = evaluateConditionalAccess(policies, locations, context);
    expect(result.decision).toBe(decision);
    expect(result.verdicts).toHaveLength(1);
    expect(result.verdicts[0]?.applies).toBe(applies);
    expect(result.verdicts[0]?.reasons).toContain(reason);
  });

  test('a refused worker gets one readable sentence naming the policy and the reason', () => {
    const result = evaluateConditionalAccess(policies, locations, worker({ device: null }));
    expect(result.reason).toBe(
      "no allow policy was met: 'Workers only on enrolled devices in their own store's network' " +
        '(no device information; treated as not met: an allow policy cannot vouch for what it cannot see)',
    );
    expect(result.decidedBy).toEqual([WORKERS_ON_ENROLLED]);
  });

  test('known failures beat missing facts: unenrolled device and no address reads "not enrolled" only', () => {
    const result = evaluateConditionalAccess(
      policies,
      locations,
      worker({ device: { ...compliantDevice, enrolled: false }, clientAddress: null }),
    );
    expect(result.verdicts[0]?.applies).toBe(false);
    expect(result.verdicts[0]?.reasons).toEqual(['device not enrolled']);
  });
});

describe('default decision', () => {
  test('no policies at all: every sign-in is allowed, as before conditional access', () => {
    const result = evaluateConditionalAccess([], [], worker({ device: null, clientAddress: null }));
    expect(result).toEqual({
      decision: 'allow',
      reason: 'no enabled policy applies to this sign-in: allowed by default',
      reasonCode: null,
      decidedBy: [],
      reportOnlyDecision: 'allow',
      verdicts: [],
    });
  });

  test('one block rule for one store does not lock everybody else out', () => {
    const blockPorto = policy('block-porto-nights', 'block', { groups: { include: ['g-porto'] } });
    const result = evaluateConditionalAccess([blockPorto], locations, worker());
    expect(result.decision).toBe('allow');
    expect(result.verdicts[0]).toMatchObject({ applies: false, result: 'notApplicable' });
    expect(result.verdicts[0]?.reasons).toEqual(['group g-lisbon is not included']);
  });

  test('an allow policy assigned to the user but not met: blocked (allow list)', () => {
    const weekdays = policy('weekdays', 'allow', {
      roles: { include: ['worker'] },
      timeWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '22:00' }],
    });
    const result = evaluateConditionalAccess([weekdays], locations, worker({ instant: SATURDAY_10H }));
    expect(result.decision).toBe('block');
    expect(result.verdicts[0]?.reasons).toEqual([
      'Sat 10:00 in Europe/Lisbon is outside Mon–Fri 06:00–22:00',
    ]);
  });

  test('any one of several allow policies is enough', () => {
    const weekdays = policy('weekdays', 'allow', {
      timeWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '22:00' }],
    });
    const weekends = policy('weekends', 'allow', {
      timeWindows: [{ days: ['sat', 'sun'], start: '08:00', end: '20:00' }],
    });
    const result = evaluateConditionalAccess(
      [weekdays, weekends],
      locations,
      worker({ instant: SATURDAY_10H }),
    );
    expect(result).toMatchObject({ decision: 'allow', decidedBy: ['weekends'] });
  });
});

describe('precedence: block > allow-list deny > second factor > allow', () => {
  const allowAll = policy('allow-all', 'allow');
  const secondFactorAll = policy('2fa-all', 'requireSecondFactor');
  const blockWorkers = policy('block-workers', 'block', { roles: { include: ['worker'] } });
  const allowManagersOnDevices = policy('managers-on-devices', 'allow', {
    roles: { include: ['manager'] },
    deviceStates: ['enrolled'],
  });

  test.each<[string, ConditionalAccessPolicy[], SignInContext, Grant, string[]]>([
    [
      'block beats second factor and allow',
      [allowAll, secondFactorAll, blockWorkers],
      worker(),
      'block',
      ['block-workers'],
    ],
    [
      'second factor beats allow',
      [allowAll, secondFactorAll, blockWorkers],
      manager(),
      'requireSecondFactor',
      ['2fa-all'],
    ],
    ['allow alone', [allowAll], worker(), 'allow', ['allow-all']],
    [
      'allow-list deny beats second factor',
      [secondFactorAll, allowManagersOnDevices],
      manager(),
      'block',
      ['managers-on-devices'],
    ],
    [
      'second factor when the allow list is met',
      [secondFactorAll, allowManagersOnDevices],
      manager({ device: compliantDevice }),
      'requireSecondFactor',
      ['2fa-all'],
    ],
  ])('%s', (_name, policies, context, decision, decidedBy) => {
    const result = evaluateConditionalAccess(policies, locations, context);
    expect(result.decision).toBe(decision);
    expect(result.decidedBy).toEqual(decidedBy);
  });

  test('the decision names every deciding policy', () => {
    const second = policy('block-passwords', 'block', { signInMethods: ['password'] });
    const blockManagers = policy('block-managers', 'block', { roles: { include: ['manager'] } });
    const result = evaluateConditionalAccess([second, blockManagers], locations, manager());
    expect(result.reason).toBe("blocked by 'block-passwords', 'block-managers'");
  });
});

describe('missing data: not met for allow, met for block and second factor', () => {
  const outsideStores = { include: 'any', exclude: ['loc-lisbon', 'loc-porto'] } as const;
  const night = [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '22:00', end: '06:00' },
  ] as const;

  test.each<[string, ConditionalAccessPolicy, SignInContext, Grant, boolean | 'unknown', string]>([
    [
      'block outside stores, no address → block',
      policy('b', 'block', { locations: outsideStores }),
      worker({ clientAddress: null }),
      'block',
      'unknown',
      'no client address',
    ],
    [
      'block outside stores, store address → allow',
      policy('b', 'block', { locations: outsideStores }),
      worker(),
      'allow',
      false,
      "address 203.0.113.9 is inside excluded 'Lisbon store Wi-Fi', 'Porto store Wi-Fi'",
    ],
    [
      'block outside stores, other address → block',
      policy('b', 'block', { locations: outsideStores }),
      worker({ clientAddress: '192.0.2.1' }),
      'block',
      true,
      'address 192.0.2.1 (any address)',
    ],
    [
      'block at night, no time zone → block',
      policy('b', 'block', { timeWindows: night }),
      worker({ timeZone: null }),
      'block',
      'unknown',
      'no time zone for the time window',
    ],
    [
      'block at night, unknown time zone → block',
      policy('b', 'block', { timeWindows: night }),
      worker({ timeZone: 'Mars/Base' }),
      'block',
      'unknown',
      "unknown time zone 'Mars/Base'",
    ],
    [
      'block at night, daytime → allow',
      policy('b', 'block', { timeWindows: night }),
      worker(),
      'allow',
      false,
      'Mon 10:00 in Europe/Lisbon is outside every day 22:00–06:00',
    ],
    [
      'block at night, night → block',
      policy('b', 'block', { timeWindows: night }),
      worker({ instant: SUNDAY_23H }),
      'block',
      true,
      'Sun 23:00 in Europe/Lisbon is inside every day 22:00–06:00',
    ],
    [
      'second factor outside stores, no address → second factor',
      policy('m', 'requireSecondFactor', { locations: outsideStores }),
      manager({ clientAddress: null }),
      'requireSecondFactor',
      'unknown',
      'no client address',
    ],
    [
      'block at night, invalid instant → block',
      policy('b', 'block', { timeWindows: night }),
      worker({ instant: new Date(Number.NaN) }),
      'block',
      'unknown',
      'no valid sign-in time',
    ],
    [
      'block on enrolled devices, no device info → block',
      policy('b', 'block', { deviceStates: ['enrolled'] }),
      worker({ device: null }),
      'block',
      'unknown',
      'no device information',
    ],
    [
      'allow in the store, no address → block',
      policy('a', 'allow', { locations: { include: ['loc-lisbon'] } }),
      worker({ clientAddress: null }),
      'block',
      'unknown',
      'no client address',
    ],
    [
      'allow in hours, no time zone → block',
      policy('a', 'allow', { timeWindows: night }),
      worker({ timeZone: null }),
      'block',
      'unknown',
      'no time zone for the time window',
    ],
    [
      'allow in a location that does not exist → block',
      policy('a', 'allow', { locations: { include: ['loc-gone'] } }),
      worker(),
      'block',
      'unknown',
      'named location loc-gone does not exist',
    ],
    [
      'allow in a location with an invalid range → block',
      policy('a', 'allow', { locations: { include: ['loc-broken'] } }),
      worker({ clientAddress: '192.0.2.1' }),
      'block',
      'unknown',
      "'Broken' holds an invalid range '10.0.0.1/8'",
    ],
    [
      'allow except a dangling exclusion → block, not a wider allow',
      policy('a', 'allow', { locations: { include: 'any', exclude: ['loc-gone'] } }),
      worker(),
      'block',
      'unknown',
      'named location loc-gone does not exist',
    ],
    [
      'block except a dangling exclusion → block',
      policy('b', 'block', { locations: { include: 'any', exclude: ['loc-gone'] } }),
      worker(),
      'block',
      'unknown',
      'named location loc-gone does not exist',
    ],
  ])('%s', (_name, rule, context, decision, applies, reason) => {
    const result = evaluateConditionalAccess([rule], locations, context);
    expect(result.decision).toBe(decision);
    expect(result.verdicts[0]?.applies).toBe(applies);
    expect(result.verdicts[0]?.reasons).toContain(reason);
  });

  test('the verdict says how a missing fact was treated', () => {
    const allow = policy('a', 'allow', { deviceStates: ['enrolled'] });
    const block = policy('b', 'block', { deviceStates: ['enrolled'] });
    const [allowVerdict, blockVerdict] = evaluateConditionalAccess(
      [allow, block],
      locations,
      worker({ device: null }),
    ).verdicts;
    expect(allowVerdict).toMatchObject({ applies: 'unknown', result: 'notApplicable' });
    expect(allowVerdict?.reasons).toContain(
      'treated as not met: an allow policy cannot vouch for what it cannot see',
    );
    expect(blockVerdict).toMatchObject({ applies: 'unknown', result: 'block' });
    expect(blockVerdict?.reasons).toContain('treated as met: missing facts cannot dodge this policy');
  });
});

describe('report-only and disabled policies', () => {
  test('a report-only block is reported (would block) but not enforced', () => {
    const rule = policy('b', 'block', { roles: { include: ['worker'] } }, 'reportOnly');
    const result = evaluateConditionalAccess([rule], locations, worker());
    expect(result.decision).toBe('allow');
    expect(result.reportOnlyDecision).toBe('block');
    expect(result.verdicts[0]).toMatchObject({ state: 'reportOnly', applies: true, result: 'block' });
    expect(result.verdicts[0]?.reasons).toContain('report-only: would block, not enforced');
  });

  test('a report-only allow list refusing a worker does not refuse them yet', () => {
    const rule = template(WORKERS_ON_ENROLLED, 'reportOnly');
    const result = evaluateConditionalAccess([rule], locations, worker({ device: null }));
    expect(result).toMatchObject({ decision: 'allow', reportOnlyDecision: 'block', decidedBy: [] });
    expect(result.verdicts[0]).toMatchObject({ applies: 'unknown', result: 'notApplicable' });
    expect(result.verdicts[0]?.reasons).toContain('report-only: not enforced');
  });

  test('report-only policies do not soften enabled ones', () => {
    const enabled = policy('b', 'block', { roles: { include: ['worker'] } });
    const reportOnlyAllow = policy('a', 'allow', {}, 'reportOnly');
    const result = evaluateConditionalAccess([enabled, reportOnlyAllow], locations, worker());
    expect(result.decision).toBe('block');
    expect(result.verdicts[1]).toMatchObject({ state: 'reportOnly', result: 'allow' });
  });

  test('a disabled policy is listed as not evaluated and changes nothing', () => {
    const rule = policy('b', 'block', {}, 'disabled');
    const result = evaluateConditionalAccess([rule], locations, worker());
    expect(result.decision).toBe('allow');
    expect(result.reportOnlyDecision).toBe('allow');
    expect(result.verdicts).toEqual([
      {
        policyId: 'b',
        name: 'b',
        state: 'disabled',
        grant: 'block',
        applies: false,
        result: 'notEvaluated',
        reasons: ['disabled: not evaluated'],
        assigned: false,
        refusesAsAllowList: false,
      },
    ]);
  });

  test('verdicts come back in the order of the policies, one each', () => {
    const rules = [
      policy('x', 'allow', {}, 'disabled'),
      policy('y', 'block', {}, 'reportOnly'),
      policy('z', 'allow'),
    ];
    const result = evaluateConditionalAccess(rules, locations, worker());
    expect(result.verdicts.map((verdict) => [verdict.policyId, verdict.result])).toEqual([
      ['x', 'notEvaluated'],
      ['y', 'block'],
      ['z', 'allow'],
    ]);
  });
});

describe('assignments: users, groups, roles, sign-in methods', () => {
  test.each<[string, PolicyConditions, SignInContext, boolean, string]>([
    ['user included by id', { users: { include: ['u-ana'] } }, worker(), true, 'user is included'],
    ['user not in the list', { users: { include: ['u-other'] } }, worker(), false, 'user is not included'],
    [
      'all users but excluded',
      { users: { include: 'all', exclude: ['u-ana'] } },
      worker(),
      false,
      'user is excluded',
    ],
    ['group included', { groups: { include: ['g-lisbon'] } }, worker(), true, 'group g-lisbon is included'],
    [
      'group excluded wins over include',
      { groups: { include: 'all', exclude: ['g-lisbon'] } },
      worker(),
      false,
      'group g-lisbon is excluded',
    ],
    [
      'no groups at all',
      { groups: { include: ['g-lisbon'] } },
      worker({ user: { id: 'u-x', role: 'worker', groupIds: [] } }),
      false,
      "none of the user's groups is included",
    ],
    [
      'role excluded',
      { roles: { include: 'all', exclude: ['worker'] } },
      worker(),
      false,
      'role worker is excluded',
    ],
    [
      'empty include matches nobody',
      { roles: { include: [] } },
      worker(),
      false,
      'role worker is not included',
    ],
    [
      'method included',
      { signInMethods: ['qrPin'] },
      worker(),
      true,
      'sign-in with QR code + PIN is included',
    ],
    [
      'method not included',
      { signInMethods: ['password'] },
      worker(),
      false,
      'sign-in with QR code + PIN is not included',
    ],
    ['no conditions: every sign-in', {}, worker(), true, 'no conditions: applies to every sign-in'],
  ])('%s', (_name, conditions, context, applies, reason) => {
    const result = evaluateConditionalAccess([policy('p', 'block', conditions)], locations, context);
    expect(result.verdicts[0]?.applies).toBe(applies);
    expect(result.verdicts[0]?.reasons).toContain(reason);
    expect(result.decision).toBe(applies ? 'block' : 'allow');
  });

  test('every condition must hold: one failure is enough to not apply', () => {
    const rule = policy('p', 'block', {
      roles: { include: ['worker'] },
      signInMethods: ['password'],
      locations: { include: ['loc-lisbon'] },
    });
    const result = evaluateConditionalAccess([rule], locations, worker());
    expect(result.verdicts[0]?.applies).toBe(false);
    expect(result.verdicts[0]?.reasons).toEqual(['sign-in with QR code + PIN is not included']);
  });

  test('guest Wi-Fi carved out of the store range', () => {
    const rule = policy('a', 'allow', { locations: { include: ['loc-lisbon'], exclude: ['loc-guest'] } });
    const inStore = evaluateConditionalAccess([rule], locations, worker({ clientAddress: '203.0.113.127' }));
    const onGuest = evaluateConditionalAccess([rule], locations, worker({ clientAddress: '203.0.113.128' }));
    expect(inStore.decision).toBe('allow');
    expect(onGuest.decision).toBe('block');
    expect(onGuest.verdicts[0]?.reasons).toEqual(["address 203.0.113.128 is inside excluded 'Guest Wi-Fi'"]);
  });
});

describe('target apps: policies about sign-ins to store apps', () => {
  const payroll = { id: 'app-payroll', name: 'Payroll' };
  const rota = { id: 'app-rota', name: 'Rota' };
  const onlyPayroll: PolicyConditions = { apps: { include: [payroll.id] } };

  test.each<[string, PolicyConditions, SignInContext, boolean, string]>([
    ['the named app', onlyPayroll, worker({ app: payroll }), true, "app 'Payroll' is included"],
    ['another app', onlyPayroll, worker({ app: rota }), false, "app 'Rota' is not included"],
    ['the kiosk itself', onlyPayroll, worker(), false, 'a sign-in to Shiftpass itself, not to an app'],
    ['all apps, an app', { apps: { include: 'all' } }, worker({ app: rota }), true, 'all apps included'],
    [
      'all apps, the console',
      { apps: { include: 'all' } },
      manager(),
      false,
      'a sign-in to Shiftpass itself, not to an app',
    ],
    [
      'all apps but one, that one',
      { apps: { include: 'all', exclude: [rota.id] } },
      worker({ app: rota }),
      false,
      "app 'Rota' is excluded",
    ],
  ])('%s', (_name, conditions, context, applies, reason) => {
    const verdict = evaluateConditionalAccess([policy('p', 'block', conditions)], locations, context)
      .verdicts[0]!;
    expect(verdict.applies).toBe(applies);
    expect(verdict.reasons[0]).toBe(reason);
  });

  test('a policy without apps speaks about every sign-in, apps included', () => {
    const night = policy('night', 'block', { roles: { include: ['worker'] } });
    expect(evaluateConditionalAccess([night], locations, worker({ app: payroll })).decision).toBe('block');
  });

  test('an allow list for one app refuses that app outside its conditions and nothing else', () => {
    const enrolledOnly = policy('payroll-enrolled', 'allow', { ...onlyPayroll, deviceStates: ['enrolled'] });
    const unenrolled = { device: { enrolled: false, compliant: false, attestationFresh: false } };
    expect(
      evaluateConditionalAccess([enrolledOnly], locations, worker({ ...unenrolled, app: payroll })).decision,
    ).toBe('block');
    expect(
      evaluateConditionalAccess([enrolledOnly], locations, worker({ ...unenrolled, app: rota })).decision,
    ).toBe('allow');
    expect(evaluateConditionalAccess([enrolledOnly], locations, worker(unenrolled)).decision).toBe('allow');
    expect(evaluateConditionalAccess([enrolledOnly], locations, worker({ app: payroll })).decision).toBe(
      'allow',
    );
  });
});

describe('TEMPLATES', () => {
  test('every template starts report-only and has a unique key', () => {
    expect(TEMPLATES.map((t) => t.policy.state)).toEqual(TEMPLATES.map(() => 'reportOnly'));
    expect(new Set(TEMPLATES.map((t) => t.key)).size).toBe(TEMPLATES.length);
  });

  test('night block: a worker at 23:00 is refused, at 10:00 allowed', () => {
    const rules = [template('block-workers-at-night')];
    expect(evaluateConditionalAccess(rules, locations, worker({ instant: SUNDAY_23H })).decision).toBe(
      'block',
    );
    expect(evaluateConditionalAccess(rules, locations, worker()).decision).toBe('allow');
  });

  test("second factor for password sign-ins outside the stores' networks", () => {
    const rules = [template('second-factor-password-outside-stores')];
    const outside = manager({ clientAddress: '192.0.2.1' });
    expect(evaluateConditionalAccess(rules, locations, outside).decision).toBe('requireSecondFactor');
    expect(evaluateConditionalAccess(rules, locations, manager()).decision).toBe('allow');
    expect(evaluateConditionalAccess(rules, locations, worker({ clientAddress: '192.0.2.1' })).decision).toBe(
      'allow',
    );
  });
});

describe('reason codes: what a refused worker is told', () => {
  const template = TEMPLATES.find((t) => t.key === 'workers-enrolled-devices-own-store')!.policy;
  const ownNetwork = { ...template, id: 'own', state: 'enabled' as const };
  const codeFor = (rules: ConditionalAccessPolicy[], context: SignInContext) =>
    evaluateConditionalAccess(rules, locations, context).reasonCode;

  test('the allow-list rule names the first condition the sign-in did not meet', () => {
    expect(codeFor([ownNetwork], worker({ device: null }))).toBe('NOT_A_STORE_KIOSK');
    expect(codeFor([ownNetwork], worker({ device: { ...compliantDevice, enrolled: false } }))).toBe(
      'NOT_A_STORE_KIOSK',
    );
    expect(codeFor([ownNetwork], worker({ device: { ...compliantDevice, compliant: false } }))).toBe(
      'KIOSK_NOT_TRUSTED',
    );
    expect(codeFor([ownNetwork], worker({ clientAddress: '192.0.2.44' }))).toBe('NOT_ON_STORE_NETWORK');
    expect(codeFor([ownNetwork], worker({ clientAddress: null }))).toBe('NOT_ON_STORE_NETWORK');
    const shopHours = policy('hours', 'allow', {
      roles: { include: ['worker'] },
      timeWindows: [{ days: ['mon'], start: '08:00', end: '09:00' }],
    });
    expect(codeFor([shopHours], worker())).toBe('OUTSIDE_HOURS');
  });

  test('a block policy names the condition that made it apply', () => {
    const night = TEMPLATES.find((t) => t.key === 'block-workers-at-night')!.policy;
    expect(codeFor([{ ...night, id: 'night', state: 'enabled' }], worker({ instant: SUNDAY_23H }))).toBe(
      'OUTSIDE_HOURS',
    );
    const guest = policy('guest', 'block', { locations: { include: ['loc-guest'] } });
    expect(codeFor([guest], worker({ clientAddress: '203.0.113.200' }))).toBe('NETWORK_NOT_ALLOWED');
    const everyWorker = policy('all', 'block', { roles: { include: ['worker'] } });
    expect(codeFor([everyWorker], worker())).toBe('NOT_ALLOWED');
  });

  test('an allowed sign-in carries no reason code', () => {
    expect(codeFor([ownNetwork], worker())).toBeNull();
    expect(codeFor([], worker())).toBeNull();
  });
});

describe('refusesAsAllowList: the allow policy behind an allow-list refusal', () => {
  const needsKiosk = (id: string, state: PolicyState = 'enabled') =>
    policy(id, 'allow', { roles: { include: ['worker'] }, deviceStates: ['enrolled'] }, state);

  test('an assigned allow policy that does not apply refuses when no allow policy applies', () => {
    const result = evaluateConditionalAccess([needsKiosk('k')], locations, worker({ device: null }));
    expect(result.decision).toBe('block');
    expect(result.verdicts[0]).toMatchObject({
      result: 'notApplicable',
      assigned: true,
      refusesAsAllowList: true,
    });
  });

  test('it does not refuse when another allow policy lets the sign-in in', () => {
    const anywhere = policy('any', 'allow', { roles: { include: ['worker'] } });
    const result = evaluateConditionalAccess(
      [needsKiosk('k'), anywhere],
      locations,
      worker({ device: null }),
    );
    expect(result.decision).toBe('allow');
    expect(result.verdicts[0]).toMatchObject({ result: 'notApplicable', refusesAsAllowList: false });
  });

  test('an allow policy not about this person refuses nothing', () => {
    const managersOnly = policy('m', 'allow', {
      roles: { include: ['manager'] },
      deviceStates: ['enrolled'],
    });
    const result = evaluateConditionalAccess([managersOnly], locations, worker({ device: null }));
    expect(result.verdicts[0]).toMatchObject({ assigned: false, refusesAsAllowList: false });
  });

  test('a report-only allow policy would refuse, weighed with the enabled and report-only ones', () => {
    const result = evaluateConditionalAccess(
      [needsKiosk('k', 'reportOnly')],
      locations,
      worker({ device: null }),
    );
    expect(result.decision).toBe('allow');
    expect(result.reportOnlyDecision).toBe('block');
    expect(result.verdicts[0]).toMatchObject({ refusesAsAllowList: true });
  });
});
