/**
 * One endpoint's page: its settings form (only what changed is sent), turning it on or off, "Send
 * test event" (then the delivery log follows the test until it has an answer), and, each behind a
 * confirmation, rotating the signing secret (the new one shown once, kept only in memory until
 * "Done") and deleting the endpoint. The endpoint itself comes from the page's `load`; after a change
 * the page reads it again through `refresh`.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { WebhooksWords } from '../webhooks-text';
import type { DeliveryLog } from './delivery-log.svelte';
import {
  formFromEndpoint,
  formProblems,
  patchBody,
  problemFromServer,
  type EndpointForm,
  type EndpointProblems,
} from './form';
import { refusalWords } from './new-endpoint.svelte';
import type { PatchWebhookBody, WebhookEndpointView } from './types';

export interface EndpointPageDeps {
  patch(id: string, body: PatchWebhookBody): Promise<ApiResult<WebhookEndpointView>>;
  rotate(id: string): Promise<ApiResult<{ secret: string }>>;
  remove(id: string): Promise<ApiResult<unknown>>;
  test(id: string): Promise<ApiResult<{ eventId: string }>>;
  /** Reads the endpoint again (the page's `invalidate`). */
  refresh(): Promise<void>;
  /** After deleting: back to the list. */
  leave(): Promise<void>;
  words(): WebhooksWords;
  describe(error: ClientError): string;
  tell(message: string): void;
}

export type EndpointConfirm = 'rotate' | 'delete';

export class EndpointPage {
  endpoint = $state<WebhookEndpointView>() as WebhookEndpointView;
  form = $state<EndpointForm>() as EndpointForm;
  problems = $state<EndpointProblems>({});
  formError = $state<string | null>(null);
  saving = $state(false);
  /** A refusal of an action from the page's header (on/off, test), in words. */
  actionError = $state<string | null>(null);
  switching = $state(false);
  testing = $state(false);
  confirm = $state<EndpointConfirm | null>(null);
  confirmError = $state<string | null>(null);
  confirmBusy = $state(false);
  /** The new signing secret after a rotation: shown once, dropped by `forgetSecret`. */
  secret = $state<string | null>(null);
  readonly #deps: EndpointPageDeps;
  readonly #log: DeliveryLog;

  constructor(endpoint: WebhookEndpointView, log: DeliveryLog, deps: EndpointPageDeps) {
    this.#deps = deps;
    this.#log = log;
    this.endpoint = endpoint;
    this.form = formFromEndpoint(endpoint);
  }

  /** The page's `load` read the endpoint again: the form follows unless it holds unsaved changes. */
  update(endpoint: WebhookEndpointView): void {
    const untouched = patchBody(this.form, this.endpoint) === null;
    this.endpoint = endpoint;
    if (untouched) this.form = formFromEndpoint(endpoint);
  }

  get changed(): boolean {
    return patchBody(this.form, this.endpoint) !== null;
  }

  #refusal(error: ClientError, status: number): string {
    return refusalWords(error, status, this.#deps.words(), this.#deps.describe);
  }

  async save(): Promise<boolean> {
    if (this.saving) return false;
    const t = this.#deps.words();
    this.formError = null;
    this.problems = formProblems(this.form, t);
    if (Object.keys(this.problems).length > 0) {
      this.formError = t.fixBelow;
      return false;
    }
    const body = patchBody(this.form, this.endpoint);
    if (!body) {
      this.#deps.tell(t.saved);
      return true;
    }
    this.saving = true;
    const result = await this.#deps.patch(this.endpoint.id, body);
    this.saving = false;
    if (!result.ok) {
      const placed = problemFromServer(result.error, t);
      if (placed) {
        this.problems = placed;
        this.formError = t.fixBelow;
      } else {
        this.formError = this.#refusal(result.error, result.status);
      }
      return false;
    }
    this.endpoint = result.data;
    this.form = formFromEndpoint(result.data);
    this.#deps.tell(t.saved);
    await this.#deps.refresh();
    return true;
  }

  /** Back to what is saved. */
  reset(): void {
    this.form = formFromEndpoint(this.endpoint);
    this.problems = {};
    this.formError = null;
  }

  async setEnabled(enabled: boolean): Promise<void> {
    if (this.switching) return;
    const t = this.#deps.words();
    this.actionError = null;
    this.switching = true;
    const result = await this.#deps.patch(this.endpoint.id, { enabled });
    this.switching = false;
    if (!result.ok) {
      this.actionError = this.#refusal(result.error, result.status);
      return;
    }
    this.endpoint = result.data;
    this.#deps.tell(enabled ? t.turnedOn : t.turnedOff);
    await this.#deps.refresh();
  }

  /** Queues a test event, then lets the log follow it until it has an answer. */
  async sendTest(): Promise<void> {
    if (this.testing) return;
    const t = this.#deps.words();
    this.actionError = null;
    this.testing = true;
    const result = await this.#deps.test(this.endpoint.id);
    this.testing = false;
    if (!result.ok) {
      this.actionError = this.#refusal(result.error, result.status);
      return;
    }
    this.#deps.tell(t.testQueued);
    await this.#log.follow(result.data.eventId);
    await this.#deps.refresh();
  }

  ask(action: EndpointConfirm): void {
    this.confirm = action;
    this.confirmError = null;
  }

  cancelConfirm(): void {
    if (this.confirmBusy) return;
    this.confirm = null;
    this.confirmError = null;
  }

  /** Runs the confirmed action; a refusal stays in the dialog. */
  async confirmed(): Promise<void> {
    const action = this.confirm;
    if (!action || this.confirmBusy) return;
    const t = this.#deps.words();
    this.confirmBusy = true;
    if (action === 'rotate') {
      const result = await this.#deps.rotate(this.endpoint.id);
      this.confirmBusy = false;
      if (!result.ok) {
        this.confirmError = this.#refusal(result.error, result.status);
        return;
      }
      this.confirm = null;
      this.secret = result.data.secret;
      return;
    }
    const result = await this.#deps.remove(this.endpoint.id);
    this.confirmBusy = false;
    if (!result.ok) {
      this.confirmError = this.#refusal(result.error, result.status);
      return;
    }
    this.confirm = null;
    this.#deps.tell(t.deleted(this.endpoint.url));
    await this.#deps.leave();
  }

  forgetSecret(): void {
    this.secret = null;
  }
}
