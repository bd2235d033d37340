/**
 * The policy page's numbers: every numeric field of the QR-code + PIN policy, the console sign-in
 * policy, the session policy and the log retention, with its label, unit, range (from the server's POLICY_LIMITS, so the
 * page and the API agree) and help, and the conversions between a stored policy, the form's text inputs
 * and a PATCH body.
 */
import { POLICY_LIMITS } from '$server/contracts/policies';
import type { policiesText } from './policies-text';

type LimitKey = keyof typeof POLICY_LIMITS;

export type PoliciesWords = typeof policiesText;
type FieldName = keyof PoliciesWords['fields'];
type UnitName = keyof PoliciesWords['units'];

export interface NumberField {
  /** The API's dotted field name, as VALIDATION_FAILED errors name it. */
  key: string;
  /** The input's id, unique on the page (two policies both have `lockout.threshold`). */
  id: string;
  limit: LimitKey;
  label: string;
  unit: string;
  help: string;
  /** Decimals allowed (the growth factor). */
  step?: number;
}

export interface FieldSection {
  id: string;
  title: string;
  fields: NumberField[];
}

interface FieldSpec {
  key: string;
  words: FieldName;
  unit: UnitName;
  step?: number;
  /** The console sign-in policy's fields get ids of their own. */
  console?: boolean;
}

interface SectionSpec {
  id: string;
  title: keyof PoliciesWords['sections'];
  fields: FieldSpec[];
}

const LOCKOUT: FieldSpec[] = [
  { key: 'lockout.threshold', words: 'threshold', unit: 'attempts' },
  { key: 'lockout.baseDelaySeconds', words: 'baseDelay', unit: 'seconds' },
  { key: 'lockout.growthFactor', words: 'growth', unit: 'perLock', step: 0.1 },
  { key: 'lockout.maxDelaySeconds', words: 'maxDelay', unit: 'seconds' },
  { key: 'lockout.hardLimit', words: 'hardLimit', unit: 'attempts' },
];

const QR_PIN: SectionSpec[] = [
  {
    id: 'badges',
    title: 'badges',
    fields: [
      { key: 'pinLength', words: 'pinLength', unit: 'digits' },
      { key: 'standardQRCodeLifetimeInDays', words: 'standardLifetime', unit: 'days' },
      { key: 'temporaryQRCodeLifetimeInHours', words: 'temporaryLifetime', unit: 'hours' },
    ],
  },
  {
    id: 'lockout',
    title: 'lockout',
    fields: [
      ...LOCKOUT,
      { key: 'lockout.clientThreshold', words: 'clientThreshold', unit: 'attempts' },
      { key: 'lockout.clientWindowSeconds', words: 'clientWindow', unit: 'seconds' },
    ],
  },
];

const CONSOLE_SIGN_IN: SectionSpec[] = [
  {
    id: 'console-lockout',
    title: 'consoleLockout',
    fields: LOCKOUT.map((f) => ({
      ...f,
      console: true,
      words: `console${f.words.charAt(0).toUpperCase()}${f.words.slice(1)}` as FieldName,
    })),
  },
];

const SESSIONS: SectionSpec[] = [
  {
    id: 'sessions',
    title: 'sessions',
    fields: [
      { key: 'kioskIdleSignOutInSeconds', words: 'kioskIdleSignOut', unit: 'seconds' },
      { key: 'kioskIdleWarningInSeconds', words: 'kioskIdleWarning', unit: 'seconds' },
      { key: 'kioskOfflineGraceInSeconds', words: 'offlineGrace', unit: 'seconds' },
      { key: 'idleTimeoutInMinutes', words: 'serverIdle', unit: 'minutes' },
      { key: 'consoleIdleTimeoutInMinutes', words: 'consoleIdle', unit: 'minutes' },
      { key: 'absoluteTimeoutInHours', words: 'absolute', unit: 'hours' },
    ],
  },
];

const LOG_RETENTION: SectionSpec[] = [
  {
    id: 'logRetention',
    title: 'logRetention',
    fields: [
      { key: 'signInLogRetentionInDays', words: 'signInRetention', unit: 'days' },
      { key: 'auditLogRetentionInDays', words: 'auditRetention', unit: 'days' },
    ],
  },
];

function sectionsIn(specs: SectionSpec[], w: PoliciesWords): FieldSection[] {
  return specs.map((section) => ({
    id: section.id,
    title: w.sections[section.title],
    fields: section.fields.map((f) => ({
      key: f.key,
      id: `policy-${f.console ? 'console-' : ''}${f.key.replace('.', '-')}`,
      limit: f.key.split('.').at(-1) as LimitKey,
      label: w.fields[f.words].label,
      help: w.fields[f.words].help,
      unit: w.units[f.unit],
      step: f.step,
    })),
  }));
}

/** The four policies' number fields, in the words of the page's language. */
export const qrPinSections = (w: PoliciesWords) => sectionsIn(QR_PIN, w);
export const consoleSignInSections = (w: PoliciesWords) => sectionsIn(CONSOLE_SIGN_IN, w);
export const sessionSections = (w: PoliciesWords) => sectionsIn(SESSIONS, w);
export const logRetentionSections = (w: PoliciesWords) => sectionsIn(LOG_RETENTION, w);

/** What the inputs hold: text, or a number (a bound number input), or null (a cleared one). */
export type FormValues = Record<string, string | number | null>;

function read(source: object, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)?.[part], source);
}

export function formValuesOf(source: object, sections: FieldSection[]): FormValues {
  const values: FormValues = {};
  for (const { key } of sections.flatMap((s) => s.fields)) values[key] = String(read(source, key) ?? '');
  return values;
}

/**
 * The PATCH body for the typed values: numbers where the text is a number, the text itself otherwise
 * (so the server, the one judge of what is valid, names the field in its error).
 */
export function patchOf(values: FormValues, sections: FieldSection[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const { key } of sections.flatMap((s) => s.fields)) {
    const text = String(values[key] ?? '').trim();
    const value = text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    const parts = key.split('.');
    let target = patch;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts.at(-1)!] = value;
  }
  return patch;
}

export const rangeOf = (f: NumberField) => POLICY_LIMITS[f.limit];

/** "Between 3 and 100 attempts.", numbers written for `locale`. */
export const rangeText = (f: NumberField, w: PoliciesWords, locale = 'en') => {
  const { min, max } = rangeOf(f);
  return w.range(min.toLocaleString(locale), max.toLocaleString(locale), f.unit);
};

/** The field labels by API name, to name fields in a server message. */
export const labelsOf = (sections: FieldSection[]): Record<string, string> =>
  Object.fromEntries(sections.flatMap((s) => s.fields).map((f) => [f.key, f.label]));
