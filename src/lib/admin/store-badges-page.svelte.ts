/**
 * A store's badges page's state: the people chosen for a reprint, the request under way, and what the
 * last run issued. The preview is the page's `load` (read again after each run); the plan of who
 * "Issue" badges and who can be reprinted is group-badge-plan.ts. The issued badges themselves go to
 * the shown-once badge sheet (`showBadges`), never into this state.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { ApiResult, ClientError } from '$lib/api/client';
import { BADGES_PER_RUN, type GroupBadgePreviewPerson, type GroupBadgesResult } from '$server/contracts/bulk';
import { chosenForReprint, planGroupBadges, type GroupBadgePlan } from './group-badge-plan';

export type StoreBadgesRequest =
  Record<string, never> | { replaceExisting: true; userIds: string[] } | { userIds: string[] };

export interface StoreBadgesDeps {
  /** The preview's people as loaded now. */
  people(): readonly GroupBadgePreviewPerson[];
  send(body: StoreBadgesRequest): Promise<ApiResult<GroupBadgesResult>>;
  /** Hands the issued badges (with any temporary PINs) to the shown-once sheet. */
  showBadges(badges: GroupBadgesResult['badges']): void;
  /** Reads the preview again. */
  refresh(): Promise<void>;
  /** A refusal in words (a manager's 403 for another store's badges included). */
  describe(status: number, error: ClientError): string;
}

export class StoreBadgesPage {
  readonly chosen = new SvelteSet<string>();
  busy = $state<'issue' | 'reprint' | 'newPeople' | null>(null);
  error = $state<string | null>(null);
  result = $state<Omit<GroupBadgesResult, 'badges'> | null>(null);
  confirmingReprint = $state(false);
  /** Who Issue badges, and who can be reprinted, from the preview as loaded now. */
  readonly plan: GroupBadgePlan;
  /** The chosen people who can still be reprinted. */
  readonly toReprint: string[];
  readonly allChosen: boolean;
  readonly #deps: StoreBadgesDeps;

  constructor(deps: StoreBadgesDeps) {
    this.#deps = deps;
    this.plan = $derived(planGroupBadges(deps.people()));
    this.toReprint = $derived(chosenForReprint(this.plan, this.chosen));
    this.allChosen = $derived(
      this.plan.reprintable.length > 0 && this.toReprint.length === this.plan.reprintable.length,
    );
  }

  toggle(userId: string, on: boolean): void {
    if (on) this.chosen.add(userId);
    else this.chosen.delete(userId);
  }

  toggleAll(on: boolean): void {
    this.chosen.clear();
    if (on) for (const person of this.plan.reprintable) this.chosen.add(person.userId);
  }

  /** Badges for everyone without one. */
  issue(): Promise<void> {
    return this.#run('issue', {});
  }

  /**
   * Badges for exactly the new people the page lists (badge-queue.ts on the server): the first
   * BADGES_PER_RUN of them, as one run issues at most that many.
   */
  issueNewPeople(userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return Promise.resolve();
    return this.#run('newPeople', { userIds: userIds.slice(0, BADGES_PER_RUN) });
  }

  askReprint(): void {
    if (this.toReprint.length > 0) this.confirmingReprint = true;
  }

  /** New badges (new codes, PINs kept) for the chosen people, after the confirmation. */
  reprint(): Promise<void> {
    this.confirmingReprint = false;
    return this.#run('reprint', { replaceExisting: true, userIds: this.toReprint });
  }

  /** Back to the preview (the page asks first while the issued badges are unsaved). */
  startAgain(): void {
    this.result = null;
  }

  async #run(kind: NonNullable<StoreBadgesPage['busy']>, body: StoreBadgesRequest): Promise<void> {
    if (this.busy) return;
    this.busy = kind;
    this.error = null;
    try {
      const response = await this.#deps.send(body);
      if (!response.ok) {
        this.error = this.#deps.describe(response.status, response.error);
        // Someone chosen left the store meanwhile: show the store as it is now.
        if (response.status === 400) await this.#deps.refresh();
        return;
      }
      const { badges, ...rest } = response.data;
      this.#deps.showBadges(badges);
      this.result = rest;
      this.chosen.clear();
      await this.#deps.refresh();
    } finally {
      this.busy = null;
    }
  }
}
