/**
 * The new-endpoint page's state: the form (refused in words before sending, the server's refusals
 * next to their field), then the endpoint just made with its signing secret, kept only here in memory
 * (never in web storage or the address) until "Done", which forgets it.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { WebhooksWords } from '../webhooks-text';
import {
  createBody,
  emptyEndpointForm,
  formProblems,
  problemFromServer,
  type EndpointForm,
  type EndpointProblems,
} from './form';
import type { CreateWebhookBody, CreatedWebhookEndpoint } from './types';

/** The endpoint list's `depends` key: invalidated after an endpoint is added, changed or deleted. */
export const WEBHOOKS_DEPENDENCY = 'shiftpass:webhooks';

export interface NewEndpointDeps {
  create(body: CreateWebhookBody): Promise<ApiResult<CreatedWebhookEndpoint>>;
  words(): WebhooksWords;
  /** A server refusal in words (describeConsoleError). */
  describe(error: ClientError): string;
}

/** A refusal of a whole webhook form or action, in words. */
export function refusalWords(
  error: ClientError,
  status: number,
  t: WebhooksWords,
  describe: (error: ClientError) => string,
): string {
  if (error.code === 'REAUTHENTICATION_REQUIRED') return t.reauthCancelled;
  if (error.code === 'WEBHOOK_NOT_FOUND') return t.notFound;
  if (status === 403) return t.adminsOnly;
  return describe(error);
}

export class NewEndpointPage {
  form = $state<EndpointForm>(emptyEndpointForm());
  problems = $state<EndpointProblems>({});
  formError = $state<string | null>(null);
  busy = $state(false);
  /** The endpoint just added, secret included: shown once, dropped by `forgetSecret`. */
  created = $state<CreatedWebhookEndpoint | null>(null);
  readonly #deps: NewEndpointDeps;

  constructor(deps: NewEndpointDeps) {
    this.#deps = deps;
  }

  /** Sends the form; true when the endpoint was added (its secret is then in `created`). */
  async submit(): Promise<boolean> {
    if (this.busy) return false;
    const t = this.#deps.words();
    this.formError = null;
    this.problems = formProblems(this.form, t);
    if (Object.keys(this.problems).length > 0) {
      this.formError = t.fixBelow;
      return false;
    }
    this.busy = true;
    const result = await this.#deps.create(createBody(this.form));
    this.busy = false;
    if (result.ok) {
      this.created = result.data;
      this.form = emptyEndpointForm();
      return true;
    }
    const placed = problemFromServer(result.error, t);
    if (placed) {
      this.problems = placed;
      this.formError = t.fixBelow;
    } else {
      this.formError = refusalWords(result.error, result.status, t, this.#deps.describe);
    }
    return false;
  }

  /** "Done": the secret leaves the page's memory. */
  forgetSecret(): void {
    this.created = null;
  }
}
