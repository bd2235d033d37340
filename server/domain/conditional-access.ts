/**
 * Conditional access: readable rules deciding whether a sign-in is allowed, blocked or needs a
 * second factor. Pure: the caller passes the policies, the named locations and what it knows about
 * the sign-in; the answer is the decision plus one verdict per policy (for the sign-in log and the
 * what-if page).
 *
 * A policy has ASSIGNMENTS (who, how and to what: users, groups, roles, sign-in methods, target apps —
 * always known) and
 * CONDITIONS on the circumstances (device state, client network, time window — which the sign-in
 * may not be able to tell). It APPLIES when every listed assignment and condition is met; an absent
 * one does not restrict. Lists name what matches, so an empty include list matches nothing.
 *
 * Missing data (default deny). A condition that needs a fact the sign-in lacks — no device
 * information, no (or an unreadable) client address, no time zone, a named location that does not
 * exist or holds an invalid range — is neither met nor failed: the policy's `applies` is 'unknown',
 * and it is resolved against the sign-in:
 * - an `allow` policy does NOT apply (it cannot vouch for what it cannot see);
 * - a `block` or `requireSecondFactor` policy DOES apply (it cannot be dodged by hiding a fact).
 * A condition that fails on known facts makes the policy not apply, whatever else is missing.
 *
 * Decision, from the ENABLED policies only:
 * 1. any applying `block` policy → block;
 * 2. allow-list deny: if at least one enabled `allow` policy is ASSIGNED to this sign-in (its users,
 *    groups, roles and methods match) but none of them applies → block. Writing an allow policy for
 *    workers means "workers only when…": a worker outside its conditions is refused, while people no
 *    allow policy speaks about (say, admins at the console) keep today's behaviour;
 * 3. any applying `requireSecondFactor` policy → requireSecondFactor (a second factor adds a check,
 *    it never lets in someone an allow list refused — hence after step 2);
 * 4. otherwise → allow: either an allow policy applies, or no enabled policy speaks about this
 *    sign-in. With no policies at all every sign-in is allowed, exactly as before conditional access
 *    existed. We deliberately do not block "when policies exist and none allows": one block rule for
 *    one store would then lock out everybody else, which no admin expects from adding a block rule.
 * `reportOnly` policies are evaluated and reported (their verdict says what they would have done)
 * and `reportOnlyDecision` says what the decision would be if they were enabled, but they never
 * change `decision`. `disabled` policies are listed, not evaluated.
 */
import { anyCidrContains, formatIpAddress, parseCidrList, parseIpAddress, unmapIpv4 } from './ip-address.js';
import {
  describeTimeWindow,
  isLocalTimeInWindow,
  localTimeAt,
  minutesOf,
  type TimeWindow,
} from './time-window.js';

import type { Role } from './roles.js';

export type { Role } from './roles.js';
export const SIGN_IN_METHODS = ['qrPin', 'password'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];
export const DEVICE_STATES = ['enrolled', 'compliant', 'attestationFresh'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];
export const POLICY_STATES = ['enabled', 'reportOnly', 'disabled'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];
export const GRANTS = ['allow', 'block', 'requireSecondFactor'] as const;
export type Grant = (typeof GRANTS)[number];

export interface IncludeExclude<T> {
  include: readonly T[] | 'all';
  exclude?: readonly T[];
}

export interface LocationCondition {
  /** Named-location ids, 'any' address, or 'ownStores': the locations of the user's own groups. */
  include: readonly string[] | 'any' | 'ownStores';
  /** Named-location ids, or 'ownStores'. */
  exclude?: readonly string[] | 'ownStores';
}

export interface PolicyConditions {
  users?: IncludeExclude<string>;
  groups?: IncludeExclude<string>;
  roles?: IncludeExclude<Role>;
  signInMethods?: readonly SignInMethod[];
  /** States the device must ALL have. */
  deviceStates?: readonly DeviceState[];
  locations?: LocationCondition;
  /** Met when the sign-in falls in ANY of the windows. */
  timeWindows?: readonly TimeWindow[];
  /**
   * Target resources (Entra's "target apps"): the store apps (OpenID clients) a policy is about. With
   * it, the policy speaks only about sign-ins to those apps (a worker opening the app from the kiosk);
   * without it, about every sign-in: the kiosk, the console and every app.
   */
  apps?: IncludeExclude<string>;
}

