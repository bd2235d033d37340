/**
 * The CSV import page as state: the file (or pasted text), the check (a dry run), the import, and
 * its result. Rules:
 * - Nothing is sent before there is a file or pasted text ("Choose a file or paste the CSV first").
 * - Importing takes the checked file only: once the text changes after a check, the check is stale
 *   and Import waits for a new check.
 * - The badges and temporary PINs an import issues go to `showBadges` (the page's in-memory badge
 *   sheet) and are not kept here: the result keeps only counts, errors and warnings.
 * - A refusal about the file itself shows under the file field; anything else above the button.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { ImportResult, IssuedBadgeView } from '$server/contracts/bulk';
import type { importText } from './import-text';

export interface ImportFlowDeps {
  send: (body: { csv: string; dryRun: boolean; issueBadges: boolean }) => Promise<ApiResult<ImportResult>>;
  showBadges: (badges: IssuedBadgeView[]) => void;
  words: () => typeof importText;
  describe: (error: ClientError) => string;
}

export class ImportFlow {
  fileName = $state<string | null>(null);
  fileText = $state<string | null>(null);
  pasted = $state('');
  issueBadges = $state(false);
  busy = $state<'check' | 'import' | null>(null);
  fileError = $state<string | null>(null);
  formError = $state<string | null>(null);
  checked = $state<{ csv: string; result: ImportResult } | null>(null);
  /** The finished import's answer, without its badges: those live in the badge sheet, shown once. */
  done = $state<Omit<ImportResult, 'badges'> | null>(null);

  readonly csv = $derived(this.fileText ?? this.pasted);
  readonly stale = $derived(this.checked !== null && this.checked.csv !== this.csv);
  readonly toImport = $derived(
    this.checked ? this.checked.result.summary.created + this.checked.result.summary.updated : 0,
  );

  readonly #deps: ImportFlowDeps;

  constructor(deps: ImportFlowDeps) {
    this.#deps = deps;
  }

  chooseFile(name: string | null, text: string | null): void {
    this.fileName = name;
    this.fileText = text;
    this.checked = null;
    this.fileError = null;
  }

  async #send(dryRun: boolean): Promise<ImportResult | null> {
    this.fileError = null;
    this.formError = null;
    const result = await this.#deps.send({ csv: this.csv, dryRun, issueBadges: this.issueBadges });
    if (result.ok) return result.data;
    const { error } = result;
    if ((error.code === 'VALIDATION_FAILED' || error.code === 'PAYLOAD_TOO_LARGE') && error.field === 'csv') {
      this.fileError = error.message.replace(/^csv: /, '');
    } else {
      this.formError = result.status === 403 ? this.#deps.words().adminsOnly : this.#deps.describe(error);
    }
    return null;
  }

  async check(): Promise<void> {
    this.done = null;
    this.checked = null;
    if (this.csv.trim() === '') {
      this.fileError = this.#deps.words().nothingToCheck;
      return;
    }
    this.busy = 'check';
    const sent = this.csv;
    const result = await this.#send(true);
    this.busy = null;
    if (result) this.checked = { csv: sent, result };
  }

  async commit(): Promise<void> {
    if (!this.checked || this.stale || this.busy) return;
    this.busy = 'import';
    const result = await this.#send(false);
    this.busy = null;
    if (result) {
      const { badges = [], ...rest } = result;
      this.#deps.showBadges(badges);
      this.done = rest;
      this.checked = null;
    }
  }

  reset(): void {
    this.done = null;
    this.checked = null;
    this.fileText = null;
    this.fileName = null;
    this.pasted = '';
    this.fileError = null;
    this.formError = null;
  }
}
