/**
 * A person's page as state: what the admin or manager is asked to confirm, and what an action answered
 * (a badge or PIN shown once, a refusal in words, a done message). Issuing a badge has its own
 * dialog state (badge-issue-dialog.svelte.ts), which hands what it issued to `showIssued`.
 * The page reads the person, their badge state and sessions in +page.ts's load; every action here
 * writes through the API given to the constructor, then `refresh()` (invalidate) reads them again.
 *
 * Rules:
 * - Anything that ends, deletes, replaces, resets, suspends or offboards asks first (`confirm`), naming
 *   the person;
 *   a refusal stays in the open dialog; success closes it and refreshes.
 * - Issuing a badge to someone who has a badge that still works is refused by the API; the page then
 *   offers "Replace badge" (`conflict`).
 * - A badge or PIN lives only in `secret` (memory) until "Done" (`forgetSecret`).
 * - Words come from `words()` at the moment they are needed, so a change of language applies.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { UserView } from '$server/contracts/schemas';
import type { IssuedBadge } from './badge';
import type { PeopleMessages } from './people-text';

export type CodeKind = 'standard' | 'temporary';

/** The writes a person's page makes (the typed client in the browser, fakes in tests). */
export interface PersonApi {
  deleteCode(id: string, kind: CodeKind): Promise<ApiResult<unknown>>;
  deleteMethod(id: string): Promise<ApiResult<unknown>>;
  resetPin(id: string): Promise<ApiResult<{ code: string }>>;
  unlock(id: string): Promise<ApiResult<unknown>>;
  endSessions(id: string): Promise<ApiResult<unknown>>;
  setEnabled(id: string, accountEnabled: boolean): Promise<ApiResult<UserView>>;
  /** Turns the person off, revokes every badge and ends every session, for good (features/people/offboarding.ts). */
  offboard(id: string): Promise<ApiResult<unknown>>;
  /** Turns an offboarded person on again; their old badges stay revoked. */
  reactivate(id: string): Promise<ApiResult<unknown>>;
  deletePerson(id: string): Promise<ApiResult<unknown>>;
}

export interface PersonPageDeps {
  api: PersonApi;
  words: () => PeopleMessages;
  /** Server refusals in words (describeConsoleError). */
  describe: (error: ClientError) => string;
  /** Reads the page's data again (invalidate). */
  refresh: () => Promise<void>;
  /** After the person was deleted: back to the list. */
  leave: () => Promise<void>;
  /** A short "done" message (a toast). */
  notify: (message: string) => void;
}

export interface ConfirmRequest {
  title: string;
  text: string;
  confirmLabel: string;
  danger: boolean;
  /** Runs the action: null when done, else the words of the refusal. */
  run: () => Promise<string | null>;
}

type Person = Pick<UserView, 'id' | 'displayName' | 'accountEnabled'> & Partial<Pick<UserView, 'offboarded'>>;

