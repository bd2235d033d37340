/**
 * The one-time setup page as a small state machine: read the link's token from the address (then take
 * it out of the address bar) → ask the server whether the link still works → the form, or a page
 * saying why not (used: go and sign in; expired or replaced: restart for a new link) → the first admin
 * created, with the API token shown once. A refused submit checks the link again, so a link used
 * meanwhile (in another tab) lands on "already used" rather than an error.
 */
import type { ApiResult } from '$lib/api/client';
import { readLinkToken } from '$lib/link-token';
import type { SetupLinkState, SetupLinkStatusView } from '$server/contracts/first-run';
import { checkSetupForm, setupRefusal, type SetupFieldErrors, type SetupWords } from './setup-form';
import { setupText } from './setup-text';

export type SetupStep = 'checking' | 'none' | 'damaged' | SetupLinkState | 'created';

export interface CreatedAdmin {
  userPrincipalName: string;
  apiToken: string;
  apiTokenExpireDateTime: string;
}

type Post = <T>(path: string, body: unknown) => Promise<ApiResult<T>>;

export class SetupFlow {
  step = $state<SetupStep>('checking');
  userPrincipalName = $state('');
  displayName = $state('');
  password = $state('');
  confirmation = $state('');
  errors = $state<SetupFieldErrors>({});
  formError = $state<string | null>(null);
  busy = $state(false);
  created = $state<CreatedAdmin | null>(null);
  #token = '';

  /** `words`: the setup page's words in the page's language, read when a message is made. */
  constructor(
    private readonly post: Post,
    private readonly words: () => SetupWords = () => setupText,
  ) {}

  /** `hash`: the page address's fragment, where the link carries its token. */
  async open(hash: string): Promise<void> {
    const link = readLinkToken(hash);
    if (link.kind !== 'token') {
      this.step = link.kind;
      return;
    }
    this.#token = link.token;
    await this.#check();
  }

  async #check(): Promise<void> {
    this.step = 'checking';
    const result = await this.post<SetupLinkStatusView>('/setup/status', { token: this.#token });
    // When the check cannot be made (the server unreachable), the form is shown: its submit decides.
    this.step = result.ok ? result.data.state : 'ready';
  }

  async submit(): Promise<void> {
    this.formError = null;
    this.errors = checkSetupForm(this, this.words());
    if (Object.keys(this.errors).length > 0) return;
    this.busy = true;
    const result = await this.post<{
      user: { userPrincipalName: string };
      apiToken: string;
      apiTokenExpireDateTime: string;
    }>('/setup', {
      token: this.#token,
      userPrincipalName: this.userPrincipalName,
      displayName: this.displayName.trim() || undefined,
      password: this.password,
    });
    this.busy = false;
    if (result.ok) {
      this.password = this.confirmation = '';
      this.#token = '';
      this.created = {
        userPrincipalName: result.data.user.userPrincipalName,
        apiToken: result.data.apiToken,
        apiTokenExpireDateTime: result.data.apiTokenExpireDateTime,
      };
      this.step = 'created';
      return;
    }
    const refusal = setupRefusal(result.error, this.words());
    if (!refusal) await this.#check();
    else if (refusal.field) this.errors = { [refusal.field]: refusal.message };
    else this.formError = refusal.message;
  }
}