export interface ConditionalAccessPolicy {
  id: string;
  name: string;
  state: PolicyState;
  conditions: PolicyConditions;
  grant: Grant;
}

export interface NamedLocation {
  id: string;
  name: string;
  cidrs: readonly string[];
  /** The store (group) whose network this is, for `include: 'ownStores'`. */
  groupId?: string | null;
}

export interface DeviceFacts {
  enrolled: boolean;
  compliant: boolean;
  attestationFresh: boolean;
}

export interface SignInContext {
  user: { id: string; role: Role; groupIds: readonly string[] };
  /** null/absent: the sign-in carried no device information. */
  device?: DeviceFacts | null;
  /** The client's address as found by clientAddressOf; null/absent: unknown. */
  clientAddress?: string | null;
  instant: Date;
  /** The store's IANA zone, for time windows without their own zone; null/absent: unknown. */
  timeZone?: string | null;
  method: SignInMethod;
  /** The store app being signed in to; null/absent: a sign-in to Shiftpass itself (kiosk, console). */
  app?: { id: string; name: string } | null;
}

export type Decision = Grant;
export type VerdictResult = Grant | 'notApplicable' | 'notEvaluated';

export interface PolicyVerdict {
  policyId: string;
  name: string;
  state: PolicyState;
  grant: Grant;
  /** Whether every assignment and condition was met; 'unknown' when some fact was missing. */
  applies: boolean | 'unknown';
  /** What this policy does to the sign-in (for reportOnly: would do; it is not enforced). */
  result: VerdictResult;
  reasons: string[];
  /** Its users, groups, roles, methods and apps match: the policy speaks about this sign-in. */
  assigned: boolean;
  /**
   * An allow policy that speaks about this sign-in, does not apply, and no allow policy of its set
   * (the enabled ones; for a report-only one, enabled and report-only) applies: this policy is what
   * refuses the sign-in (the allow-list rule), though its `result` is 'notApplicable'.
   */
  refusesAsAllowList: boolean;
}

/**
 * A refusal's reason for the person refused, in a few stable codes the kiosk turns into one short
 * sentence in the worker's language (the sign-in log keeps `reason`, the long detail):
 * - NOT_A_STORE_KIOSK: the device is not an enrolled kiosk, or the sign-in carried no device;
 * - KIOSK_NOT_TRUSTED: an enrolled kiosk that is not compliant or whose attestation is not fresh;
 * - NOT_ON_STORE_NETWORK: an allow policy needs a network the sign-in is not (known to be) on;
 * - NETWORK_NOT_ALLOWED: a block policy refuses sign-ins from this network;
 * - OUTSIDE_HOURS: a time window (an allow policy's, not met; a block policy's, met);
 * - NOT_ALLOWED: anything else (who the person is, the sign-in method, the app).
 */
export const ACCESS_REASON_CODES = [
  'NOT_A_STORE_KIOSK',
  'KIOSK_NOT_TRUSTED',
  'NOT_ON_STORE_NETWORK',
  'NETWORK_NOT_ALLOWED',
  'OUTSIDE_HOURS',
  'NOT_ALLOWED',
] as const;
export type AccessReasonCode = (typeof ACCESS_REASON_CODES)[number];

export interface ConditionalAccessResult {
  decision: Decision;
  /** One sentence on why, naming the deciding policy. */
  reason: string;
  /** For a decision other than allow: the short reason for the person (see ACCESS_REASON_CODES). */
  reasonCode: AccessReasonCode | null;
  /** The ids of the enabled policies behind the decision (empty for a default). */
  decidedBy: string[];
  /** The decision if the reportOnly policies were enabled too. */
  reportOnlyDecision: Decision;
  verdicts: PolicyVerdict[];
}

type Outcome = 'met' | 'notMet' | 'unknown';
/** Which condition a check is about, for the person's reason code. */
type CheckKind = 'assignment' | 'enrolled' | 'deviceTrust' | 'location' | 'time';
interface ConditionCheck {
  outcome: Outcome;
  reason: string;
  kind?: CheckKind;
}

const DEVICE_STATE_WORDS: Record<DeviceState, { yes: string; no: string }> = {
  enrolled: { yes: 'enrolled', no: 'not enrolled' },
  compliant: { yes: 'compliant', no: 'not compliant' },
  attestationFresh: { yes: 'attestation fresh', no: 'attestation not fresh' },
};

const METHOD_WORDS: Record<SignInMethod, string> = { qrPin: 'QR code + PIN', password: 'password' };

