/**
 * Log entries in words, in the viewer's language: pure functions that take the logs area's messages
 * (`consoleI18n.m.logs` on a page, `logsText` in a test) and, for times, the locale.
 */
import type { Locale } from '$lib/i18n/locale';
import type { LogsWords, SentenceParts } from './logs-text';

export { failureReason } from './logs-text';

/** The parts of an audit entry its sentence is built from (server/contracts/logs.ts AuditLogView). */
export interface AuditFacts {
  activity: string;
  actorType: string;
  actorId: string | null;
  actorDisplayName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetDisplayName: string | null;
  details: unknown;
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** A value of the entry's before/after snapshot (details `{ before, after }`), if there. */
const snapshot = (details: unknown, side: 'before' | 'after', key: string): unknown =>
  record(record(details)?.[side])?.[key];

/** What a deleted target was called, from the entry's own snapshot. */
function nameInDetails(details: unknown): string | null {
  for (const side of ['after', 'before'] as const) {
    const name = snapshot(details, side, 'displayName');
    if (typeof name === 'string' && name) return name;
  }
  return null;
}

/** Intl's locale for a console language: British English (day before month, 24-hour clock), Spanish. */
export const intlLocale = (locale: Locale): string => (locale === 'es' ? 'es-ES' : 'en-GB');

/** Who did it, in words: a person's name, an API token's name, or Shiftpass itself. */
export function actorName(entry: AuditFacts, m: LogsWords): string {
  if (entry.actorType === 'system') return m.names.system;
  if (entry.actorType === 'api_token') {
    return entry.actorDisplayName ? m.names.apiToken(entry.actorDisplayName) : m.names.deletedApiToken;
  }
  return entry.actorDisplayName ?? m.names.deletedPerson;
}

/** What it was done to, in a sentence: the quoted name, else the name it had, else what kind of thing. */
function targetInSentence(entry: AuditFacts, m: LogsWords): string {
  const name = entry.targetDisplayName ?? nameInDetails(entry.details);
  if (name) return m.names.quoted(name);
  return m.names.targetNouns[entry.targetType ?? ''] ?? m.names.something;
}

function deviceChangeOf(details: unknown): SentenceParts['deviceChange'] {
  const before = snapshot(details, 'before', 'status');
  const after = snapshot(details, 'after', 'status');
  if (before !== after && after === 'suspended') return 'suspended';
  if (before !== after && after === 'active') return 'resumed';
  const from = snapshot(details, 'before', 'displayName');
  const to = snapshot(details, 'after', 'displayName');
  if (typeof from === 'string' && typeof to === 'string' && from !== to) return { from, to };
  return null;
}

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** An audit entry in words ("Kiosk “Front till” suspended at the kiosk by Maria Lopes"). */
export function auditSentence(entry: AuditFacts, m: LogsWords, locale: Locale = 'en'): string {
  const by = actorName(entry, m);
  const sentence = (m.sentences as Record<string, ((p: SentenceParts) => string) | undefined>)[
    entry.activity
  ];
  // An event this console does not know yet: its key, with who did it.
  if (!sentence) return m.names.unknownEvent(entry.activity, by);
  const compliant = snapshot(entry.details, 'after', 'compliant');
  return capitalized(
    sentence({
      by,
      person: entry.targetDisplayName ?? nameInDetails(entry.details) ?? m.names.aPerson,
      target: targetInSentence(entry, m),
      details: record(entry.details),
      count: (n, one, many) =>
        typeof n === 'number' ? `${n.toLocaleString(intlLocale(locale))} ${n === 1 ? one : many}` : many,
      deviceChange: deviceChangeOf(entry.details),
      compliant: typeof compliant === 'boolean' ? compliant : null,
    }),
  );
}

/** The app named by an app sign-in's log row (details `{ via: 'sso', app: { id, name } }`), or null. */
export function appNameOf(details: unknown): string | null {
  const name = record(record(details)?.app)?.name;
  return typeof name === 'string' ? name : null;
}

/** A person a step-up row names (details `{ stepUp: { coSignedBy | coSignFor: { id, displayName } } }`). */
export interface StepUpPerson {
  id: string;
  displayName: string;
}

/**
 * Step-up by a manager on a sign-in row: on the worker's row the manager who confirmed it
 * (`confirmedBy`), on the manager's own check the worker whose sign-in it was for (`confirmingFor`).
 */
export function stepUpOf(
  details: unknown,
): { confirmedBy: StepUpPerson } | { confirmingFor: StepUpPerson } | null {
  const stepUp = record(record(details)?.stepUp);
  const person = (value: unknown): StepUpPerson | null => {
    const p = record(value);
    return typeof p?.id === 'string' && typeof p.displayName === 'string'
      ? { id: p.id, displayName: p.displayName }
      : null;
  };
  const by = person(stepUp?.coSignedBy);
  if (by) return { confirmedBy: by };
  const forWhom = person(stepUp?.coSignFor);
  return forWhom ? { confirmingFor: forWhom } : null;
}

/**
 * How many attempts one row stands for: attempts refused for too many tries are counted on one row
 * per device or network and budget window (details `{ refusedAttempts }`), not logged one by one.
 */
export function refusedAttemptsOf(details: unknown): number | null {
  const count = record(details)?.refusedAttempts;
  return typeof count === 'number' && count > 0 ? count : null;
}

/** How a sign-in row's badge or password was given, in words (the "How" column). */
export function signInHow(
  entry: { authMethod: string; details: unknown },
  ok: boolean,
  m: LogsWords,
): string {
  const app = appNameOf(entry.details);
  if (app) return ok ? m.how.signedInTo(app) : m.how.signInTo(app);
  const details = record(entry.details);
  if (entry.authMethod === 'qr_pin') {
    if (details?.purpose === 'exitKiosk') return m.how.exitKiosk;
    const purpose = details?.purpose;
    if (purpose === 'forgotPin' || purpose === 'forgotPinApproval' || purpose === 'forgotPinNewPin') {
      return m.how[purpose];
    }
    if (details?.purpose === 'stepUpApproval') return m.how.stepUpApproval;
    const stepUp = stepUpOf(details);
    if (stepUp && 'confirmedBy' in stepUp) return m.how.coSigned;
    return details?.via === 'shortCode' ? m.how.typedCode : m.how.methods.qr_pin;
  }
  return (m.how.methods as Record<string, string>)[entry.authMethod] ?? entry.authMethod;
}

interface TimeOptions {
  locale?: Locale;
  now?: Date;
  /** For tests; the page leaves it to the browser. */
  timeZone?: string;
}

/** A log time on one line in the viewer's time zone ("6 Dec, 06:02"; the year too when not this year's). */
export function logTime(iso: string, options: TimeOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const locale = intlLocale(options.locale ?? 'en');
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const yearOf = (d: Date) => new Intl.DateTimeFormat(locale, { year: 'numeric', ...zone }).format(d);
  const sameYear = yearOf(date) === yearOf(options.now ?? new Date());
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  }).format(date);
}

