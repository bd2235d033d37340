/**
 * A store app (the `apps` table) as oidc-provider client metadata. Only enabled apps are clients; a
 * confidential app's secret is opened from its sealed form here, in memory, for the provider to compare.
 * Every app is a first-party web app using the code flow, with refresh tokens (provider.ts).
 */
import type { ServiceDeps } from '../../core/deps.js';
import type { AppRow } from '../apps/apps-repository.js';

export type ClientMetadata = Record<string, unknown>;

export function clientMetadataOf(deps: ServiceDeps, app: AppRow): ClientMetadata | undefined {
  const metadata: ClientMetadata = {
    client_id: app.id,
    client_name: app.displayName,
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: app.redirectUris,
    post_logout_redirect_uris: app.postLogoutRedirectUris,
    token_endpoint_auth_method: app.tokenEndpointAuthMethod,
  };
  if (app.backchannelLogoutUri) {
    metadata.backchannel_logout_uri = app.backchannelLogoutUri;
    metadata.backchannel_logout_session_required = true;
  }
  if (app.tokenEndpointAuthMethod === 'client_secret_basic') {
    const secret = app.clientSecretSealed
      ? deps.oidcSecrets.openClientSecret(app.clientSecretSealed, app.id)
      : null;
    // A secret this server key cannot open (a restored database with another key): not a client.
    if (secret === null) return undefined;
    metadata.client_secret = secret;
  }
  if (app.tokenEndpointAuthMethod === 'private_key_jwt') {
    if (!app.jwks) return undefined;
    metadata.jwks = app.jwks;
  }
  return metadata;
}

/** The client metadata of an enabled app, or undefined (unknown, disabled or unusable). */
export async function findClientMetadata(deps: ServiceDeps, id: string): Promise<ClientMetadata | undefined> {
  const app = await deps.repos.apps.findById(id);
  if (!app || !app.enabled) return undefined;
  return clientMetadataOf(deps, app);
}