function quoteNames(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}

function checkIncludeExclude<T extends string>(
  condition: IncludeExclude<T>,
  values: readonly T[],
  words: { noun: string; describe: (value: T) => string },
): ConditionCheck {
  const excluded = values.filter((value) => condition.exclude?.includes(value));
  if (excluded.length > 0) {
    return { outcome: 'notMet', reason: `${words.describe(excluded[0] as T)} is excluded` };
  }
  if (condition.include === 'all') return { outcome: 'met', reason: `all ${words.noun} included` };
  const include = condition.include;
  const included = values.filter((value) => include.includes(value));
  if (included.length === 0) {
    const reason =
      values.length === 1
        ? `${words.describe(values[0] as T)} is not included`
        : `none of the user's ${words.noun} is included`;
    return { outcome: 'notMet', reason };
  }
  return { outcome: 'met', reason: `${words.describe(included[0] as T)} is included` };
}

/**
 * Whether a policy names this store, named location or app in its include or exclude list (so it
 * cannot be deleted from under the policy).
 */
export function conditionsName(
  conditions: PolicyConditions,
  kind: 'groups' | 'locations' | 'apps',
  id: string,
): boolean {
  const condition = conditions[kind];
  return [condition?.include, condition?.exclude].some((list) => Array.isArray(list) && list.includes(id));
}

function checkApp(condition: IncludeExclude<string>, app: SignInContext['app']): ConditionCheck {
  if (!app) return { outcome: 'notMet', reason: 'a sign-in to Shiftpass itself, not to an app' };
  return checkIncludeExclude(condition, [app.id], { noun: 'apps', describe: () => `app '${app.name}'` });
}

function checkDevice(
  required: readonly DeviceState[],
  device: DeviceFacts | null | undefined,
): ConditionCheck {
  const kind: CheckKind = required.includes('enrolled') ? 'enrolled' : 'deviceTrust';
  if (required.length === 0) return { outcome: 'met', reason: 'no device state required', kind };
  if (!device) return { outcome: 'unknown', reason: 'no device information', kind: 'enrolled' };
  const missing = required.filter((state) => !device[state]);
  if (missing.length > 0) {
    return {
      outcome: 'notMet',
      reason: `device ${missing.map((state) => DEVICE_STATE_WORDS[state].no).join(', ')}`,
      kind: missing.includes('enrolled') ? 'enrolled' : 'deviceTrust',
    };
  }
  return {
    outcome: 'met',
    reason: `device ${required.map((s) => DEVICE_STATE_WORDS[s].yes).join(', ')}`,
    kind,
  };
}

interface ResolvedLocations {
  names: string[];
  problem: string | null;
  ranges: ReturnType<typeof parseCidrList>['ranges'];
}

function resolveLocations(ids: readonly string[], locations: readonly NamedLocation[]): ResolvedLocations {
  const resolved: ResolvedLocations = { names: [], problem: null, ranges: [] };
  for (const id of ids) {
    const location = locations.find((candidate) => candidate.id === id);
    if (!location) {
      resolved.problem ??= `named location ${id} does not exist`;
      continue;
    }
    resolved.names.push(location.name);
    const { ranges, invalid } = parseCidrList(location.cidrs);
    if (invalid.length > 0) resolved.problem ??= `'${location.name}' holds an invalid range '${invalid[0]}'`;
    resolved.ranges.push(...ranges);
  }
  return resolved;
}

function checkLocation(
  condition: LocationCondition,
  locations: readonly NamedLocation[],
  context: SignInContext,
): ConditionCheck {
  const ownStores = () =>
    locations
      .filter((location) => location.groupId && context.user.groupIds.includes(location.groupId))
      .map((location) => location.id);
  const includeIds =
    condition.include === 'any' ? null : condition.include === 'ownStores' ? ownStores() : condition.include;
  const include = includeIds ? resolveLocations(includeIds, locations) : null;
  const excludeIds = condition.exclude === 'ownStores' ? ownStores() : (condition.exclude ?? []);
  const exclude = resolveLocations(excludeIds, locations);
  const problem = include?.problem ?? exclude.problem;
  if (problem) return { outcome: 'unknown', reason: problem };
  if (include && include.names.length === 0) {
    const reason =
      condition.include === 'ownStores'
        ? "no named location belongs to the user's stores"
        : 'no named location listed';
    return { outcome: 'notMet', reason };
  }
  if (!context.clientAddress) return { outcome: 'unknown', reason: 'no client address' };
  const parsed = parseIpAddress(context.clientAddress);
  if (!parsed)
    return { outcome: 'unknown', reason: `client address '${context.clientAddress}' is unreadable` };
  const address = formatIpAddress(unmapIpv4(parsed));
  if (anyCidrContains(exclude.ranges, parsed)) {
    return {
      outcome: 'notMet',
      reason: `address ${address} is inside excluded ${quoteNames(exclude.names)}`,
    };
  }
  if (!include) return { outcome: 'met', reason: `address ${address} (any address)` };
  if (!anyCidrContains(include.ranges, parsed)) {
    return { outcome: 'notMet', reason: `address ${address} is outside ${quoteNames(include.names)}` };
  }
  return { outcome: 'met', reason: `address ${address} is inside ${quoteNames(include.names)}` };
}

