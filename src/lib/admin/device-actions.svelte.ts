/**
 * What the devices page does to one kiosk: suspend and revoke behind a confirmation that names it,
 * resume at once (it only gives back what suspend took), and rename or move it to another store in a
 * dialog. The writes, the list's refresh and the success notice are given to it, so a test runs it
 * with fakes. Refusals are shown in the server's words (it words them in the page's language).
 */
import type { ApiResult } from '$lib/api/client';
import type { AdminDeviceView } from '$server/contracts/devices';
import type { devicesText } from './devices-text';
import type { DeviceChanges, DeviceWrites } from './device-list';
import { errorField, fieldMessage } from './field-errors';
import { describeConsoleError } from './messages';

type Words = typeof devicesText;

export interface DeviceActionDeps {
  writes: DeviceWrites;
  /** Wraps a sensitive write in the console's "Confirm it's you" when the server asks for it. */
  reauth<T>(write: () => Promise<ApiResult<T>>): Promise<ApiResult<T>>;
  /** Reads the list again (invalidate the page's load). */
  refresh(): Promise<void>;
  /** A short success notice (a toast). */
  notify(text: string): void;
  words(): Words;
}

export type Confirming = { kind: 'suspend' | 'revoke'; device: AdminDeviceView };

export interface EditErrors {
  displayName?: string;
  groupId?: string;
  form?: string;
}

export class DeviceActions {
  /** The suspend or revoke waiting for "Are you sure?". */
  confirming = $state<Confirming | null>(null);
  busy = $state(false);
  /** Why the confirmed action failed, shown in the confirmation. */
  confirmError = $state<string | null>(null);
  /** Why resuming failed, shown above the table. */
  error = $state<string | null>(null);

  editing = $state<AdminDeviceView | null>(null);
  editName = $state('');
  editGroup = $state('');
  editErrors = $state<EditErrors>({});

  readonly #deps: DeviceActionDeps;

  constructor(deps: DeviceActionDeps) {
    this.#deps = deps;
  }

  ask(kind: Confirming['kind'], device: AdminDeviceView): void {
    this.error = null;
    this.confirmError = null;
    this.confirming = { kind, device };
  }

  cancel(): void {
    if (this.busy) return;
    this.confirming = null;
    this.confirmError = null;
  }

  async confirm(): Promise<void> {
    const pending = this.confirming;
    if (!pending || this.busy) return;
    const { device } = pending;
    const m = this.#deps.words();
    this.busy = true;
    const result = await this.#deps.reauth(() =>
      pending.kind === 'revoke'
        ? this.#deps.writes.revoke(device.id)
        : this.#deps.writes.update(device.id, { status: 'suspended' }),
    );
    this.busy = false;
    if (!result.ok) {
      this.confirmError = describeConsoleError(result.error);
      return;
    }
    this.confirming = null;
    this.#deps.notify(
      pending.kind === 'revoke' ? m.revoked(device.displayName) : m.suspended(device.displayName),
    );
    await this.#deps.refresh();
  }

  async resume(device: AdminDeviceView): Promise<void> {
    this.error = null;
    const result = await this.#deps.reauth(() => this.#deps.writes.update(device.id, { status: 'active' }));
    if (!result.ok) {
      this.error = describeConsoleError(result.error);
      return;
    }
    this.#deps.notify(this.#deps.words().resumed(device.displayName));
    await this.#deps.refresh();
  }

  startEdit(device: AdminDeviceView): void {
    this.error = null;
    this.editing = device;
    this.editName = device.displayName;
    this.editGroup = device.group?.id ?? '';
    this.editErrors = {};
  }

  closeEdit(): void {
    this.editing = null;
    this.editErrors = {};
  }

  /** Only what changed is sent; nothing changed closes the dialog. */
  changes(): DeviceChanges {
    const device = this.editing;
    if (!device) return {};
    const changes: DeviceChanges = {};
    if (this.editName.trim() !== device.displayName) changes.displayName = this.editName.trim();
    if (this.editGroup && this.editGroup !== (device.group?.id ?? '')) changes.groupId = this.editGroup;
    return changes;
  }

  async saveEdit(): Promise<void> {
    const device = this.editing;
    if (!device || this.busy) return;
    const m = this.#deps.words();
    if (this.editName.trim() === '') {
      this.editErrors = { displayName: m.nameRequired };
      return;
    }
    const changes = this.changes();
    if (Object.keys(changes).length === 0) return this.closeEdit();
    this.busy = true;
    const result = await this.#deps.reauth(() => this.#deps.writes.update(device.id, changes));
    this.busy = false;
    if (!result.ok) {
      const field = errorField(result.error);
      this.editErrors =
        field === 'displayName' || field === 'groupId'
          ? { [field]: fieldMessage(result.error, { displayName: m.name, groupId: m.store }) }
          : { form: describeConsoleError(result.error) };
      return;
    }
    this.closeEdit();
    this.#deps.notify(m.saved(result.data.displayName));
    await this.#deps.refresh();
  }
}
