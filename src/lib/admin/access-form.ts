/**
 * The policy form's state and its translation to and from the API's conditions, plus the one-line
 * summary of a policy's conditions for the list. Pure, so it can be tested without a browser.
 */
import type {
  Decision,
  DeviceState,
  Grant,
  PolicyConditions,
  PolicyState,
  Role,
  SignInMethod,
  Weekday,
} from '$server/contracts/conditional-access';
import { accessText } from './access-text';
import type { LoggedVerdict } from './access-verdict';

/** The `access` area of the console catalogue (English, or the page's language). */
export type AccessText = typeof accessText;

export interface WindowRow {
  days: Weekday[];
  start: string;
  end: string;
  timeZone: string;
}

/** A person a policy names, with the name the console shows. */
export interface NamedPerson {
  id: string;
  displayName: string;
}

export interface PolicyForm {
  displayName: string;
  state: PolicyState;
  grant: Grant;
  /** Everyone (no people condition), or only the people chosen. */
  peopleMode: 'everyone' | 'chosen';
  people: NamedPerson[];
  /** Never these people (an exclusion wins over every inclusion). */
  peopleExcluded: NamedPerson[];
  roles: Role[];
  rolesExcluded: Role[];
  groupIds: string[];
  groupsExcluded: string[];
  signInMethods: SignInMethod[];
  deviceStates: DeviceState[];
  locationMode: 'none' | 'any' | 'ownStores' | 'chosen';
  locationIds: string[];
  excludeMode: 'none' | 'ownStores' | 'chosen';
  excludeIds: string[];
  timeWindows: WindowRow[];
  /** Which sign-ins: every one (no condition), those to any store app, or those to the chosen apps. */
  appMode: 'none' | 'all' | 'chosen';
  appIds: string[];
  /** Never these apps. */
  appsExcluded: string[];
}

export const emptyPolicyForm = (): PolicyForm => ({
  displayName: '',
  state: 'reportOnly',
  grant: 'block',
  peopleMode: 'everyone',
  people: [],
  peopleExcluded: [],
  roles: [],
  rolesExcluded: [],
  groupIds: [],
  groupsExcluded: [],
  signInMethods: [],
  deviceStates: [],
  locationMode: 'none',
  locationIds: [],
  excludeMode: 'none',
  excludeIds: [],
  timeWindows: [],
  appMode: 'none',
  appIds: [],
  appsExcluded: [],
});

export const newWindowRow = (): WindowRow => ({
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  start: '22:00',
  end: '06:00',
  timeZone: '',
});

/**
 * The form for a policy; `people` gives the names of the people it names (the API's `people`), an
 * unknown one showing its id.
 */
export function formFromPolicy(
  policy: { displayName: string; state: PolicyState; grant: Grant; conditions: PolicyConditions },
  people: readonly NamedPerson[] = [],
): PolicyForm {
  const c = policy.conditions;
  const person = (id: string): NamedPerson => ({
    id,
    displayName: people.find((p) => p.id === id)?.displayName ?? id,
  });
  const include = c.locations?.include;
  const exclude = c.locations?.exclude;
  return {
    displayName: policy.displayName,
    state: policy.state,
    grant: policy.grant,
    peopleMode: Array.isArray(c.users?.include) ? 'chosen' : 'everyone',
    people: Array.isArray(c.users?.include) ? c.users.include.map(person) : [],
    peopleExcluded: (c.users?.exclude ?? []).map(person),
    roles: Array.isArray(c.roles?.include) ? [...c.roles.include] : [],
    rolesExcluded: [...(c.roles?.exclude ?? [])],
    groupIds: Array.isArray(c.groups?.include) ? [...c.groups.include] : [],
    groupsExcluded: [...(c.groups?.exclude ?? [])],
    signInMethods: [...(c.signInMethods ?? [])],
    deviceStates: [...(c.deviceStates ?? [])],
    locationMode: include === undefined ? 'none' : typeof include === 'string' ? include : 'chosen',
    locationIds: Array.isArray(include) ? [...include] : [],
    excludeMode: exclude === undefined ? 'none' : Array.isArray(exclude) ? 'chosen' : 'ownStores',
    excludeIds: Array.isArray(exclude) ? [...exclude] : [],
    timeWindows: (c.timeWindows ?? []).map((w) => ({
      days: [...w.days],
      start: w.start,
      end: w.end,
      timeZone: w.timeZone ?? '',
    })),
    appMode: c.apps === undefined ? 'none' : c.apps.include === 'all' ? 'all' : 'chosen',
    appIds: Array.isArray(c.apps?.include) ? [...c.apps.include] : [],
    appsExcluded: [...(c.apps?.exclude ?? [])],
  };
}

