/**
 * The rules of the console's badge issue dialog, pure: what the admin or manager chose (when the badge
 * starts, when it stops, the PIN) turned into the body the API takes, or the reasons it cannot be sent.
 *
 * - A badge starts now (the server's clock) or at a chosen moment, at most a year ahead.
 * - It stops at the policy's default (sent as nothing: the server applies the policy) or at a chosen
 *   moment. A chosen window lives at least a day (standard) or an hour (temporary), as in Entra, and at
 *   most the API's longest: 395 days, or 12 hours.
 * - A first badge comes with a PIN: made up by the server (the default) or typed here, judged by the
 *   same rules as the server's (server/domain/pin-rules.ts) at the policy's length. The server stays
 *   the authority: its refusals still show next to the field.
 * - Chosen moments are the viewer's local time (a `datetime-local` value), sent as UTC instants.
 */
import { checkPin, type PinRule } from '$server/contracts/pin-rules';
import { localMoment } from './local-time';

export { localMoment, localValue } from './local-time';

export type IssueKind = 'standard' | 'temporary';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** How long a chosen window may be, per kind (the shortest as in Entra; the longest the API's). */
export const LIFETIME_LIMITS: Record<IssueKind, { minMs: number; maxMs: number }> = {
  standard: { minMs: DAY_MS, maxMs: 395 * DAY_MS },
  temporary: { minMs: HOUR_MS, maxMs: 12 * HOUR_MS },
};

/** How far ahead a badge may be scheduled to start (server/domain/qr-code-window.ts). */
export const MAX_START_AHEAD_DAYS = 365;

/**
 * A chosen start a little in the past still counts as "from this minute": the field has no seconds,
 * so 09:00 chosen at 09:00:40 is not refused.
 */
const START_SLACK_MS = MINUTE_MS;

/** What the dialog knows of the method policy: the lifetimes are null when this console cannot read them (a manager). */
export interface IssuePolicy {
  pinLength: number;
  standardQRCodeLifetimeInDays: number | null;
  temporaryQRCodeLifetimeInHours: number | null;
}

export interface IssueDraft {
  start: 'now' | 'at';
  /** `YYYY-MM-DDTHH:mm`, the viewer's local time. */
  startAt: string;
  expiry: 'default' | 'at';
  expireAt: string;
  pin: 'generate' | 'type';
  pinCode: string;
}

export const emptyDraft = (): IssueDraft => ({
  start: 'now',
  startAt: '',
  expiry: 'default',
  expireAt: '',
  pin: 'generate',
  pinCode: '',
});

export type StartProblem = 'missing' | 'past' | 'tooFar';
export type ExpireProblem = 'missing' | 'notAfterStart' | 'tooShort' | 'tooLong';
export type PinProblem = { kind: 'missing' } | { kind: 'rule'; rule: PinRule };

export interface IssueProblems {
  start?: StartProblem;
  expire?: ExpireProblem;
  pin?: PinProblem;
}

export interface CodeWindowBody {
  startDateTime?: string;
  expireDateTime?: string;
}

export interface MethodBody {
  standardQRCode?: CodeWindowBody;
  pin?: { code: string };
}

export type IssuePlan =
  { ok: true; window: CodeWindowBody; pin?: string } | { ok: false; problems: IssueProblems };

/** The policy's default lifetime of a kind, or null when this console cannot read the policy. */
export function defaultLifetimeMs(kind: IssueKind, policy: IssuePolicy): number | null {
  if (kind === 'standard') {
    const days = policy.standardQRCodeLifetimeInDays;
    return days === null ? null : days * DAY_MS;
  }
  const hours = policy.temporaryQRCodeLifetimeInHours;
  return hours === null ? null : hours * HOUR_MS;
}

/** When the badge starts: null while the chosen moment is not a real one. */
export function startOf(draft: IssueDraft, now: Date): Date | null {
  return draft.start === 'now' ? now : localMoment(draft.startAt);
}

/** When the badge stops if the policy's default is kept, or null when that is not known here. */
export function defaultEnd(kind: IssueKind, draft: IssueDraft, policy: IssuePolicy, now: Date): Date | null {
  const lifetime = defaultLifetimeMs(kind, policy);
  const start = startOf(draft, now);
  return lifetime === null || start === null ? null : new Date(start.getTime() + lifetime);
}

function startProblem(draft: IssueDraft, now: Date): StartProblem | undefined {
  if (draft.start === 'now') return undefined;
  const start = localMoment(draft.startAt);
  if (!start) return 'missing';
  if (start.getTime() < now.getTime() - START_SLACK_MS) return 'past';
  if (start.getTime() - now.getTime() > MAX_START_AHEAD_DAYS * DAY_MS) return 'tooFar';
  return undefined;
}

function expireProblem(kind: IssueKind, draft: IssueDraft, now: Date): ExpireProblem | undefined {
  if (draft.expiry === 'default') return undefined;
  const expire = localMoment(draft.expireAt);
  if (!expire) return 'missing';
  // A start still being chosen is judged against now, so the expiry's own words stay useful.
  const start = startOf(draft, now) ?? now;
  if (expire.getTime() <= start.getTime() || expire.getTime() <= now.getTime()) return 'notAfterStart';
  const length = expire.getTime() - start.getTime();
  if (length < LIFETIME_LIMITS[kind].minMs) return 'tooShort';
  if (length > LIFETIME_LIMITS[kind].maxMs) return 'tooLong';
  return undefined;
}

/** A typed PIN's first broken rule at the policy's length (the rule the server would report). */
export function pinProblem(draft: IssueDraft, pinLength: number): PinProblem | undefined {
  if (draft.pin === 'generate') return undefined;
  if (draft.pinCode === '') return { kind: 'missing' };
  const check = checkPin(draft.pinCode, { minLength: pinLength });
  return check.ok ? undefined : { kind: 'rule', rule: check.rule };
}

/**
 * The window (and a first badge's PIN) to send, or every reason it cannot be sent. `withPin`: the
 * dialog issues a first badge, which comes with a PIN; a new code on an existing badge keeps the PIN.
 */
export function planIssue(
  kind: IssueKind,
  draft: IssueDraft,
  policy: IssuePolicy,
  now: Date,
  withPin: boolean,
): IssuePlan {
  const problems: IssueProblems = {};
  const start = startProblem(draft, now);
  if (start) problems.start = start;
  const expire = expireProblem(kind, draft, now);
  if (expire) problems.expire = expire;
  const pin = withPin ? pinProblem(draft, policy.pinLength) : undefined;
  if (pin) problems.pin = pin;
  if (start || expire || pin) return { ok: false, problems };

  const window: CodeWindowBody = {};
  if (draft.start === 'at') window.startDateTime = localMoment(draft.startAt)!.toISOString();
  if (draft.expiry === 'at') window.expireDateTime = localMoment(draft.expireAt)!.toISOString();
  return withPin && draft.pin === 'type' ? { ok: true, window, pin: draft.pinCode } : { ok: true, window };
}

/** PUT …/qr-code-pin-method's body for a first badge: only what was chosen (the server fills the rest). */
export function methodBody(plan: { window: CodeWindowBody; pin?: string }): MethodBody {
  return {
    ...(Object.keys(plan.window).length > 0 ? { standardQRCode: plan.window } : {}),
    ...(plan.pin === undefined ? {} : { pin: { code: plan.pin } }),
  };
}