function describeLocal(instant: Date, zone: string): string | null {
  const local = localTimeAt(instant, zone);
  if (!local) return null;
  const hh = String(Math.floor(local.minutes / 60)).padStart(2, '0');
  const mm = String(local.minutes % 60).padStart(2, '0');
  const day = local.weekday.charAt(0).toUpperCase() + local.weekday.slice(1);
  return `${day} ${hh}:${mm} in ${zone}`;
}

function checkTime(windows: readonly TimeWindow[], context: SignInContext): ConditionCheck {
  if (Number.isNaN(context.instant.getTime())) return { outcome: 'unknown', reason: 'no valid sign-in time' };
  let unknown: string | null = null;
  const outside: string[] = [];
  for (const window of windows) {
    const zone = window.timeZone ?? context.timeZone;
    if (!zone) {
      unknown ??= 'no time zone for the time window';
      continue;
    }
    const local = localTimeAt(context.instant, zone);
    if (!local) {
      unknown ??= `unknown time zone '${zone}'`;
      continue;
    }
    if (minutesOf(window.start) === null || minutesOf(window.end, true) === null) {
      unknown ??= `invalid time window ${describeTimeWindow(window)}`;
      continue;
    }
    const when = describeLocal(context.instant, zone) ?? zone;
    if (isLocalTimeInWindow(window, local)) {
      return { outcome: 'met', reason: `${when} is inside ${describeTimeWindow(window)}` };
    }
    outside.push(`${when} is outside ${describeTimeWindow(window)}`);
  }
  if (unknown) return { outcome: 'unknown', reason: unknown };
  if (outside.length === 0) return { outcome: 'notMet', reason: 'no time window listed' };
  return { outcome: 'notMet', reason: outside.join('; ') };
}

function checkAssignments(conditions: PolicyConditions, context: SignInContext): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  if (conditions.users) {
    checks.push(
      checkIncludeExclude(conditions.users, [context.user.id], { noun: 'users', describe: () => 'user' }),
    );
  }
  if (conditions.groups) {
    checks.push(
      checkIncludeExclude(conditions.groups, context.user.groupIds, {
        noun: 'groups',
        describe: (group) => `group ${group}`,
      }),
    );
  }
  if (conditions.roles) {
    checks.push(
      checkIncludeExclude(conditions.roles, [context.user.role], {
        noun: 'roles',
        describe: (role) => `role ${role}`,
      }),
    );
  }
  if (conditions.apps) checks.push(checkApp(conditions.apps, context.app ?? null));
  if (conditions.signInMethods) {
    const method = METHOD_WORDS[context.method];
    checks.push(
      conditions.signInMethods.includes(context.method)
        ? { outcome: 'met', reason: `sign-in with ${method} is included` }
        : { outcome: 'notMet', reason: `sign-in with ${method} is not included` },
    );
  }
  return checks;
}

function checkCircumstances(
  conditions: PolicyConditions,
  locations: readonly NamedLocation[],
  context: SignInContext,
): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  if (conditions.deviceStates) checks.push(checkDevice(conditions.deviceStates, context.device));
  if (conditions.locations) {
    checks.push({ ...checkLocation(conditions.locations, locations, context), kind: 'location' });
  }
  if (conditions.timeWindows) checks.push({ ...checkTime(conditions.timeWindows, context), kind: 'time' });
  return checks;
}

