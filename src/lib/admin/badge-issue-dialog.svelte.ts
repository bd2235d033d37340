/**
 * The badge issue dialog as state: a first badge (with its PIN), a new badge on an existing method, a
 * replacement, or a temporary badge; what was chosen (badge-issue-rules.ts judges it), the policy's
 * defaults and the refusals in words. The dialog component only shows it.
 *
 * Rules:
 * - Opening reads the method policy (its defaults and PIN length); until the first answer nothing is sent.
 * - Nothing is sent while a choice breaks a rule; once "Issue" was pressed, the words follow each
 *   change. A server refusal shows next to its field (or above the form) and the dialog stays open.
 * - Replacing deletes the old badge first, then issues the new one; if the new one is refused, a retry
 *   only issues (the old badge is already gone).
 * - A typed PIN lives in the draft only while the dialog is open: closing or issuing forgets it.
 * - The API answering that a working badge exists closes the dialog and hands over to the page, which
 *   offers to replace it.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { Locale } from '$lib/i18n/locale';
import { MAX_PIN_LENGTH, MAX_SEQUENTIAL_RUN } from '$server/contracts/pin-limits';
import { PIN_RULES, type PinRule } from '$server/contracts/pin-rules';
import type { IssuedBadge } from './badge';
import { badgeOf, type IssuedCodeAnswer, type IssuedMethodAnswer } from './badge-issue';
import {
  defaultEnd,
  emptyDraft,
  localMoment,
  MAX_START_AHEAD_DAYS,
  methodBody,
  planIssue,
  type CodeWindowBody,
  type IssueDraft,
  type IssueKind,
  type IssuePolicy,
  type IssueProblems,
  type MethodBody,
} from './badge-issue-rules';
import type { badgeIssueText } from './badge-issue-text';
import { errorField, fieldMessage } from './field-errors';

export type BadgeIssueMessages = typeof badgeIssueText;
export type IssueMode = 'first' | 'standard' | 'replace' | 'temporary';
type Field = 'start' | 'expire' | 'pin';
type Person = { id: string; displayName: string };

/** The writes and the read the dialog makes (the typed client in the browser, fakes in tests). */
export interface BadgeIssueApi {
  issueMethod(id: string, body: MethodBody): Promise<ApiResult<IssuedMethodAnswer>>;
  issueCode(id: string, kind: IssueKind, body: CodeWindowBody): Promise<ApiResult<IssuedCodeAnswer>>;
  deleteCode(id: string, kind: IssueKind): Promise<ApiResult<unknown>>;
  /** The method policy as far as this console may read it. */
  issuePolicy(): Promise<IssuePolicy>;
}

export interface BadgeIssueDeps {
  api: BadgeIssueApi;
  words: () => BadgeIssueMessages;
  /** The console's language, for dates in words. */
  locale: () => Locale;
  /** A refusal of the whole request in words (403, network, anything not about one field). */
  refusal: (result: { status: number; error: ClientError }) => string;
  /** A badge was issued: the page shows it once and reads its data again. */
  issued: (badge: IssuedBadge) => Promise<void>;
  /** The person already has a working badge: the page offers to replace it. */
  conflict: () => void;
  now?: () => Date;
  /** The viewer's time zone's name (Intl's, by default). */
  timeZone?: () => string;
}

export class BadgeIssueDialog {
  open = $state(false);
  mode = $state<IssueMode>('first');
  person = $state<Person | null>(null);
  draft = $state<IssueDraft>(emptyDraft());
  policy = $state<IssuePolicy | null>(null);
  busy = $state(false);
  /** A refusal of the whole request, above the form. */
  error = $state<string | null>(null);
  /** "Issue" was pressed once: the rules' words now follow each change. */
  tried = $state(false);
  /** The server's refusals, next to their field, until the next try. */
  serverErrors = $state<Partial<Record<Field, string>>>({});
  /** The moment the dialog judges against (set on opening and on each try; replaced, never changed). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  now = $state(new Date(0));

  readonly #deps: BadgeIssueDeps;
  #oldDeleted = false;

  constructor(deps: BadgeIssueDeps) {
    this.#deps = deps;
  }

  #clock(): Date {
    // A moment read once, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return this.#deps.now ? this.#deps.now() : new Date();
  }

  get kind(): IssueKind {
    return this.mode === 'temporary' ? 'temporary' : 'standard';
  }

  /** Only a first badge comes with a PIN; a new code keeps the person's PIN. */
  get withPin(): boolean {
    return this.mode === 'first';
  }

