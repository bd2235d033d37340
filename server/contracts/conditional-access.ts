/**
 * Request and response shapes for conditional access (/api/admin/conditional-access/…), shared with
 * src/. Conditions mirror the pure domain types (server/domain/conditional-access.ts); what the
 * schema cannot see (whether a referenced store, person or named location exists) the service checks.
 */
import { z } from 'zod';
import type {
  ConditionalAccessResult,
  Decision,
  DeviceFacts,
  Grant,
  PolicyConditions,
  PolicyState,
  SignInMethod,
} from '../domain/conditional-access.js';
import { DEVICE_STATES, GRANTS, POLICY_STATES, SIGN_IN_METHODS } from '../domain/conditional-access.js';
import { cidrProblem, parseIpAddress } from '../domain/ip-address.js';
import { timeWindowProblems, WEEKDAYS } from '../domain/time-window.js';
import { canonicalTimeZone } from '../domain/time-zone.js';
import { idParam } from './pagination.js';
import { ROLES } from './schemas.js';
import { displayText } from './text.js';
import type { PolicyWarning } from '../domain/access-policy-warnings.js';

export { DEVICE_STATES, GRANTS, POLICY_STATES, SIGN_IN_METHODS };
export const CA_NAME_MAX_LENGTH = 128;
export const MAX_CIDRS_PER_LOCATION = 200;
export const MAX_LIST = 200;

const name = displayText(CA_NAME_MAX_LENGTH, 'must not be empty');

const timeZone = z
  .string()
  .max(64)
  .refine((zone) => canonicalTimeZone(zone) !== null, 'must be an IANA time zone name such as Europe/Lisbon')
  .transform((zone) => canonicalTimeZone(zone)!);

const includeExclude = <T extends z.ZodType<string>>(item: T) =>
  z.strictObject({
    include: z.union([z.literal('all'), z.array(item).max(MAX_LIST)]),
    exclude: z.array(item).max(MAX_LIST).optional(),
  });

const FIELD_OF_PROBLEM: [RegExp, 'days' | 'start' | 'end'][] = [
  [/day/, 'days'],
  [/^start/, 'start'],
  [/^end/, 'end'],
];

const timeWindow = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS)).max(7),
    start: z.string().max(5),
    end: z.string().max(5),
    timeZone: timeZone.optional(),
  })
  .superRefine((window, ctx) => {
    for (const problem of timeWindowProblems(window)) {
      const field = FIELD_OF_PROBLEM.find(([pattern]) => pattern.test(problem))?.[1] ?? 'days';
      ctx.addIssue({ code: 'custom', path: [field], message: problem.replace(/^(start|end) /, '') });
    }
  });

const locationIds = z.array(idParam).max(MAX_LIST);

export const policyConditions = z.strictObject({
  users: includeExclude(idParam).optional(),
  groups: includeExclude(idParam).optional(),
  roles: includeExclude(z.enum(ROLES)).optional(),
  signInMethods: z.array(z.enum(SIGN_IN_METHODS)).max(2).optional(),
  deviceStates: z.array(z.enum(DEVICE_STATES)).max(3).optional(),
  locations: z
    .strictObject({
      include: z.union([z.literal('any'), z.literal('ownStores'), locationIds]),
      exclude: z.union([z.literal('ownStores'), locationIds]).optional(),
    })
    .optional(),
  timeWindows: z.array(timeWindow).max(20).optional(),
  apps: includeExclude(idParam).optional(),
}) satisfies z.ZodType<PolicyConditions>;

export const createPolicyBody = z.strictObject({
  displayName: name,
  state: z.enum(POLICY_STATES),
  grant: z.enum(GRANTS),
  conditions: policyConditions,
});

/** Every field optional; `conditions` replaces the conditions as a whole. */
export const patchPolicyBody = z.strictObject({
  displayName: name.optional(),
  state: z.enum(POLICY_STATES).optional(),
  grant: z.enum(GRANTS).optional(),
  conditions: policyConditions.optional(),
});

export type PolicyConditionsInput = z.output<typeof policyConditions>;

export interface PolicyView {
  id: string;
  displayName: string;
  state: PolicyState;
  grant: Grant;
  conditions: PolicyConditions;
  createdDateTime: string;
  modifiedDateTime: string;
  /** What will not work as expected with the named locations as they are now (never a refusal). */
  warnings: PolicyWarning[];
  /** The people the conditions name (include and exclude), with their names for the console. */
  people: { id: string; displayName: string }[];
}

