/**
 * The API tokens page's state: the new-token form (name, scopes, expiry date), the token just created
 * (its secret kept only here, in memory, until "I have copied the token"), and revoking a token behind
 * a confirmation. The page passes the API calls and the words of its language; the list itself is the
 * page's `load` (invalidated after each change through `refresh`).
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type { ApiTokenScope, ApiTokenView, CreatedApiToken } from '$server/contracts/api-tokens';
import { endOfLocalDay, expiryBounds, initialScopes, scopesToSend } from './api-token-form';
import type { ApiTokensWords } from './api-token-text';

/** The token list's `depends` key: invalidated after a token is made or revoked. */
export const API_TOKENS_DEPENDENCY = 'shiftpass:api-tokens';

export interface NewTokenBody {
  displayName: string;
  expireDateTime: string;
  scopes: ApiTokenScope[];
}

export interface ApiTokensDeps {
  create(body: NewTokenBody): Promise<ApiResult<CreatedApiToken>>;
  revoke(id: string): Promise<ApiResult<unknown>>;
  /** Reads the list again (the page's `invalidate`). */
  refresh(): Promise<void>;
  /** The words of the page's language, read when a message is made. */
  words(): ApiTokensWords;
  /** A server refusal in words (describeConsoleError). */
  describe(error: ClientError): string;
  /** A short confirmation (a toast). */
  tell(message: string): void;
  now?: () => Date;
}

export type TokenField = 'displayName' | 'expireDateTime' | 'scopes';

export class ApiTokensPage {
  readonly bounds: { min: string; max: string; default: string };
  displayName = $state('');
  expiryDate = $state('');
  scopes = $state<ApiTokenScope[]>(initialScopes());
  errors = $state<Partial<Record<TokenField, string>>>({});
  formError = $state<string | null>(null);
  busy = $state(false);
  /** The token just made, secret included: shown once, dropped by `dismissCreated`. */
  created = $state<CreatedApiToken | null>(null);
  /** The token the confirmation asks about. */
  toRevoke = $state<ApiTokenView | null>(null);
  revokeError = $state<string | null>(null);
  revoking = $state(false);
  readonly #deps: ApiTokensDeps;

  constructor(deps: ApiTokensDeps) {
    this.#deps = deps;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once for the date bounds, never changed
    this.bounds = expiryBounds(deps.now?.() ?? new Date());
    this.expiryDate = this.bounds.default;
  }

  /** Sends the form; true when the token was created (then the form is empty again). */
  async submit(): Promise<boolean> {
    const t = this.#deps.words();
    this.errors = {};
    this.formError = null;
    const expireDateTime = endOfLocalDay(this.expiryDate);
    const scopes = scopesToSend(this.scopes);
    const name = this.displayName.trim();
    const problems: Partial<Record<TokenField, string>> = {};
    if (name === '' || name.length > 80) problems.displayName = t.nameError;
    if (scopes === null) problems.scopes = t.scopesError;
    if (expireDateTime === null) problems.expireDateTime = t.expiryError;
    if (Object.keys(problems).length > 0 || expireDateTime === null || scopes === null) {
      this.errors = problems;
      return false;
    }
    this.busy = true;
    const result = await this.#deps.create({ displayName: name, expireDateTime, scopes });
    this.busy = false;
    if (result.ok) {
      this.created = result.data;
      this.displayName = '';
      this.expiryDate = this.bounds.default;
      this.scopes = initialScopes();
      await this.#deps.refresh();
      return true;
    }
    const { error } = result;
    const field = error.code === 'VALIDATION_FAILED' ? String(error.field ?? '') : '';
    if (field === 'displayName') this.errors = { displayName: t.nameError };
    else if (field === 'expireDateTime') this.errors = { expireDateTime: t.expiryError };
    else if (field.startsWith('scopes')) this.errors = { scopes: t.scopesError };
    else if (error.code === 'REAUTHENTICATION_REQUIRED') this.formError = t.reauthCancelled;
    else this.formError = result.status === 403 ? t.adminsOnly : this.#deps.describe(error);
    return false;
  }

  dismissCreated(): void {
    this.created = null;
  }

  askRevoke(token: ApiTokenView): void {
    this.toRevoke = token;
    this.revokeError = null;
  }

  cancelRevoke(): void {
    this.toRevoke = null;
    this.revokeError = null;
  }

  async revoke(): Promise<void> {
    const token = this.toRevoke;
    if (!token || this.revoking) return;
    this.revoking = true;
    const result = await this.#deps.revoke(token.id);
    this.revoking = false;
    if (!result.ok) {
      this.revokeError = this.#deps.describe(result.error);
      return;
    }
    this.toRevoke = null;
    this.#deps.tell(this.#deps.words().revoked(token.displayName));
    await this.#deps.refresh();
  }
}
