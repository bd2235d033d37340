/**
 * The policy page's numbers: every numeric field of the QR-code + PIN policy, the console sign-in
 * policy, the session policy and the log retention, with its label, unit, range (from the server's POLICY_LIMITS, so the
 * page and the API agree) and help, and the conversions between a stored policy, the form's text inputs
 * and a PATCH body.
 */
import { POLICY_LIMITS } from '$server/contracts/policies';

type LimitKey = keyof typeof POLICY_LIMITS;

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

const field = (key: string, label: string, unit: string, help: string, step?: number): NumberField => {
  const limit = key.split('.').at(-1) as LimitKey;
  return { key, id: `policy-${key.replace('.', '-')}`, limit, label, unit, help, step };
};

/** A field of the console sign-in policy: its inputs get ids of their own. */
const consoleField = (...args: Parameters<typeof field>): NumberField => {
  const made = field(...args);
  return { ...made, id: made.id.replace('policy-', 'policy-console-') };
};

export const QR_PIN_SECTIONS: FieldSection[] = [
  {
    id: 'badges',
    title: 'Badges and PINs',
    fields: [
      field(
        'pinLength',
        'PIN length',
        'digits',
        'How many digits a PIN has. Longer PINs are harder to guess; 8 is the minimum NIST allows for this kind of PIN.',
      ),
      field(
        'standardQRCodeLifetimeInDays',
        'Standard badge lifetime',
        'days',
        'How long a standard badge works after it is issued. Workers need a new badge when it ends (see the expiry report).',
      ),
      field(
        'temporaryQRCodeLifetimeInHours',
        'Temporary badge lifetime',
        'hours',
        'How long a temporary badge works: for a forgotten badge, one shift at most.',
      ),
    ],
  },
  {
    id: 'lockout',
    title: 'Wrong PINs and lockout',
    fields: [
      field(
        'lockout.threshold',
        'Wrong PINs before a lock',
        'attempts',
        'Wrong PINs in a row after which the badge is locked for a while.',
      ),
      field(
        'lockout.baseDelaySeconds',
        'First lock',
        'seconds',
        'How long the first lock lasts. Each further lock lasts longer (see the growth factor).',
      ),
      field(
        'lockout.growthFactor',
        'Growth factor',
        '× per lock',
        'Each lock lasts this many times longer than the one before (1 keeps every lock the same length).',
        0.1,
      ),
      field(
        'lockout.maxDelaySeconds',
        'Longest lock',
        'seconds',
        'No single lock lasts longer than this. Must not be shorter than the first lock.',
      ),
      field(
        'lockout.hardLimit',
        'Wrong PINs before a manager must unlock',
        'attempts',
        'After this many wrong PINs in a row the badge stays locked until a manager or admin unlocks it. Must not be below the number before a lock.',
      ),
      field(
        'lockout.clientThreshold',
        'Failed sign-ins per phone or network',
        'attempts',
        'Failed sign-ins from one phone or network address within the window below that block it for the rest of the window (against someone trying many badges or passwords). Badge and console sign-ins count together.',
      ),
      field(
        'lockout.clientWindowSeconds',
        'Window for failed sign-ins per phone or network',
        'seconds',
        'The period over which failed sign-ins from one phone or network are counted.',
      ),
    ],
  },
];

export const CONSOLE_SIGN_IN_SECTIONS: FieldSection[] = [
  {
    id: 'console-lockout',
    title: 'Wrong passwords and codes',
    fields: [
      consoleField(
        'lockout.threshold',
        'Wrong passwords or codes before a lock',
        'attempts',
        'Wrong passwords or authenticator codes in a row, for one console username, after which that username cannot sign in for a while.',
      ),
      consoleField(
        'lockout.baseDelaySeconds',
        'First console lock',
        'seconds',
        'How long the first lock lasts. Each further lock lasts longer (see the growth below).',
      ),
      consoleField(
        'lockout.growthFactor',
        'Console lock growth',
        '× per lock',
        'Each lock lasts this many times longer than the one before (1 keeps every lock the same length).',
        0.1,
      ),
      consoleField(
        'lockout.maxDelaySeconds',
        'Longest console lock',
        'seconds',
        'No single lock lasts longer than this. Must not be shorter than the first lock.',
      ),
      consoleField(
        'lockout.hardLimit',
        'Wrong passwords or codes before an admin must step in',
        'attempts',
        'After this many in a row the username stays locked until an admin lets the person back in with a new invitation link (Console access, on their page). Must not be below the number before a lock.',
      ),
    ],
  },
];

export const SESSION_SECTIONS: FieldSection[] = [
  {
    id: 'sessions',
    title: 'Sessions',
    fields: [
      field(
        'kioskIdleSignOutInSeconds',
        'Kiosk sign-out after no activity',
        'seconds',
        'A kiosk nobody touches for this long signs its worker out, so the next person never finds them signed in.',
      ),
      field(
        'kioskIdleWarningInSeconds',
        '"Still there?" warning before that',
        'seconds',
        'How long before the sign-out the kiosk asks "Still there?" with a countdown. Must be shorter than the sign-out time.',
      ),
      field(
        'kioskOfflineGraceInSeconds',
        'Offline grace period',
        'seconds',
        'How long a signed-in kiosk keeps working when it cannot reach the server; then it signs the worker out. 0 signs out at once.',
      ),
      field(
        'idleTimeoutInMinutes',
        'Server-side idle limit for kiosk sessions',
        'minutes',
        'The server ends a kiosk session it has not heard from for this long, even if the phone was switched off.',
      ),
      field(
        'consoleIdleTimeoutInMinutes',
        'Console idle limit',
        'minutes',
        'The console signs managers and admins out after this long without activity. Keep it short: the console can change everything.',
      ),
      field(
        'absoluteTimeoutInHours',
        'Longest session',
        'hours',
        'Every session ends this long after sign-in, however active (a shift).',
      ),
    ],
  },
];

export const LOG_RETENTION_SECTIONS: FieldSection[] = [
  {
    id: 'logRetention',
    title: 'How long logs are kept',
    fields: [
      field(
        'signInLogRetentionInDays',
        'Keep sign-ins for',
        'days',
        'Older sign-ins are deleted automatically. Download them from the Logs page first if you need them longer.',
      ),
      field(
        'auditLogRetentionInDays',
        'Keep the audit log for',
        'days',
        'Older audit entries (who changed what in this console) are deleted automatically.',
      ),
    ],
  },
];

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

/** "Between 3 and 100 attempts." */
export const rangeText = (f: NumberField) => {
  const { min, max } = rangeOf(f);
  return `Between ${min.toLocaleString('en')} and ${max.toLocaleString('en')} ${f.unit}.`;
};
