/**
 * The Stores page's state (/admin/groups): the new-store form, the store being edited, and the store
 * about to be deleted, with the rules a store manager notices: what is sent (names trimmed, an empty
 * time zone or language as "none"), where a refusal shows (next to its field, else above the form),
 * and what happens after a change (the lists read again, a toast naming the store). Reads are the
 * page's `load`; this class only writes, through the functions it is given.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { GroupView } from '$server/contracts/directory';
import type { KioskLanguage } from '$server/contracts/kiosk-languages';
import { errorField, fieldMessage } from './field-errors';
import type { storesText } from './stores-text';

export type StoresMessages = typeof storesText;

/** What a create or rename sends. */
export interface StoreBody {
  displayName: string;
  timeZone: string | null;
  kioskLanguage: KioskLanguage | null;
}

export type StoreField = 'displayName' | 'timeZone' | 'kioskLanguage';

export interface StoresPageDeps {
  create(body: StoreBody): Promise<ApiResult<GroupView>>;
  update(id: string, body: StoreBody): Promise<ApiResult<GroupView>>;
  remove(id: string): Promise<ApiResult<unknown>>;
  /** Reads the page's list and the console's store list again. */
  refresh(): Promise<void>;
  /** A short success message (a toast). */
  notify(message: string): void;
  /** The page's words now (they follow the console's language). */
  words(): StoresMessages;
  /** A refusal that is not about one field, in words. */
  describe(error: ClientError): string;
}

const FIELDS: readonly StoreField[] = ['displayName', 'timeZone', 'kioskLanguage'];

/** One store's form: the values as typed, and the refusals of the last save. */
export class StoreForm {
  name = $state('');
  timeZone = $state('');
  /** '' = each phone's own language. */
  kioskLanguage = $state<KioskLanguage | ''>('');
  errors = $state<Partial<Record<StoreField, string>>>({});
  error = $state<string | null>(null);
  busy = $state(false);

  fill(store: Pick<GroupView, 'displayName' | 'timeZone' | 'kioskLanguage'> | null): void {
    this.name = store?.displayName ?? '';
    this.timeZone = store?.timeZone ?? '';
    this.kioskLanguage = store?.kioskLanguage ?? '';
    this.errors = {};
    this.error = null;
  }

  body(): StoreBody {
    const zone = this.timeZone.trim();
    return {
      displayName: this.name.trim(),
      timeZone: zone === '' ? null : zone,
      kioskLanguage: this.kioskLanguage === '' ? null : this.kioskLanguage,
    };
  }

  /** Shows a refusal next to its field when the server names one of this form's, else above the form. */
  refuse(error: ClientError, words: StoresMessages, describe: (error: ClientError) => string): void {
    const field = errorField(error);
    if (field && (FIELDS as readonly string[]).includes(field)) {
      const labels = {
        displayName: words.name,
        timeZone: words.timeZone,
        kioskLanguage: words.kioskLanguage,
      };
      this.errors = { [field]: fieldMessage(error, labels) };
      this.error = null;
    } else {
      this.errors = {};
      this.error = describe(error);
    }
  }

  /** Runs one save: the saved store, or null when refused (a blank name is refused here, unsent). */
  async save(send: () => Promise<ApiResult<GroupView>>, deps: StoresPageDeps): Promise<GroupView | null> {
    if (this.busy) return null;
    this.errors = {};
    this.error = null;
    if (this.name.trim() === '') {
      this.errors = { displayName: deps.words().nameRequired };
      return null;
    }
    this.busy = true;
    try {
      const result = await send();
      if (result.ok) return result.data;
      this.refuse(result.error, deps.words(), deps.describe);
      return null;
    } finally {
      this.busy = false;
    }
  }
}

export class StoresPage {
  readonly draft = new StoreForm();
  readonly edit = new StoreForm();
  /** The store in the edit dialog, or null. */
  editing = $state<GroupView | null>(null);
  /** The store the delete confirmation names, or null. */
  deleting = $state<GroupView | null>(null);
  deleteBusy = $state(false);
  deleteError = $state<string | null>(null);
  readonly #deps: StoresPageDeps;

  constructor(deps: StoresPageDeps) {
    this.#deps = deps;
  }

  async create(): Promise<void> {
    const created = await this.draft.save(() => this.#deps.create(this.draft.body()), this.#deps);
    if (!created) return;
    this.draft.fill(null);
    this.#deps.notify(this.#deps.words().created(created.displayName));
    await this.#deps.refresh();
  }

  startEdit(store: GroupView): void {
    this.edit.fill(store);
    this.editing = store;
  }

  cancelEdit(): void {
    this.editing = null;
  }

  async saveEdit(): Promise<void> {
    const target = this.editing;
    if (!target) return;
    const saved = await this.edit.save(() => this.#deps.update(target.id, this.edit.body()), this.#deps);
    if (!saved) return;
    this.editing = null;
    this.#deps.notify(this.#deps.words().saved(saved.displayName));
    await this.#deps.refresh();
  }

  askDelete(store: GroupView): void {
    this.deleteError = null;
    this.deleting = store;
  }

  cancelDelete(): void {
    if (this.deleteBusy) return;
    this.deleting = null;
    this.deleteError = null;
  }

  async confirmDelete(): Promise<void> {
    const target = this.deleting;
    if (!target || this.deleteBusy) return;
    this.deleteBusy = true;
    this.deleteError = null;
    try {
      const result = await this.#deps.remove(target.id);
      if (!result.ok) {
        this.deleteError = this.#deps.describe(result.error);
        return;
      }
      this.deleting = null;
      if (this.editing?.id === target.id) this.editing = null;
      this.#deps.notify(this.#deps.words().deleted(target.displayName));
      await this.#deps.refresh();
    } finally {
      this.deleteBusy = false;
    }
  }
}
