/**
 * "Delete this?" for the access pages: which item the ConfirmDialog names, and the delete while it
 * runs (both buttons wait; a refusal stays in the dialog in words). The page gives the delete itself.
 */
export interface Named {
  id: string;
  displayName: string;
}

export class DeleteRequest<T extends Named = Named> {
  target = $state<T | null>(null);
  open = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);

  ask(target: T): void {
    this.target = target;
    this.error = null;
    this.open = true;
  }

  cancel(): void {
    this.open = false;
    this.error = null;
  }

  /** Runs `remove`: null when done (the dialog closes), else the words to show in it. */
  async confirm(remove: (target: T) => Promise<string | null>): Promise<T | null> {
    const target = this.target;
    if (!target || this.busy) return null;
    this.busy = true;
    this.error = await remove(target);
    this.busy = false;
    if (this.error !== null) return null;
    this.open = false;
    return target;
  }
}