export class PersonPage {
  secret = $state<{ badge?: IssuedBadge; pin?: string } | null>(null);
  confirm = $state<ConfirmRequest | null>(null);
  confirmBusy = $state(false);
  confirmError = $state<string | null>(null);
  /** The person already has a badge that works: offer to replace it. */
  conflict = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);

  readonly #deps: PersonPageDeps;

  constructor(deps: PersonPageDeps) {
    this.#deps = deps;
  }

  get #t() {
    return this.#deps.words();
  }

  #refusal(result: { status: number; error: ClientError }): string {
    const t = this.#t;
    if (result.status === 403) return t.notInYourStores;
    if (result.error.code === 'CANNOT_REMOVE_SELF') return t.form.errors.self;
    if (result.error.code === 'LAST_ADMIN') return t.form.errors.lastAdmin;
    return this.#deps.describe(result.error);
  }

  /** Runs a write outside a dialog; its refusal goes to `error`. */
  async #act<T>(call: () => Promise<ApiResult<T>>, done: (data: T) => void): Promise<boolean> {
    this.error = null;
    this.busy = true;
    const result = await call();
    this.busy = false;
    if (!result.ok) {
      this.error = this.#refusal(result);
      return false;
    }
    done(result.data);
    await this.#deps.refresh();
    return true;
  }

  /** Runs a write from a dialog: null when done (and refreshed), else its refusal in words. */
  async #confirmed<T>(call: () => Promise<ApiResult<T>>, done: (data: T) => void = () => {}) {
    const result = await call();
    if (!result.ok) return this.#refusal(result);
    done(result.data);
    await this.#deps.refresh();
    return null;
  }

  #ask(request: ConfirmRequest) {
    this.error = null;
    this.confirmError = null;
    this.confirm = request;
  }

  async runConfirm(): Promise<void> {
    const request = this.confirm;
    if (!request || this.confirmBusy) return;
    this.confirmBusy = true;
    const failed = await request.run();
    this.confirmBusy = false;
    if (failed) this.confirmError = failed;
    else if (this.confirm === request) this.confirm = null;
  }

  cancelConfirm(): void {
    if (this.confirmBusy) return;
    this.confirm = null;
    this.confirmError = null;
  }

  /** "Done" on the shown-once panel: the badge and PIN leave memory. */
  forgetSecret(): void {
    this.secret = null;
  }

  /** A badge the issue dialog (BadgeIssueDialog) issued: shown once, then the page is read again. */
  async showIssued(badge: IssuedBadge): Promise<void> {
    this.conflict = false;
    this.error = null;
    this.secret = { badge };
    await this.#deps.refresh();
  }

  /** The issue dialog was told the person already has a badge that works: offer to replace it. */
  showConflict(): void {
    this.conflict = true;
  }

  askResetPin(person: Person): void {
    const t = this.#t.method;
    this.#ask({
      title: t.resetPinTitle(person.displayName),
      text: t.confirmResetPin,
      confirmLabel: t.resetPin,
      danger: true,
      run: () =>
        this.#confirmed(
          () => this.#deps.api.resetPin(person.id),
          (pin) => (this.secret = { pin: pin.code }),
        ),
    });
  }

  askUnlock(person: Person): void {
    const t = this.#t.method;
    this.#ask({
      title: t.unlockTitle(person.displayName),
      text: t.confirmUnlock,
      confirmLabel: t.unlock,
      danger: false,
      run: () =>
        this.#confirmed(
          () => this.#deps.api.unlock(person.id),
          () => this.#deps.notify(t.unlocked),
        ),
    });
  }

  askDeleteCode(person: Person, kind: CodeKind): void {
    const t = this.#t.method;
    const standard = kind === 'standard';
    this.#ask({
      title: standard
        ? t.deleteStandardTitle(person.displayName)
        : t.deleteTemporaryTitle(person.displayName),
      text: standard ? t.confirmDeleteStandard : t.confirmDeleteTemporary,
      confirmLabel: standard ? t.deleteStandard : t.deleteTemporary,
      danger: true,
      run: () =>
        this.#confirmed(
          () => this.#deps.api.deleteCode(person.id, kind),
          () => {
            this.conflict = false;
            this.#deps.notify(t.codeDeleted);
          },
        ),
    });
  }

  askDeleteMethod(person: Person): void {
    const t = this.#t.method;
    this.#ask({
      title: t.deleteMethodTitle(person.displayName),
      text: t.confirmDeleteMethod,
      confirmLabel: t.deleteMethod,
      danger: true,
      run: () =>
        this.#confirmed(
          () => this.#deps.api.deleteMethod(person.id),
          () => {
            this.conflict = false;
            this.#deps.notify(t.methodDeleted);
          },
        ),
    });
  }

  askEndSessions(person: Person): void {
    const t = this.#t.sessions;
    this.#ask({
      title: t.endAllTitle(person.displayName),
      text: t.confirmEnd(person.displayName),
      confirmLabel: t.endAll,
      danger: true,
      run: () =>
        this.#confirmed(
          () => this.#deps.api.endSessions(person.id),
          () => this.#deps.notify(t.ended),
        ),
    });
  }

  askSuspend(person: Person): void {
    const t = this.#t.person;
    this.#ask({
      title: t.suspendTitle(person.displayName),
      text: t.confirmSuspend(person.displayName),
      confirmLabel: t.suspend,
      danger: true,
      run: () =>
        this.#confirmed(
          () => this.#deps.api.setEnabled(person.id, false),
          () => this.#deps.notify(t.suspendedDone(person.displayName)),
        ),
    });
  }

  /**
   * Offboarding ends the person's access for good (a suspension keeps their badges): it asks first,
   * saying that old badges never work again.
   */
  askOffboard(person: Person): void {
    const t = this.#t.person;
    this.#ask({
      title: t.offboardTitle(person.displayName),
      text: t.confirmOffboard(person.displayName),
      confirmLabel: t.offboard,
      danger: true,
      run: () =>
        this.#confirmed(
          () => this.#deps.api.offboard(person.id),
          () => {
            this.conflict = false;
            this.#deps.notify(t.offboardedDone(person.displayName));
          },
        ),
    });
  }

  /**
   * Allowing sign-in again is safe: no question. An offboarded person is turned on through reactivate
   * (audited as such); their old badges stay revoked, which the done message says.
   */
  async allowSignIn(person: Person): Promise<void> {
    const t = this.#t.person;
    if (person.offboarded) {
      await this.#act(
        () => this.#deps.api.reactivate(person.id),
        () => this.#deps.notify(t.reactivatedDone(person.displayName)),
      );
      return;
    }
    await this.#act(
      () => this.#deps.api.setEnabled(person.id, true),
      () => this.#deps.notify(t.unsuspendedDone(person.displayName)),
    );
  }

  askDelete(person: Person): void {
    const t = this.#t.person;
    this.#ask({
      title: t.deleteTitle(person.displayName),
      text: t.confirmDelete(person.displayName),
      confirmLabel: t.delete,
      danger: true,
      run: async () => {
        const result = await this.#deps.api.deletePerson(person.id);
        if (!result.ok) {
          return result.error.code === 'CANNOT_REMOVE_SELF' ? t.cannotDeleteSelf : this.#refusal(result);
        }
        this.confirm = null;
        await this.#deps.leave();
        return null;
      },
    });
  }
}