/**
 * An include/exclude condition from the form: none chosen means every one (no condition), unless
 * some are excluded; an exclusion is never dropped.
 */
function includeExclude<T extends string>(include: readonly T[] | 'all', exclude: readonly T[]) {
  return {
    include: include === 'all' || include.length === 0 ? ('all' as const) : include,
    ...(exclude.length > 0 ? { exclude } : {}),
  };
}

/** The body to POST or PATCH. An empty choice means "no condition", never "matches nobody". */
export function policyBody(form: PolicyForm) {
  const conditions: Record<string, unknown> = {};
  const ids = (people: readonly NamedPerson[]) => people.map((person) => person.id);
  if (form.peopleMode === 'chosen') {
    conditions.users = {
      include: ids(form.people),
      ...(form.peopleExcluded.length > 0 ? { exclude: ids(form.peopleExcluded) } : {}),
    };
  } else if (form.peopleExcluded.length > 0) {
    conditions.users = includeExclude('all', ids(form.peopleExcluded));
  }
  if (form.roles.length > 0 || form.rolesExcluded.length > 0) {
    conditions.roles = includeExclude(form.roles, form.rolesExcluded);
  }
  if (form.groupIds.length > 0 || form.groupsExcluded.length > 0) {
    conditions.groups = includeExclude(form.groupIds, form.groupsExcluded);
  }
  if (form.signInMethods.length > 0) conditions.signInMethods = form.signInMethods;
  if (form.deviceStates.length > 0) conditions.deviceStates = form.deviceStates;
  if (form.locationMode !== 'none') {
    conditions.locations = {
      include: form.locationMode === 'chosen' ? form.locationIds : form.locationMode,
      ...(form.excludeMode === 'none'
        ? {}
        : { exclude: form.excludeMode === 'chosen' ? form.excludeIds : 'ownStores' }),
    };
  }
  if (form.timeWindows.length > 0) {
    conditions.timeWindows = form.timeWindows.map((w) => ({
      days: w.days,
      start: w.start,
      end: w.end,
      ...(w.timeZone.trim() ? { timeZone: w.timeZone.trim() } : {}),
    }));
  }
  if (form.appMode !== 'none') {
    conditions.apps = {
      include: form.appMode === 'all' ? 'all' : form.appIds,
      ...(form.appsExcluded.length > 0 ? { exclude: form.appsExcluded } : {}),
    };
  }
  return { displayName: form.displayName, state: form.state, grant: form.grant, conditions };
}

const DAY_ORDER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function describeDays(days: readonly Weekday[], text: AccessText): string {
  if (days.length === 7) return text.summary.everyDay;
  return DAY_ORDER.filter((d) => days.includes(d))
    .map((d) => text.days[d])
    .join(', ');
}

