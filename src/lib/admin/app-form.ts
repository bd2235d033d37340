/**
 * The Apps page's form, without Svelte: the fields as an admin fills them in (address lists as one
 * address per line, the keys as pasted JSON), the API body they become, the problems found before
 * sending (the server's own address rules, `appUrlProblem`), and the server's refusals placed next to
 * the field and line they concern.
 */
import {
  appUrlProblem,
  MAX_APP_URL_LENGTH,
  type AppView,
  type CreateAppInput,
  type PatchAppInput,
} from '$server/contracts/apps';
import type { AppsWords } from './apps-text';

export type AppKind = 'public' | 'secret' | 'keys';

export interface AppForm {
  displayName: string;
  /** public: PKCE only; secret: confidential with a client secret; keys: confidential, private_key_jwt. */
  kind: AppKind;
  /** The JWK Set as pasted (kind 'keys'). */
  jwksText: string;
  redirectUrisText: string;
  postLogoutRedirectUrisText: string;
  backchannelLogoutUri: string;
  homeUrl: string;
  allStores: boolean;
  groupIds: string[];
  enabled: boolean;
}

export type AppFormField =
  | 'displayName'
  | 'kind'
  | 'jwks'
  | 'redirectUris'
  | 'postLogoutRedirectUris'
  | 'backchannelLogoutUri'
  | 'homeUrl'
  | 'groupIds'
  | 'enabled';

export type AppFormProblems = Partial<Record<AppFormField, string>>;

export const emptyAppForm = (): AppForm => ({
  displayName: '',
  kind: 'public',
  jwksText: '',
  redirectUrisText: '',
  postLogoutRedirectUrisText: '',
  backchannelLogoutUri: '',
  homeUrl: '',
  allStores: true,
  groupIds: [],
  enabled: true,
});

export const kindOf = (app: Pick<AppView, 'clientType' | 'tokenEndpointAuthMethod'>): AppKind =>
  app.clientType === 'public'
    ? 'public'
    : app.tokenEndpointAuthMethod === 'private_key_jwt'
      ? 'keys'
      : 'secret';

export function formFromApp(app: AppView): AppForm {
  return {
    displayName: app.displayName,
    kind: kindOf(app),
    jwksText: app.jwks ? JSON.stringify(app.jwks, null, 2) : '',
    redirectUrisText: app.redirectUris.join('\n'),
    postLogoutRedirectUrisText: app.postLogoutRedirectUris.join('\n'),
    backchannelLogoutUri: app.backchannelLogoutUri ?? '',
    homeUrl: app.homeUrl ?? '',
    allStores: app.groupIds.length === 0,
    groupIds: [...app.groupIds],
    enabled: app.enabled,
  };
}

/** The non-empty lines of a textarea, trimmed, with their 1-based line numbers. */
export function linesOf(text: string): { text: string; line: number }[] {
  return text
    .split('\n')
    .map((line, index) => ({ text: line.trim(), line: index + 1 }))
    .filter((entry) => entry.text !== '');
}

const addresses = (text: string) => linesOf(text).map((entry) => entry.text);
const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The pasted keys as JSON, or undefined when they do not parse (formProblems says so). */
function parsedJwks(text: string): CreateAppInput['jwks'] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    // A single key pasted on its own is accepted as a set of one.
    if (value && typeof value === 'object' && !Array.isArray(value) && !('keys' in value)) {
      return { keys: [value] } as CreateAppInput['jwks'];
    }
    return value as CreateAppInput['jwks'];
  } catch {
    return undefined;
  }
}

const groupIdsOf = (form: AppForm) => (form.allStores ? [] : [...form.groupIds]);

/** The body of POST /api/admin/apps. */
export function createAppBody(form: AppForm): CreateAppInput {
  return {
    displayName: form.displayName.trim(),
    clientType: form.kind === 'public' ? 'public' : 'confidential',
    tokenEndpointAuthMethod:
      form.kind === 'public' ? 'none' : form.kind === 'keys' ? 'private_key_jwt' : 'client_secret_basic',
    ...(form.kind === 'keys' ? { jwks: parsedJwks(form.jwksText) } : {}),
    redirectUris: addresses(form.redirectUrisText),
    postLogoutRedirectUris: addresses(form.postLogoutRedirectUrisText),
    backchannelLogoutUri: optional(form.backchannelLogoutUri),
    homeUrl: optional(form.homeUrl),
    groupIds: groupIdsOf(form),
    enabled: form.enabled,
  };
}

/** The body of PATCH /api/admin/apps/{id}: everything the form shows (the type is fixed). */
export function patchAppBody(form: AppForm): PatchAppInput {
  return {
    displayName: form.displayName.trim(),
    ...(form.kind === 'keys' ? { jwks: parsedJwks(form.jwksText) } : {}),
    redirectUris: addresses(form.redirectUrisText),
    postLogoutRedirectUris: addresses(form.postLogoutRedirectUrisText),
    backchannelLogoutUri: optional(form.backchannelLogoutUri),
    homeUrl: optional(form.homeUrl),
    groupIds: groupIdsOf(form),
    enabled: form.enabled,
  };
}