interface Evaluated {
  policy: ConditionalAccessPolicy;
  verdict: PolicyVerdict;
  /** Assignments met: the policy speaks about this sign-in. */
  assigned: boolean;
  /** The applies value resolved by the grant (unknown → false for allow, true otherwise). */
  effective: boolean;
  /** Every check made, assignments first. */
  checks: ConditionCheck[];
}

const RESULT_WORDS: Record<Grant, string> = {
  allow: 'allow',
  block: 'block',
  requireSecondFactor: 'require a second factor',
};

function evaluatePolicy(
  policy: ConditionalAccessPolicy,
  locations: readonly NamedLocation[],
  context: SignInContext,
): Evaluated {
  const base = { policyId: policy.id, name: policy.name, state: policy.state, grant: policy.grant };
  if (policy.state === 'disabled') {
    return {
      policy,
      assigned: false,
      effective: false,
      checks: [],
      verdict: {
        ...base,
        applies: false,
        result: 'notEvaluated',
        reasons: ['disabled: not evaluated'],
        assigned: false,
        refusesAsAllowList: false,
      },
    };
  }
  const assignments = checkAssignments(policy.conditions, context);
  const assigned = assignments.every((check) => check.outcome === 'met');
  const checks = [...assignments, ...checkCircumstances(policy.conditions, locations, context)];
  const notMet = checks.filter((check) => check.outcome === 'notMet');
  const unknown = checks.filter((check) => check.outcome === 'unknown');
  let applies: boolean | 'unknown';
  let reasons: string[];
  if (notMet.length > 0) {
    applies = false;
    reasons = notMet.map((check) => check.reason);
  } else if (unknown.length > 0) {
    applies = 'unknown';
    const treated =
      policy.grant === 'allow'
        ? 'treated as not met: an allow policy cannot vouch for what it cannot see'
        : 'treated as met: missing facts cannot dodge this policy';
    reasons = [...unknown.map((check) => check.reason), treated];
  } else {
    applies = true;
    reasons =
      checks.length > 0 ? checks.map((check) => check.reason) : ['no conditions: applies to every sign-in'];
  }
  const effective = applies === true || (applies === 'unknown' && policy.grant !== 'allow');
  const result: VerdictResult = effective ? policy.grant : 'notApplicable';
  if (policy.state === 'reportOnly') {
    reasons.push(
      effective
        ? `report-only: would ${RESULT_WORDS[policy.grant]}, not enforced`
        : 'report-only: not enforced',
    );
  }
  return {
    policy,
    assigned,
    effective,
    checks,
    verdict: { ...base, applies, result, reasons, assigned, refusesAsAllowList: false },
  };
}

/** What a refused person is told: the kind of the first condition behind the refusal. */
function reasonCodeOf(refusing: readonly Evaluated[], asAllowList: boolean): AccessReasonCode {
  for (const evaluated of refusing) {
    const behind = evaluated.checks.filter((check) =>
      asAllowList ? check.outcome !== 'met' : check.kind !== 'assignment' && check.kind !== undefined,
    );
    for (const check of behind) {
      if (check.kind === 'enrolled') return 'NOT_A_STORE_KIOSK';
      if (check.kind === 'deviceTrust') return 'KIOSK_NOT_TRUSTED';
      if (check.kind === 'location') return asAllowList ? 'NOT_ON_STORE_NETWORK' : 'NETWORK_NOT_ALLOWED';
      if (check.kind === 'time') return 'OUTSIDE_HOURS';
    }
  }
  return 'NOT_ALLOWED';
}

function decide(
  evaluated: readonly Evaluated[],
): Pick<ConditionalAccessResult, 'decision' | 'reason' | 'reasonCode' | 'decidedBy'> {
  const applying = (grant: Grant) => evaluated.filter((e) => e.effective && e.policy.grant === grant);
  const names = (list: readonly Evaluated[]) => quoteNames(list.map((e) => e.policy.name));
  const ids = (list: readonly Evaluated[]) => list.map((e) => e.policy.id);

  const blocking = applying('block');
  if (blocking.length > 0) {
    return {
      decision: 'block',
      reason: `blocked by ${names(blocking)}`,
      reasonCode: reasonCodeOf(blocking, false),
      decidedBy: ids(blocking),
    };
  }
  const allowing = applying('allow');
  const assignedAllows = evaluated.filter((e) => e.assigned && e.policy.grant === 'allow');
  if (allowing.length === 0 && assignedAllows.length > 0) {
    const why = assignedAllows.map((e) => `'${e.policy.name}' (${e.verdict.reasons.join('; ')})`).join(', ');
    return {
      decision: 'block',
      reason: `no allow policy was met: ${why}`,
      reasonCode: reasonCodeOf(assignedAllows, true),
      decidedBy: ids(assignedAllows),
    };
  }
  const secondFactor = applying('requireSecondFactor');
  if (secondFactor.length > 0) {
    return {
      decision: 'requireSecondFactor',
      reason: `second factor required by ${names(secondFactor)}`,
      reasonCode: reasonCodeOf(secondFactor, false),
      decidedBy: ids(secondFactor),
    };
  }
  if (allowing.length > 0) {
    return {
      decision: 'allow',
      reason: `allowed by ${names(allowing)}`,
      reasonCode: null,
      decidedBy: ids(allowing),
    };
  }
  return {
    decision: 'allow',
    reason: 'no enabled policy applies to this sign-in: allowed by default',
    reasonCode: null,
    decidedBy: [],
  };
}