  get timeZone(): string {
    return this.#deps.timeZone ? this.#deps.timeZone() : Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** A moment in words, in the console's language and the viewer's time zone. */
  when(moment: Date): string {
    return new Intl.DateTimeFormat(this.#deps.locale(), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(moment);
  }

  /** The "stops" choice that keeps the policy's default, in words ("After 365 days (the policy's default)"). */
  get defaultStopLabel(): string {
    const t = this.#deps.words();
    const policy = this.policy;
    if (this.kind === 'standard' && policy?.standardQRCodeLifetimeInDays != null) {
      return t.stopDefaultDays(policy.standardQRCodeLifetimeInDays);
    }
    if (this.kind === 'temporary' && policy?.temporaryQRCodeLifetimeInHours != null) {
      return t.stopDefaultHours(policy.temporaryQRCodeLifetimeInHours);
    }
    return t.stopDefaultUnknown;
  }

  /** "Starts on …" under a chosen start, or null while none is chosen. */
  get startWords(): string | null {
    if (this.draft.start !== 'at') return null;
    const start = localMoment(this.draft.startAt);
    return start ? this.#deps.words().startsOn(this.when(start)) : null;
  }

  /** "Stops working on …": the chosen end, or the policy's default from the start. */
  get stopWords(): string | null {
    const t = this.#deps.words();
    if (this.draft.expiry === 'at') {
      const end = localMoment(this.draft.expireAt);
      return end ? t.stopsOn(this.when(end)) : null;
    }
    if (!this.policy) return null;
    const end = defaultEnd(this.kind, this.draft, this.policy, this.now);
    return end ? t.stopsOn(this.when(end)) : null;
  }

  /** The problems with what is chosen now (none while the policy is still being read). */
  get problems(): IssueProblems {
    if (!this.policy) return {};
    const plan = planIssue(this.kind, this.draft, this.policy, this.now, this.withPin);
    return plan.ok ? {} : plan.problems;
  }

  /** Each field's words: the server's last refusal, else (after a try) the rule it breaks. */
  get errors(): Partial<Record<Field, string>> {
    const words = this.tried ? this.#problemWords(this.problems) : {};
    return { ...words, ...this.serverErrors };
  }

  #problemWords(problems: IssueProblems): Partial<Record<Field, string>> {
    const t = this.#deps.words().errors;
    const out: Partial<Record<Field, string>> = {};
    if (problems.start === 'missing') out.start = t.startMissing;
    if (problems.start === 'past') out.start = t.startPast;
    if (problems.start === 'tooFar') out.start = t.startTooFar(MAX_START_AHEAD_DAYS);
    if (problems.expire === 'missing') out.expire = t.expireMissing;
    if (problems.expire === 'notAfterStart') out.expire = t.notAfterStart;
    if (problems.expire === 'tooShort') out.expire = t.tooShort[this.kind];
    if (problems.expire === 'tooLong') out.expire = t.tooLong[this.kind];
    if (problems.pin?.kind === 'missing') out.pin = t.pinMissing;
    if (problems.pin?.kind === 'rule') out.pin = this.pinRuleWords(problems.pin.rule);
    return out;
  }

  /** A PIN rule in words (the kiosk's wording), at the policy's length. */
  pinRuleWords(rule: PinRule): string {
    const rules = this.#deps.words().pinRules;
    if (rule === 'length') return rules.length(this.policy?.pinLength ?? MAX_PIN_LENGTH, MAX_PIN_LENGTH);
    if (rule === 'sequential_digits') return rules.sequential_digits(MAX_SEQUENTIAL_RUN);
    return rules[rule];
  }

  /** Opens the dialog for `person`, with every choice at its default, and reads the policy. */
  async show(person: Person, mode: IssueMode): Promise<void> {
    this.person = person;
    this.mode = mode;
    this.draft = emptyDraft();
    this.tried = false;
    this.error = null;
    this.serverErrors = {};
    this.#oldDeleted = false;
    this.now = this.#clock();
    this.open = true;
    // Read at every opening: an admin may have changed the policy since (the last answer shows meanwhile).
    this.policy = await this.#deps.api.issuePolicy();
  }

  /** Cancel, Escape or the close button: nothing is sent, and a typed PIN is forgotten. */
  close(): void {
    if (this.busy) return;
    this.open = false;
    this.draft = emptyDraft();
    this.serverErrors = {};
    this.error = null;
  }

  /** The choices as a Select gives them (a string). */
  chooseStart(value: string): void {
    this.draft.start = value === 'at' ? 'at' : 'now';
    this.edited('start');
  }

  chooseExpiry(value: string): void {
    this.draft.expiry = value === 'at' ? 'at' : 'default';
    this.edited('expire');
  }

  choosePin(value: string): void {
    this.draft.pin = value === 'type' ? 'type' : 'generate';
    // A PIN typed and then given up on does not stay behind in memory.
    if (this.draft.pin === 'generate') this.draft.pinCode = '';
    this.edited('pin');
  }

  /** A field changed: its last server refusal no longer applies. */
  edited(field: Field): void {
    if (this.serverErrors[field]) {
      const rest = { ...this.serverErrors };
      delete rest[field];
      this.serverErrors = rest;
    }
  }

  async submit(): Promise<void> {
    const person = this.person;
    const policy = this.policy;
    if (!person || !policy || this.busy) return;
    this.tried = true;
    this.error = null;
    this.serverErrors = {};
    this.now = this.#clock();
    const plan = planIssue(this.kind, this.draft, policy, this.now, this.withPin);
    if (!plan.ok) return;

    this.busy = true;
    try {
      const { api } = this.#deps;
      if (this.mode === 'first') {
        const result = await api.issueMethod(person.id, methodBody(plan));
        if (!result.ok) return this.#refused(result);
        const issued = result.data;
        return await this.#done(badgeOf(person, issued.standardQRCode, 'standard', issued.pin.code));
      }
      if (this.mode === 'replace' && !this.#oldDeleted) {
        const removed = await api.deleteCode(person.id, 'standard');
        if (!removed.ok && removed.status !== 404) return this.#refused(removed);
        this.#oldDeleted = true;
      }
      const result = await api.issueCode(person.id, this.kind, plan.window);
      if (!result.ok) return this.#refused(result);
      return await this.#done(badgeOf(person, result.data, this.kind));
    } finally {
      this.busy = false;
    }
  }

  async #done(badge: IssuedBadge): Promise<void> {
    this.open = false;
    this.draft = emptyDraft();
    await this.#deps.issued(badge);
  }

  #refused(result: { status: number; error: ClientError }): void {
    const { error } = result;
    // Over a working badge the page offers "Replace badge"; a temporary one is only deleted by hand.
    if (error.code === 'ACTIVE_QR_CODE_EXISTS' && this.kind === 'standard') {
      this.open = false;
      this.draft = emptyDraft();
      this.#deps.conflict();
      return;
    }
    if (error.code === 'PIN_POLICY_VIOLATION') {
      const rule = PIN_RULES.find((known) => known === error.rule);
      this.serverErrors = { pin: rule ? this.pinRuleWords(rule) : error.message };
      return;
    }
    const field = errorField(error);
    const target: Field | null = !field
      ? null
      : field.endsWith('startDateTime')
        ? 'start'
        : field.endsWith('expireDateTime')
          ? 'expire'
          : field.startsWith('pin')
            ? 'pin'
            : null;
    if (target && field) {
      const t = this.#deps.words();
      this.serverErrors = {
        [target]: fieldMessage(error, {
          [field]: target === 'start' ? t.startAtLabel : target === 'expire' ? t.stopAtLabel : t.pinCodeLabel,
        }),
      };
      return;
    }
    this.error = this.#deps.refusal(result);
  }
}