/** The full time with seconds and the time zone, for the detail panel and the hover. */
export function logTimeFull(iso: string, options: Omit<TimeOptions, 'now'> = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(options.locale ?? 'en'), {
    dateStyle: 'full',
    timeStyle: 'long',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

/** A settings key in words: a known one from the messages, else `employeeCode` → "Employee code". */
export function fieldName(key: string, m: LogsWords): string {
  const known = m.names.fields[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A logged value in words: empty, yes/no, lists joined, objects as compact JSON. */
export function valueText(value: unknown, m: LogsWords): string {
  if (value === null || value === undefined || value === '') return m.detail.empty;
  if (typeof value === 'boolean') return value ? m.detail.yes : m.detail.no;
  if (Array.isArray(value)) {
    return value.length === 0 ? m.detail.empty : value.map((v) => valueText(v, m)).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** What an audit entry's before/after snapshots say changed (every field, when only one side exists). */
export function changesOf(details: unknown, m: LogsWords): FieldChange[] {
  const d = record(details);
  const before = record(d?.before);
  const after = record(d?.after);
  if (!before && !after) return [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((key) => !before || !after || JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      field: fieldName(key, m),
      before: before ? valueText(before[key], m) : '',
      after: after ? valueText(after[key], m) : '',
    }));
}

/** The entry's other details (besides before/after), as labelled values. */
export function otherDetailsOf(details: unknown, m: LogsWords): { field: string; value: string }[] {
  const d = record(details);
  if (!d) return [];
  return Object.entries(d)
    .filter(([key]) => key !== 'before' && key !== 'after')
    .map(([key, value]) => ({
      field: fieldName(key, m),
      value:
        key === 'source' && typeof value === 'string'
          ? (m.names.sources[value] ?? value)
          : valueText(value, m),
    }));
}

/** The "Done to" cell: the target's name, a policy's name, or what kind of thing it was. */
export function targetLabel(entry: AuditFacts, m: LogsWords): string {
  if (entry.targetDisplayName) return entry.targetDisplayName;
  if (entry.targetType === 'policy' && entry.targetId)
    return m.names.policies[entry.targetId] ?? m.names.aPolicy;
  const name = nameInDetails(entry.details);
  if (name) return name;
  return m.names.deletedTargets[entry.targetType ?? ''] ?? '';
}
