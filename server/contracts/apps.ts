/**
 * Request and response shapes for store apps (/api/admin/apps/…), shared with src/. A store app is an
 * OpenID Connect client of Shiftpass: its id is the client_id. The address rules (`appUrlProblem`)
 * are pure so the console can show the same words as the server while the admin types.
 *
 * The app's type is fixed when it is registered (public: PKCE, no secret; confidential: a client
 * secret, or `private_key_jwt` with its own public keys); to change it, register the app again.
 */
import { z } from 'zod';
import { idParam } from './pagination.js';
import { displayText } from './text.js';

export const APP_NAME_MAX_LENGTH = 80;
export const MAX_REDIRECT_URIS = 10;
export const MAX_APP_KEYS = 10;
export const MAX_APP_URL_LENGTH = 2000;
export const MAX_APP_GROUPS = 200;

export const CLIENT_TYPES = ['public', 'confidential'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
export const TOKEN_ENDPOINT_AUTH_METHODS = ['none', 'client_secret_basic', 'private_key_jwt'] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

/** Hosts where plain http is accepted, so a developer can try an app on their own computer. */
export const DEVELOPMENT_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** The path of the provider's discovery document under the site's origin. */
export const OIDC_DISCOVERY_PATH = '/oidc/.well-known/openid-configuration';

/**
 * Why `value` cannot be an address Shiftpass sends a worker's browser (or a logout notice) to, or
 * null when it can: absolute, https (http only on this computer, for development), no `#fragment`,
 * no user name or password in it.
 */
export function appUrlProblem(value: string): string | null {
  if (value.trim() !== value || value === '')
    return 'must be a full web address such as https://app.example.com/callback';
  if (value.length > MAX_APP_URL_LENGTH) return `must be at most ${MAX_APP_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a full web address such as https://app.example.com/callback';
  }
  const development = (DEVELOPMENT_HOSTS as readonly string[]).includes(url.hostname);
  if (url.protocol === 'http:' && !development) {
    return 'must start with https:// (http:// only for localhost or 127.0.0.1, while developing)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://';
  if (value.includes('#')) return 'must not contain a # fragment';
  if (url.username || url.password) return 'must not contain a user name or password';
  return null;
}

const appUrl = z
  .string()
  .max(MAX_APP_URL_LENGTH + 1)
  .superRefine((value, ctx) => {
    const problem = appUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const appUrlList = (min: number) =>
  z
    .array(appUrl)
    .min(min, 'list at least one address')
    .max(MAX_REDIRECT_URIS, `list at most ${MAX_REDIRECT_URIS} addresses`)
    .transform((urls) => [...new Set(urls)]);

const displayName = displayText(APP_NAME_MAX_LENGTH, 'must not be empty');

const groupIds = z
  .array(idParam)
  .max(MAX_APP_GROUPS)
  .transform((ids) => [...new Set(ids)]);

/** JWK members that only a private (or symmetric) key has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
export const APP_KEY_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
] as const;

/**
 * One public signing key of a `private_key_jwt` app. The shape is checked here; that it really is a
 * usable public key (an EC point on its curve, an RSA key of 2048 bits or more) the server checks.
 */
const appPublicKey = z
  .looseObject({
    kty: z.enum(['EC', 'RSA'], 'must be EC or RSA'),
    use: z.literal('sig', 'must be sig (a signing key)').optional(),
    alg: z.enum(APP_KEY_ALGORITHMS, 'must be a signing algorithm such as ES256 or RS256').optional(),
    kid: z.string().min(1).max(200).optional(),
  })
  .superRefine((key, ctx) => {
    const found = PRIVATE_MEMBERS.find((member) => member in key);
    if (found) {
      ctx.addIssue({
        code: 'custom',
        path: [found],
        message: 'is part of a private key: give only the public key',
      });
    }
  });

export const appJwks = z.strictObject({
  keys: z.array(appPublicKey).min(1, 'list at least one key').max(MAX_APP_KEYS),
});

export const createAppBody = z
  .strictObject({
    displayName,
    clientType: z.enum(CLIENT_TYPES, "must be 'public' or 'confidential'"),
    /** public: 'none' (the default); confidential: 'client_secret_basic' (the default) or 'private_key_jwt'. */
    tokenEndpointAuthMethod: z.enum(TOKEN_ENDPOINT_AUTH_METHODS).optional(),
    /** The app's public keys; only with 'private_key_jwt'. */
    jwks: appJwks.optional(),
    redirectUris: appUrlList(1),
    postLogoutRedirectUris: appUrlList(0).default([]),
    backchannelLogoutUri: appUrl.nullable().default(null),
    homeUrl: appUrl.nullable().default(null),
    groupIds: groupIds.default([]),
    enabled: z.boolean().default(true),
  })
  .superRefine((body, ctx) => {
    const method = body.tokenEndpointAuthMethod;
    if (body.clientType === 'public' && method && method !== 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['tokenEndpointAuthMethod'],
        message: "must be 'none' for a public app (it signs in with PKCE and has no secret)",
      });
    }
    if (body.clientType === 'confidential' && method === 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['tokenEndpointAuthMethod'],
        message: "must be 'client_secret_basic' or 'private_key_jwt' for a confidential app",
      });
    }
    if (method === 'private_key_jwt' && !body.jwks) {
      ctx.addIssue({ code: 'custom', path: ['jwks'], message: "is required with 'private_key_jwt'" });
    }
    if (method !== 'private_key_jwt' && body.jwks) {
      ctx.addIssue({ code: 'custom', path: ['jwks'], message: "is only for apps using 'private_key_jwt'" });
    }
  })
  .transform((body) => ({
    ...body,
    tokenEndpointAuthMethod: (body.tokenEndpointAuthMethod ??
      (body.clientType === 'public' ? 'none' : 'client_secret_basic')) as TokenEndpointAuthMethod,
    jwks: body.jwks ?? null,
  }));

/**
 * Every field optional; lists replace the whole list. The type and how the app authenticates are
 * fixed at registration; `jwks` replaces a `private_key_jwt` app's keys.
 */
export const patchAppBody = z.strictObject({
  displayName: displayName.optional(),
  jwks: appJwks.optional(),
  redirectUris: appUrlList(1).optional(),
  postLogoutRedirectUris: appUrlList(0).optional(),
  backchannelLogoutUri: appUrl.nullable().optional(),
  homeUrl: appUrl.nullable().optional(),
  groupIds: groupIds.optional(),
  enabled: z.boolean().optional(),
});

export type CreateAppInput = z.input<typeof createAppBody>;
export type PatchAppInput = z.input<typeof patchAppBody>;

export interface AppView {
  id: string;
  /** The OAuth client_id the app's developer configures (the same as `id`). */
  clientId: string;
  displayName: string;
  clientType: ClientType;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** Whether the app has a client secret (never shown again after creation or rotation). */
  hasSecret: boolean;
  jwks: { keys: Record<string, unknown>[] } | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri: string | null;
  homeUrl: string | null;
  /** Stores whose workers see the app on the kiosk home; empty: every store. */
  groupIds: string[];
  enabled: boolean;
  /** Where the app's developer finds the issuer, endpoints and keys (OpenID Connect discovery). */
  discoveryUrl: string;
  createdDateTime: string;
  modifiedDateTime: string;
}

/** The answer to a create or a rotation: the view plus the client secret, which is never shown again. */
export interface AppWithSecret extends AppView {
  /** Present for a `client_secret_basic` app only. */
  clientSecret?: string;
}
