/**
 * The small part of oidc-provider's API that Shiftpass uses (the package ships no types, and
 * @types/oidc-provider trails its releases). Kept loose where Shiftpass only passes values through.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type UnknownObject = Record<string, unknown>;

  export interface InteractionResults {
    login?: { accountId: string; amr?: string[]; acr?: string; ts?: number; remember?: boolean };
    consent?: { grantId?: string };
    [key: string]: unknown;
  }

  export interface Interaction {
    readonly uid: string;
    readonly exp: number;
    /** When the interaction started (seconds, system clock). */
    readonly iat: number;
    params: UnknownObject & { client_id?: string; scope?: string };
    prompt: { name: string; reasons: string[]; details: UnknownObject };
    session?: { accountId: string; uid?: string };
    result?: InteractionResults;
    returnTo: string;
    save(ttl: number): Promise<string>;
    persist(): Promise<string>;
  }

  export interface Grant {
    readonly jti: string;
    accountId?: string;
    clientId?: string;
    addOIDCScope(scope: string): void;
    save(ttl?: number): Promise<string>;
  }

  export interface Session {
    readonly uid: string;
    readonly id: string;
    accountId?: string;
    /** Per app that received tokens in this session: its `sid` and grant. */
    authorizations?: Record<string, { sid?: string; grantId?: string; persistsLogout?: boolean }>;
    grantIdFor(clientId: string, value?: string): string | undefined;
    sidFor(clientId: string, value?: string): string | undefined;
    authTime(): number | undefined;
    resetIdentifier(): void;
    destroy(): Promise<void>;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: UnknownObject, rejected: string[]): Promise<UnknownObject>;
  }

  export interface Client {
    clientId: string;
    backchannelLogoutUri?: string;
    backchannelLogout(sub: string, sid: string): Promise<void>;
  }

  /** oidc-provider's IdToken model, also what it signs logout tokens with (`issue({ use: 'logout' })`). */
  export interface IdToken {
    mask: UnknownObject;
    set(claim: string, value: unknown): void;
    issue(options: { use: 'idtoken' | 'logout' | 'userinfo' }): Promise<string>;
  }

  /** The static side of a token model: every token of a grant can be revoked at once. */
  export interface GrantBoundModel {
    revokeByGrantId(grantId: string): Promise<void>;
  }

  /** One check of an interaction prompt (interactionPolicy). */
  export type CheckResult = boolean;
  export class Check {
    constructor(
      reason: string,
      description: string,
      error: string,
      check: (ctx: KoaContextWithOIDC) => CheckResult | Promise<CheckResult>,
    );
    static REQUEST_PROMPT: true;
    static NO_NEED_TO_PROMPT: false;
  }
  export class Prompt {
    constructor(options: { name: string; requestable: boolean }, ...checks: Check[]);
    name: string;
    checks: Check[] & { add(check: Check, index?: number): void };
  }
  export const interactionPolicy: {
    Check: typeof Check;
    Prompt: typeof Prompt;
    base(): Prompt[] & { get(name: string): Prompt | undefined; add(prompt: Prompt, index?: number): void };
  };

  /** The standard OAuth errors oidc-provider answers with (redirected to the app when it can be). */
  export const errors: {
    AccessDenied: new (description?: string) => Error;
  };

  /** The Koa context oidc-provider hands to configuration functions. */
  export interface KoaContextWithOIDC {
    method: string;
    /** The Node request (its socket gives the client's address). */
    req: IncomingMessage;
    /** A request header's value ('' when absent). */
    get(field: string): string;
    /** The response's content type and body (the provider's own pages). */
    type: string;
    body: unknown;
    oidc: {
      route: string;
      provider: Provider;
      client?: Client;
      session?: Session;
      account?: Account;
      result?: InteractionResults;
      params?: UnknownObject;
      prompts: Set<string>;
      requestParamOIDCScopes: Set<string>;
      entities: UnknownObject & { Interaction?: Interaction; RotatedRefreshToken?: { remainingTTL: number } };
    };
  }

  export type Configuration = UnknownObject;

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    proxy: boolean;
    Interaction: { find(uid: string): Promise<Interaction | undefined> };
    Grant: {
      new (properties: { accountId: string; clientId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
      adapter: { destroy(id: string): Promise<void> };
    };
    Session: { findByUid(uid: string): Promise<Session | undefined> };
    Client: { find(id: string): Promise<Client | undefined>; prototype: Client };
    IdToken: new (claims: UnknownObject, options: { client: Client; ctx: undefined }) => IdToken;
    AccessToken: GrantBoundModel;
    RefreshToken: GrantBoundModel;
    AuthorizationCode: GrantBoundModel;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default Provider;
}