const sentence = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** The address rule's verdict (server/contracts/apps.ts, English) in the page's words. */
function urlProblemWords(problem: string, w: AppsWords): string {
  const p = w.problems;
  if (problem.startsWith('must be a full web address')) return p.urlNotAddress;
  if (problem.startsWith('must be at most')) return p.urlTooLong(MAX_APP_URL_LENGTH);
  if (problem.startsWith('must start with https://')) return p.urlNotHttps;
  if (problem.includes('fragment')) return p.urlFragment;
  if (problem.includes('user name or password')) return p.urlCredentials;
  return `${sentence(problem)}.`;
}

function listProblem(text: string, required: boolean, w: AppsWords): string | undefined {
  const entries = linesOf(text);
  if (required && entries.length === 0) return w.problems.addressMissing;
  if (entries.length > 10) return w.problems.tooManyAddresses;
  const problems = entries.flatMap(({ text: url, line }) => {
    const problem = appUrlProblem(url);
    return problem ? [w.problems.line(line, urlProblemWords(problem, w))] : [];
  });
  return problems.length > 0 ? problems.join(' ') : undefined;
}

function singleProblem(value: string, w: AppsWords): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const problem = appUrlProblem(trimmed);
  return problem ? urlProblemWords(problem, w) : undefined;
}

/** What is wrong before anything is sent, in words; empty when the form can be sent. */
export function formProblems(form: AppForm, w: AppsWords): AppFormProblems {
  const problems: AppFormProblems = {};
  if (form.displayName.trim() === '') problems.displayName = w.problems.nameMissing;
  else if (form.displayName.trim().length > 80) problems.displayName = w.problems.nameTooLong;
  const redirect = listProblem(form.redirectUrisText, true, w);
  if (redirect) problems.redirectUris = redirect;
  const postLogout = listProblem(form.postLogoutRedirectUrisText, false, w);
  if (postLogout) problems.postLogoutRedirectUris = postLogout;
  const backchannel = singleProblem(form.backchannelLogoutUri, w);
  if (backchannel) problems.backchannelLogoutUri = backchannel;
  const home = singleProblem(form.homeUrl, w);
  if (home) problems.homeUrl = home;
  if (form.kind === 'keys') {
    if (form.jwksText.trim() === '') problems.jwks = w.problems.keysMissing;
    else if (parsedJwks(form.jwksText) === undefined) {
      problems.jwks = w.problems.keysNotJson;
    }
  }
  if (!form.allStores && form.groupIds.length === 0) {
    problems.groupIds = w.problems.storesMissing;
  }
  return problems;
}

/**
 * A server refusal as the form field it concerns and the words to show there. `field` is the API's
 * dotted path (`redirectUris.1`, `jwks.keys.0.d`); an address list's index becomes the line the admin
 * typed it on.
 */
export function problemFromServer(
  form: AppForm,
  field: string | undefined,
  words: string,
  w: AppsWords,
): { field: AppFormField; message: string } | null {
  if (!field) return null;
  const [head, index, ...rest] = field.split('.');
  const message = `${sentence(words)}${/[.!?]$/.test(words) ? '' : '.'}`;
  if (head === 'redirectUris' || head === 'postLogoutRedirectUris') {
    const entries = linesOf(
      head === 'redirectUris' ? form.redirectUrisText : form.postLogoutRedirectUrisText,
    );
    const line = index !== undefined ? entries[Number(index)]?.line : undefined;
    return { field: head, message: line ? w.problems.line(line, message) : message };
  }
  if (head === 'jwks') {
    const key = index === 'keys' && rest[0] !== undefined ? Number(rest[0]) + 1 : undefined;
    const member = rest[1];
    return {
      field: 'jwks',
      message: key ? w.problems.key(key, member, message) : message,
    };
  }
  if (head === 'clientType' || head === 'tokenEndpointAuthMethod') return { field: 'kind', message };
  const known: AppFormField[] = ['displayName', 'backchannelLogoutUri', 'homeUrl', 'groupIds', 'enabled'];
  return known.includes(head as AppFormField) ? { field: head as AppFormField, message } : null;
}

/** "All stores", or the stores' names; a store deleted since is named as such, never by its id. */
export function storesSummary(
  groupIds: string[],
  groups: { id: string; displayName: string }[],
  w: AppsWords,
): string {
  if (groupIds.length === 0) return w.allStores;
  const names = groupIds.map((id) => groups.find((group) => group.id === id)?.displayName ?? w.deletedStore);
  return names.join(', ');
}
