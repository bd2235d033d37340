/**
 * The named-location form's state: a new location or the one being edited, its values as typed, and
 * a save that checks every address range first (each bad line named) and shows a refusal next to
 * its field. The save is injected (the page's typed client call), so the rules are unit-tested.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { AccessText } from './access-form';
import {
  cidrLineProblems,
  cidrLines,
  locationRefusal,
  noLocationErrors,
  type LocationErrors,
} from './access-locations';

/** The Select's "no store" choice (a select item needs a non-empty value). */
export const NO_STORE = 'none';

export interface LocationBody {
  displayName: string;
  cidrs: string[];
  groupId: string | null;
}

export interface LocationEditorDeps {
  send(id: string | null, body: LocationBody): Promise<ApiResult<{ displayName: string }>>;
  describe(error: ClientError): string;
  text(): AccessText;
}

export class LocationEditor {
  editing = $state<string | 'new'>('new');
  displayName = $state('');
  cidrText = $state('');
  groupId = $state(NO_STORE);
  errors = $state<LocationErrors>(noLocationErrors());
  busy = $state(false);
  readonly #deps: LocationEditorDeps;

  constructor(deps: LocationEditorDeps) {
    this.#deps = deps;
  }

  startNew(): void {
    this.editing = 'new';
    this.displayName = '';
    this.cidrText = '';
    this.groupId = NO_STORE;
    this.errors = noLocationErrors();
  }

  edit(location: {
    id: string;
    displayName: string;
    cidrs: readonly string[];
    groupId: string | null;
  }): void {
    this.editing = location.id;
    this.displayName = location.displayName;
    this.cidrText = location.cidrs.join('\n');
    this.groupId = location.groupId ?? NO_STORE;
    this.errors = noLocationErrors();
  }

  /** Saves; the saved location's name, or null when something was refused (shown on the form). */
  async save(): Promise<string | null> {
    if (this.busy) return null;
    const text = this.#deps.text();
    const lines = cidrLines(this.cidrText);
    const bad = cidrLineProblems(lines, text);
    this.errors = {
      ...noLocationErrors(),
      cidrs: bad,
      form: bad.length > 0 ? text.locations.problems : null,
    };
    if (bad.length > 0) return null;
    this.busy = true;
    const result = await this.#deps.send(this.editing === 'new' ? null : this.editing, {
      displayName: this.displayName,
      cidrs: lines.map((entry) => entry.text),
      groupId: this.groupId === NO_STORE ? null : this.groupId,
    });
    this.busy = false;
    if (result.ok) {
      this.startNew();
      return result.data.displayName;
    }
    this.errors = locationRefusal(result, lines, this.#deps.describe, text);
    return null;
  }
}