/** One line: "Roles: Workers · Device: Enrolled in kiosk mode, Compliant · Network: own stores". */
export function summarizeConditions(
  conditions: PolicyConditions,
  names: {
    group: (id: string) => string;
    location: (id: string) => string;
    app: (id: string) => string;
    person?: (id: string) => string;
  },
  text: AccessText = accessText,
): string {
  const s = text.summary;
  const parts: string[] = [];
  const list = (
    value: { include: readonly string[] | 'all'; exclude?: readonly string[] } | undefined,
    label: string,
    name: (id: string) => string,
  ) => {
    if (!value) return;
    const include = value.include === 'all' ? s.all : value.include.map(name).join(', ');
    const exclude = value.exclude?.length ? ` ${s.except} ${value.exclude.map(name).join(', ')}` : '';
    parts.push(`${label}: ${include}${exclude}`);
  };
  if (conditions.apps) {
    const { include, exclude } = conditions.apps;
    const which = include === 'all' ? s.anyApp : include.map(names.app).join(', ');
    const except = exclude?.length ? ` ${s.except} ${exclude.map(names.app).join(', ')}` : '';
    parts.push(`${s.apps}: ${which}${except}`);
  }
  list(conditions.users, s.people, names.person ?? ((id) => id));
  list(conditions.roles, s.roles, (role) => text.roles[role] ?? role);
  list(conditions.groups, s.stores, names.group);
  if (conditions.signInMethods) {
    parts.push(`${s.methods}: ${conditions.signInMethods.map((m) => text.methods[m]).join(', ')}`);
  }
  if (conditions.deviceStates?.length) {
    parts.push(`${s.device}: ${conditions.deviceStates.map((d) => text.deviceStates[d]).join(', ')}`);
  }
  if (conditions.locations) {
    const { include, exclude } = conditions.locations;
    const where = (value: readonly string[] | 'any' | 'ownStores') =>
      value === 'any'
        ? s.anyAddress
        : value === 'ownStores'
          ? s.ownStores
          : value.map(names.location).join(', ');
    parts.push(`${s.network}: ${where(include)}${exclude ? ` ${s.except} ${where(exclude)}` : ''}`);
  }
  if (conditions.timeWindows?.length) {
    const windows = conditions.timeWindows.map(
      (w) => `${describeDays(w.days, text)} ${w.start}–${w.end}${w.timeZone ? ` (${w.timeZone})` : ''}`,
    );
    parts.push(`${s.time}: ${windows.join('; ')}`);
  }
  return parts.length > 0 ? parts.join(' · ') : s.everyone;
}

export interface LoggedAccess {
  decision: Decision;
  reason: string;
  reportOnlyDecision: Decision;
  verdicts: (LoggedVerdict & { name: string })[];
}

/** The conditional-access decision a sign-in log row carries (details.conditionalAccess), if any. */
export function loggedAccessOf(details: unknown): LoggedAccess | null {
  const access = (details as { conditionalAccess?: Partial<LoggedAccess> } | null)?.conditionalAccess;
  if (!access || typeof access.decision !== 'string' || typeof access.reason !== 'string') return null;
  return {
    decision: access.decision,
    reason: access.reason,
    reportOnlyDecision: access.reportOnlyDecision ?? access.decision,
    verdicts: Array.isArray(access.verdicts) ? access.verdicts : [],
  };
}

/** The server's words as a sentence next to a field ("must be …" → "Must be …"). */
export const sentence = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/**
 * Every problem of a refused save by the field it concerns (`problems` from the policy routes, else
 * the one `field`), list positions dropped (`conditions.groups.include.0` is the stores control).
 */
export function problemsByField(error: {
  code: string;
  message: string;
  field?: unknown;
  problems?: unknown;
}): Record<string, string> {
  if (error.code !== 'VALIDATION_FAILED') return {};
  const listed = Array.isArray(error.problems)
    ? (error.problems as { field?: unknown; message?: unknown }[])
    : [{ field: error.field, message: error.message.replace(`${String(error.field)}: `, '') }];
  const byField: Record<string, string> = {};
  for (const { field, message } of listed) {
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    byField[field.replace(/\.\d+$/, '')] ??= sentence(message);
  }
  return byField;
}

