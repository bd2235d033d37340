/**
 * The Apps page's state: the register/edit form (with its problems before sending and the server's
 * refusals next to their field), the credentials shown once after registering or rotating a secret
 * (kept only here, in memory, until "Done"), turning an app on or off, and the confirmation before
 * rotating a secret or deleting an app. The list itself is the page's `load` (`refresh` after a change).
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { AppView, AppWithSecret, CreateAppInput, PatchAppInput } from '$server/contracts/apps';
import {
  createAppBody,
  emptyAppForm,
  formFromApp,
  formProblems,
  patchAppBody,
  problemFromServer,
  type AppForm,
  type AppFormProblems,
} from './app-form';
import type { AppsWords } from './apps-text';
import { errorField, messageWithoutField } from './field-errors';

/** The app list's `depends` key. */
export const APPS_DEPENDENCY = 'shiftpass:apps';

export interface AppsDeps {
  create(body: CreateAppInput): Promise<ApiResult<AppWithSecret>>;
  patch(id: string, body: PatchAppInput): Promise<ApiResult<AppView>>;
  rotate(id: string): Promise<ApiResult<AppWithSecret>>;
  remove(id: string): Promise<ApiResult<unknown>>;
  refresh(): Promise<void>;
  words(): AppsWords;
  describe(error: ClientError): string;
  tell(message: string): void;
}

export type AppConfirm = { action: 'rotate' | 'delete'; app: AppView };

export class AppsPage {
  /** The app being edited; null while the form registers a new one. */
  editing = $state<AppView | null>(null);
  form = $state<AppForm>(emptyAppForm());
  problems = $state<AppFormProblems>({});
  formError = $state<string | null>(null);
  busy = $state(false);
  /** Credentials to hand to the developer, secret included: shown once, dropped by `dismissShown`. */
  shown = $state<{ app: AppWithSecret; rotated: boolean } | null>(null);
  confirm = $state<AppConfirm | null>(null);
  confirmError = $state<string | null>(null);
  confirmBusy = $state(false);
  /** An action on a row that failed (turning on or off), in words. */
  rowError = $state<string | null>(null);
  readonly #deps: AppsDeps;

  constructor(deps: AppsDeps) {
    this.#deps = deps;
  }

  startNew(): void {
    this.editing = null;
    this.form = emptyAppForm();
    this.problems = {};
    this.formError = null;
  }

  startEdit(app: AppView): void {
    this.editing = app;
    this.form = formFromApp(app);
    this.problems = {};
    this.formError = null;
  }

  /** Sends the form; true when the app was registered or saved. */
  async save(): Promise<boolean> {
    const w = this.#deps.words();
    this.formError = null;
    this.problems = formProblems(this.form, w);
    if (Object.keys(this.problems).length > 0) {
      this.formError = w.fixBelow;
      return false;
    }
    this.busy = true;
    const target = this.editing;
    const result = target
      ? await this.#deps.patch(target.id, patchAppBody(this.form))
      : await this.#deps.create(createAppBody(this.form));
    this.busy = false;
    if (!result.ok) {
      this.#showRefusal(result.error, result.status);
      return false;
    }
    if (target) this.#deps.tell(w.saved(result.data.displayName));
    else this.shown = { app: result.data as AppWithSecret, rotated: false };
    this.startNew();
    await this.#deps.refresh();
    return true;
  }

  /** The server's refusal next to its field, or above the form. */
  #showRefusal(error: ClientError, status: number): void {
    const w = this.#deps.words();
    if (error.code === 'NAME_ALREADY_EXISTS') {
      this.problems = { displayName: w.nameTaken };
    } else if (error.code === 'REAUTHENTICATION_REQUIRED') {
      this.formError = w.reauthCancelled;
      return;
    } else {
      const field = errorField(error) ?? (error.code === 'GROUP_NOT_FOUND' ? 'groupIds' : undefined);
      const placed = problemFromServer(this.form, field, messageWithoutField(error), w);
      if (!placed) {
        this.formError = this.#refusal(error, status);
        return;
      }
      this.problems = { [placed.field]: placed.message };
    }
    this.formError = w.fixBelow;
  }

  #refusal(error: ClientError, status: number): string {
    const w = this.#deps.words();
    if (error.code === 'REAUTHENTICATION_REQUIRED') return w.reauthCancelled;
    return status === 403 ? w.adminsOnly : this.#deps.describe(error);
  }

  async setEnabled(app: AppView, enabled: boolean): Promise<void> {
    const w = this.#deps.words();
    this.rowError = null;
    const result = await this.#deps.patch(app.id, { enabled });
    if (!result.ok) {
      this.rowError = this.#refusal(result.error, result.status);
      return;
    }
    this.#deps.tell(enabled ? w.turnedOn(app.displayName) : w.turnedOff(app.displayName));
    if (this.editing?.id === app.id) this.form.enabled = enabled;
    await this.#deps.refresh();
  }

  ask(action: AppConfirm['action'], app: AppView): void {
    this.confirm = { action, app };
    this.confirmError = null;
  }

  cancelConfirm(): void {
    this.confirm = null;
    this.confirmError = null;
  }

  /** Runs the confirmed action; a refusal stays in the dialog. */
  async confirmed(): Promise<void> {
    const asked = this.confirm;
    if (!asked || this.confirmBusy) return;
    const w = this.#deps.words();
    this.confirmBusy = true;
    const { app } = asked;
    if (asked.action === 'rotate') {
      const result = await this.#deps.rotate(app.id);
      this.confirmBusy = false;
      if (!result.ok) {
        this.confirmError =
          result.error.code === 'APP_HAS_NO_SECRET'
            ? w.noSecretToRotate
            : this.#refusal(result.error, result.status);
        return;
      }
      this.shown = { app: result.data, rotated: true };
    } else {
      const result = await this.#deps.remove(app.id);
      this.confirmBusy = false;
      if (!result.ok) {
        this.confirmError = this.#refusal(result.error, result.status);
        return;
      }
      if (this.editing?.id === app.id) this.startNew();
      if (this.shown?.app.id === app.id) this.shown = null;
      this.#deps.tell(w.deleted(app.displayName));
    }
    this.confirm = null;
    await this.#deps.refresh();
  }

  dismissShown(): void {
    this.shown = null;
  }
}
