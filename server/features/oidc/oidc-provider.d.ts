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
    accountId?: string;
    grantIdFor(clientId: string, value?: string): string | undefined;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: UnknownObject, rejected: string[]): Promise<UnknownObject>;
  }

  export interface Client {
    clientId: string;
  }

  /** The Koa context oidc-provider hands to configuration functions. */
  export interface KoaContextWithOIDC {
    method: string;
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
    };
    Session: { findByUid(uid: string): Promise<Session | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default Provider;
}