/** What the form itself refuses before asking the server: a choice left empty that would mean "nobody". */
export function formProblems(form: PolicyForm, text: AccessText = accessText): Record<string, string> {
  const problems: Record<string, string> = {};
  if (form.appMode === 'chosen' && form.appIds.length === 0) {
    problems['conditions.apps.include'] = text.policies.chooseApp;
  }
  if (form.peopleMode === 'chosen' && form.people.length === 0) {
    problems['conditions.users.include'] = text.policies.choosePerson;
  }
  return problems;
}

/** Server field paths the form shows next to a control; any other problem is listed above the form. */
const SHOWN_FIELDS = [
  /^displayName$/,
  /^conditions\.(users|roles|groups|apps|locations)\.(include|exclude)$/,
  /^conditions\.timeWindows\.\d+\.(days|start|end|timeZone)$/,
];

export interface SaveRefusal {
  fieldErrors: Record<string, string>;
  /** Problems the server named for a field the form has no place for, in its words. */
  otherProblems: string[];
  formError: string | null;
}

/**
 * A refused save as the form shows it: every problem next to its field (the server's words, already
 * in the page's language), a name taken in the product's words, anything else above the form.
 * `describe` words an error that is about no field (describeConsoleError).
 */
export function saveRefusal<E extends { code: string; message: string; field?: unknown; problems?: unknown }>(
  result: { status: number; error: E },
  describe: (error: E) => string,
  text: AccessText = accessText,
): SaveRefusal {
  const { error } = result;
  if (error.code === 'NAME_ALREADY_EXISTS') {
    return { fieldErrors: { displayName: text.policies.nameTaken }, otherProblems: [], formError: null };
  }
  const entries = Object.entries(problemsByField(error));
  if (entries.length > 0) {
    const shown = (key: string) => SHOWN_FIELDS.some((pattern) => pattern.test(key));
    return {
      fieldErrors: Object.fromEntries(entries.filter(([key]) => shown(key))),
      otherProblems: entries.filter(([key]) => !shown(key)).map(([, words]) => words),
      formError: text.policies.problems,
    };
  }
  return { fieldErrors: {}, otherProblems: [], formError: refusalWords(result, describe, text) };
}

/** A refusal that is about no field: re-authentication cancelled, not an admin, or the server's words. */
export function refusalWords<E extends { code: string; message: string }>(
  result: { status: number; error: E },
  describe: (error: E) => string,
  text: AccessText = accessText,
): string {
  if (result.error.code === 'REAUTHENTICATION_REQUIRED') return text.reauthCancelled;
  return result.status === 403 ? text.adminsOnly : describe(result.error);
}

/**
 * A policy warning in the page's language. The server words it in English; its code and the policy
 * say which case it is (the same rule as server/domain/access-policy-warnings.ts).
 */
export function warningWords(
  warning: { code: string; message: string },
  policy: { grant: Grant; conditions: { locations?: { include: unknown; exclude?: unknown } } },
  text: AccessText = accessText,
): string {
  if (warning.code !== 'NO_STORE_NETWORK') return warning.message;
  const place = policy.conditions.locations;
  if (place?.include === 'ownStores') {
    return policy.grant === 'allow' ? text.warnings.ownStoresAllow : text.warnings.ownStoresOther;
  }
  return text.warnings.ownStoresExcept;
}

/** A ready-made policy's name and description in the page's language (an unknown one: the server's words). */
export function templateWords(
  template: { id: string; displayName: string; description: string },
  text: AccessText = accessText,
): { name: string; description: string } {
  return text.templates[template.id] ?? { name: template.displayName, description: template.description };
}

/** What-if's date and time as typed, read in this browser's zone; undefined (now) when no date is typed. */
export function instantOf(date: string, time: string): string | undefined {
  if (!date) return undefined;
  const at = Date.parse(`${date}T${time || '00:00'}`);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}