/**
 * VALIDATION_FAILED from the policy routes names the first problem's `field` (as every route does)
 * and lists every problem in `problems`, so a form can show each next to its field.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A ready-made policy: `policy` can be POSTed as it is (it starts report-only). */
export interface PolicyTemplateView {
  id: string;
  displayName: string;
  description: string;
  policy: z.input<typeof createPolicyBody>;
  /** The warnings the policy would get if saved now (e.g. no store has a named location yet). */
  warnings: PolicyWarning[];
}

const cidrList = z
  .array(z.string().max(64))
  .min(1, 'list at least one address range')
  .max(MAX_CIDRS_PER_LOCATION)
  .superRefine((cidrs, ctx) => {
    cidrs.forEach((cidr, index) => {
      const problem = cidrProblem(cidr);
      if (problem) ctx.addIssue({ code: 'custom', path: [index], message: `'${cidr.trim()}' ${problem}` });
    });
  })
  .transform((cidrs) => cidrs.map((cidr) => cidr.trim()));

export const createNamedLocationBody = z.strictObject({
  displayName: name,
  cidrs: cidrList,
  /** The store whose network this is (for policies using "own stores"); null: no store. */
  groupId: idParam.nullable().optional(),
});

export const patchNamedLocationBody = z.strictObject({
  displayName: name.optional(),
  cidrs: cidrList.optional(),
  groupId: idParam.nullable().optional(),
});

export interface NamedLocationView {
  id: string;
  displayName: string;
  cidrs: string[];
  groupId: string | null;
  createdDateTime: string;
  modifiedDateTime: string;
}

const deviceFacts = z.strictObject({
  enrolled: z.boolean(),
  compliant: z.boolean(),
  attestationFresh: z.boolean(),
}) satisfies z.ZodType<DeviceFacts>;

/** A hypothetical sign-in. Absent address or time zone are evaluated as missing, as at a real sign-in. */
export const whatIfBody = z.strictObject({
  userId: idParam,
  /** null: no device; facts as given; or an enrolled device's live record. */
  device: z.union([z.null(), deviceFacts, z.strictObject({ deviceId: idParam })]),
  ipAddress: z
    .string()
    .trim()
    .max(64)
    .refine((text) => parseIpAddress(text) !== null, 'must be an IPv4 or IPv6 address such as 203.0.113.7')
    .nullable()
    .optional(),
  /** The instant of the sign-in; default now. */
  dateTime: z.iso.datetime({ offset: true }).optional(),
  method: z.enum(SIGN_IN_METHODS),
  /** The store app being signed in to; absent or null: a sign-in to Shiftpass itself. */
  appId: idParam.nullable().optional(),
});

/** What the evaluation assumed, so the answer can be read without guessing. */
export interface AccessContextView {
  /** The zone used for time windows without their own, and where it came from. */
  timeZone: string | null;
  timeZoneSource: 'device store' | 'user store' | 'none';
  clientAddress: string | null;
  dateTime: string;
  method: SignInMethod;
  device: (DeviceFacts & { id: string | null }) | null;
  /** The store app signed in to; null: Shiftpass itself (the kiosk or the console). */
  app: { id: string; name: string } | null;
}

export interface WhatIfResult extends ConditionalAccessResult {
  decision: Decision;
  context: AccessContextView;
}

export {
  policyWarnings,
  POLICY_WARNING_CODES,
  type PolicyWarning,
  type PolicyWarningCode,
} from '../domain/access-policy-warnings.js';
export { ACCESS_REASON_CODES, type AccessReasonCode } from '../domain/conditional-access.js';
/** The console checks every CIDR line as it is typed, with the server's words (the server checks again). */
export { cidrProblem } from '../domain/ip-address.js';
export { WEEKDAYS, type Weekday, type TimeWindow } from '../domain/time-window.js';
export { ROLES, type Role } from '../domain/roles.js';
export type {
  Decision,
  DeviceFacts,
  DeviceState,
  Grant,
  PolicyConditions,
  PolicyState,
  PolicyVerdict,
  SignInMethod,
} from '../domain/conditional-access.js';
