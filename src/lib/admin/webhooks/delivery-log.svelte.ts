/**
 * One endpoint's delivery log: keyset pages forwards and back (LogPages keeps the earlier cursors),
 * "Retry now" on a failed delivery, and after "Send test event" the first page read again every few
 * seconds until that event's delivery has an answer (or a minute has passed), so the admin sees it
 * arrive. The timer is injected; `stop()` ends any following when the page goes.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import { LogPages } from '../log-pages.svelte';
import type { WebhooksWords } from '../webhooks-text';
import type { DeliveryPage, WebhookDeliveryView } from './types';

export const LOG_PAGE_SIZE = 20;
export const FOLLOW_EVERY_MS = 2000;
export const FOLLOW_AT_MOST = 30;

export interface DeliveryLogDeps {
  read(cursor: string): Promise<ApiResult<DeliveryPage>>;
  retry(deliveryId: string): Promise<ApiResult<unknown>>;
  words(): WebhooksWords;
  describe(error: ClientError): string;
  tell(message: string): void;
  /** Resolves after `ms` (setTimeout in the page, at once in tests). */
  wait?(ms: number): Promise<void>;
}

export class DeliveryLog {
  rows = $state<WebhookDeliveryView[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The delivery whose retry is being sent. */
  retrying = $state<string | null>(null);
  readonly pages = new LogPages();
  #cursor = '';
  #following = 0;
  #stopped = false;
  readonly #deps: DeliveryLogDeps;

  constructor(deps: DeliveryLogDeps, first?: ApiResult<DeliveryPage>) {
    this.#deps = deps;
    if (first) this.#show(first);
  }

  get hasPrevious(): boolean {
    return this.pages.number > 1;
  }

  #show(result: ApiResult<DeliveryPage>): void {
    if (result.ok) {
      this.rows = result.data.value;
      this.nextCursor = result.data.nextCursor;
      this.error = null;
    } else {
      const t = this.#deps.words();
      this.error =
        result.status === 403 ? t.adminsOnly : `${t.logFailed} ${this.#deps.describe(result.error)}`;
    }
  }

  async #read(cursor: string): Promise<boolean> {
    this.loading = true;
    const result = await this.#deps.read(cursor);
    this.loading = false;
    if (this.#stopped) return false;
    this.#show(result);
    if (result.ok) this.#cursor = cursor;
    return result.ok;
  }

  async next(): Promise<void> {
    if (!this.nextCursor || this.loading) return;
    const current = this.#cursor;
    const target = this.nextCursor;
    if (await this.#read(target)) this.pages.next(current, target);
  }

  async previous(): Promise<void> {
    if (!this.hasPrevious || this.loading) return;
    await this.#read(this.pages.previous());
  }

  /** The page shown, read again. */
  refresh(): Promise<boolean> {
    return this.#read(this.#cursor);
  }

  /** Back to the newest deliveries. */
  async first(): Promise<void> {
    this.pages.reset();
    await this.#read('');
  }

  async retry(delivery: WebhookDeliveryView): Promise<void> {
    if (this.retrying) return;
    const t = this.#deps.words();
    this.retrying = delivery.id;
    const result = await this.#deps.retry(delivery.id);
    this.retrying = null;
    if (!result.ok) {
      this.error = result.status === 403 ? t.adminsOnly : this.#deps.describe(result.error);
      return;
    }
    this.#deps.tell(t.retried);
    await this.refresh();
  }

  /**
   * Shows the newest deliveries and reads them again until the delivery of `eventId` is there with an
   * answer (delivered, retrying or failed), or after FOLLOW_AT_MOST reads. A newer call takes over.
   */
  async follow(eventId: string): Promise<void> {
    const mine = ++this.#following;
    const wait = this.#deps.wait ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    this.pages.reset();
    for (let read = 0; read < FOLLOW_AT_MOST; read += 1) {
      if (read > 0) await wait(FOLLOW_EVERY_MS);
      if (this.#stopped || mine !== this.#following) return;
      await this.#read('');
      const row = this.rows.find((delivery) => delivery.eventId === eventId);
      if (row && row.state !== 'pending') return;
    }
  }

  /** The page is going: no more reads. */
  stop(): void {
    this.#stopped = true;
  }
}
