/**
 * The access policy form's state: which policy is open (or a new one), its values, and a save that
 * checks the form's own rules first, then shows every problem the server names next to its field.
 * The save itself is injected (the page's typed client call, behind re-authentication), so the rules
 * are unit-tested without a browser.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import {
  emptyPolicyForm,
  formProblems,
  policyBody,
  saveRefusal,
  type AccessText,
  type PolicyForm,
} from './access-form';

export type PolicyBody = ReturnType<typeof policyBody>;

export interface PolicyEditorDeps {
  /** Creates (id null) or changes the policy. */
  send(id: string | null, body: PolicyBody): Promise<ApiResult<{ displayName: string }>>;
  /** Words of an error about no field (describeConsoleError). */
  describe(error: ClientError): string;
  /** The `access` words in the page's language now. */
  text(): AccessText;
}

export class PolicyEditor {
  /** The policy being edited (its id), 'new', or null when the form is closed. */
  editing = $state<string | 'new' | null>(null);
  form = $state<PolicyForm>(emptyPolicyForm());
  fieldErrors = $state<Record<string, string>>({});
  otherProblems = $state<string[]>([]);
  formError = $state<string | null>(null);
  busy = $state(false);
  readonly #deps: PolicyEditorDeps;

  constructor(deps: PolicyEditorDeps) {
    this.#deps = deps;
  }

  open(id: string | 'new', form: PolicyForm): void {
    this.editing = id;
    this.form = form;
    this.#clear();
  }

  close(): void {
    this.editing = null;
    this.#clear();
  }

  /** Saves the form; the saved policy's name, or null when something was refused (shown on the form). */
  async save(): Promise<string | null> {
    if (this.editing === null || this.busy) return null;
    this.#clear();
    const text = this.#deps.text();
    const mine = formProblems(this.form, text);
    if (Object.keys(mine).length > 0) {
      this.fieldErrors = mine;
      this.formError = text.policies.problems;
      return null;
    }
    this.busy = true;
    const result = await this.#deps.send(this.editing === 'new' ? null : this.editing, policyBody(this.form));
    this.busy = false;
    if (result.ok) {
      this.close();
      return result.data.displayName;
    }
    const refusal = saveRefusal(result, this.#deps.describe, text);
    this.fieldErrors = refusal.fieldErrors;
    this.otherProblems = refusal.otherProblems;
    this.formError = refusal.formError;
    return null;
  }

  #clear(): void {
    this.fieldErrors = {};
    this.otherProblems = [];
    this.formError = null;
  }
}
