/**
 * One form of the Policies page as state: the numbers as typed, the server's verdict next to the field
 * it concerns (an out-of-range number as the field's range, a rule between fields in the server's
 * words with the labels people see), and the saved policy shown back. `QrPinSettings` adds who may
 * sign in with a badge and PIN (everyone, or chosen stores, minus excluded stores).
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import { ALL_USERS, type QrPinPolicy } from '$server/contracts/policies';
import { errorField, fieldMessage, messageWithoutField } from './field-errors';
import {
  formValuesOf,
  labelsOf,
  patchOf,
  rangeText,
  type FieldSection,
  type FormValues,
  type PoliciesWords,
} from './policy-form';

export interface PolicySettingsDeps {
  /** Sends the PATCH body (through the re-authentication gate); answers the saved policy. */
  send(body: Record<string, unknown>): Promise<ApiResult<object>>;
  /** The form's fields in the page's language. */
  sections(): FieldSection[];
  words(): PoliciesWords;
  locale(): string;
  describe(error: ClientError): string;
  tell(message: string): void;
  /** The words said once the policy is saved. */
  saved(): string;
}

/** A refusal out of a number's range, whatever words the server used for it. */
const OUT_OF_RANGE =
  /must be (at least|at most|more than|less than|a number|a whole number)\b|is required|debe ser (como mínimo|como máximo|un número)|es obligatori/i;

export class PolicySettings {
  values = $state<FormValues>({});
  errors = $state<Record<string, string>>({});
  formError = $state<string | null>(null);
  busy = $state(false);
  protected readonly deps: PolicySettingsDeps;

  constructor(policy: object, deps: PolicySettingsDeps) {
    this.deps = deps;
    // Not `show`: a subclass's fields do not exist yet while this constructor runs.
    this.values = formValuesOf(policy, deps.sections());
  }

  /** Puts a policy (as read or as saved) in the inputs. */
  show(policy: object): void {
    this.values = formValuesOf(policy, this.deps.sections());
  }

  /** What the page refuses before sending; empty when the form can be sent. */
  protected problems(): Record<string, string> {
    return {};
  }

  protected body(): Record<string, unknown> {
    return patchOf(this.values, this.deps.sections());
  }

  async save(): Promise<boolean> {
    this.errors = this.problems();
    this.formError = null;
    if (Object.keys(this.errors).length > 0) return false;
    this.busy = true;
    const result = await this.deps.send(this.body());
    this.busy = false;
    if (result.ok) {
      this.show(result.data);
      this.deps.tell(this.deps.saved());
      return true;
    }
    if (result.error.code === 'REAUTHENTICATION_REQUIRED') {
      this.formError = this.deps.words().reauthCancelled;
      return false;
    }
    const verdict = this.verdict(result.error);
    if (verdict) this.errors = verdict;
    else this.formError = this.deps.describe(result.error);
    return false;
  }

  /** A server verdict on one field, worded for the page; null when it names no field of this form. */
  verdict(error: ClientError): Record<string, string> | null {
    const sections = this.deps.sections();
    const field = errorField(error);
    const spec = sections.flatMap((s) => s.fields).find((f) => f.key === field);
    if (!field || !spec) return null;
    const w = this.deps.words();
    const message = OUT_OF_RANGE.test(messageWithoutField(error))
      ? w.outOfRange(rangeText(spec, w, this.deps.locale()))
      : fieldMessage(error, labelsOf(sections));
    return { [field]: message };
  }
}

export class QrPinSettings extends PolicySettings {
  enabled = $state(false);
  /** Badge sign-in from phones, tablets and enrolled kiosks only (the policy's mobileDevicesOnly). */
  mobileOnly = $state(false);
  everyone = $state(true);
  included = $state<string[]>([]);
  excluded = $state<string[]>([]);

  constructor(policy: QrPinPolicy, deps: PolicySettingsDeps) {
    super(policy, deps);
    this.#showTargets(policy);
  }

  override show(policy: object): void {
    super.show(policy);
    this.#showTargets(policy as QrPinPolicy);
  }

  #showTargets(qr: QrPinPolicy): void {
    this.enabled = qr.state === 'enabled';
    this.mobileOnly = qr.mobileDevicesOnly === true;
    this.everyone = qr.includeTargets.some((t) => t.id === ALL_USERS);
    this.included = qr.includeTargets.filter((t) => t.id !== ALL_USERS).map((t) => t.id);
    this.excluded = qr.excludeTargets.map((t) => t.id);
  }

  protected override problems(): Record<string, string> {
    return !this.everyone && this.included.length === 0
      ? { includeTargets: this.deps.words().qr.includeRequired }
      : {};
  }

  protected override body(): Record<string, unknown> {
    return {
      state: this.enabled ? 'enabled' : 'disabled',
      mobileDevicesOnly: this.mobileOnly,
      includeTargets: this.everyone ? [{ id: ALL_USERS }] : this.included.map((id) => ({ id })),
      excludeTargets: this.excluded.map((id) => ({ id })),
      ...super.body(),
    };
  }
}