/** Evaluates every policy for the sign-in and decides (see the module doc for the rules). */
export function evaluateConditionalAccess(
  policies: readonly ConditionalAccessPolicy[],
  locations: readonly NamedLocation[],
  context: SignInContext,
): ConditionalAccessResult {
  const evaluated = policies.map((policy) => evaluatePolicy(policy, locations, context));
  const enabled = evaluated.filter((e) => e.policy.state === 'enabled');
  const notDisabled = evaluated.filter((e) => e.policy.state !== 'disabled');
  const enforced = decide(enabled);
  const withReportOnly = decide(notDisabled);
  const anAllowApplies = (set: readonly Evaluated[]) =>
    set.some((e) => e.effective && e.policy.grant === 'allow');
  const allowedIn = { enabled: anAllowApplies(enabled), reportOnly: anAllowApplies(notDisabled) };
  return {
    ...enforced,
    reportOnlyDecision: withReportOnly.decision,
    verdicts: evaluated.map((e) => ({
      ...e.verdict,
      refusesAsAllowList:
        e.policy.state !== 'disabled' &&
        e.policy.grant === 'allow' &&
        e.assigned &&
        !e.effective &&
        !(e.policy.state === 'enabled' ? allowedIn.enabled : allowedIn.reportOnly),
    })),
  };
}

export interface PolicyTemplate {
  key: string;
  name: string;
  description: string;
  /** Starts report-only: watch the sign-in log, then enable. */
  policy: Omit<ConditionalAccessPolicy, 'id'>;
}

/**
 * Ready-made policies. They start `reportOnly` so an admin sees in the sign-in log whom they would
 * refuse before enforcing them. Locations use 'ownStores': give each store's named location the
 * store's group id.
 */
export const TEMPLATES: readonly PolicyTemplate[] = [
  {
    key: 'workers-enrolled-devices-own-store',
    name: "Workers only on enrolled devices in their own store's network",
    description:
      'Workers may sign in only on an enrolled, compliant kiosk device, from a network of one of their own stores. Any other worker sign-in is refused (allow-list). Managers and admins are not affected.',
    policy: {
      name: "Workers only on enrolled devices in their own store's network",
      state: 'reportOnly',
      grant: 'allow',
      conditions: {
        roles: { include: ['worker'] },
        deviceStates: ['enrolled', 'compliant', 'attestationFresh'],
        locations: { include: 'ownStores' },
      },
    },
  },
  {
    key: 'block-workers-at-night',
    name: 'Block worker sign-ins at night',
    description:
      "Refuses worker sign-ins from 22:00 to 06:00 in the store's time zone (adjust to the store's hours).",
    policy: {
      name: 'Block worker sign-ins at night',
      state: 'reportOnly',
      grant: 'block',
      conditions: {
        roles: { include: ['worker'] },
        timeWindows: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '22:00', end: '06:00' },
        ],
      },
    },
  },
  {
    key: 'second-factor-password-outside-stores',
    name: "Second factor for password sign-ins outside the stores' networks",
    description:
      "Managers and admins signing in with a password from outside their own stores' networks must also give a second factor.",
    policy: {
      name: "Second factor for password sign-ins outside the stores' networks",
      state: 'reportOnly',
      grant: 'requireSecondFactor',
      conditions: {
        roles: { include: ['manager', 'admin'] },
        signInMethods: ['password'],
        locations: { include: 'any', exclude: 'ownStores' },
      },
    },
  },
];
