/**
 * What the kiosk may know about a store app's pending sign-in before anyone signs in: the app's name,
 * for "Sign in to continue to <app>". Nothing about the request or the worker; the uid itself is the
 * only key, and a random 21-character one.
 */
import type Provider from 'oidc-provider';
import { INTERACTION_UID_PATTERN, type InteractionView } from '../../contracts/oidc-interactions.js';

/** oidc-provider's Client.find (outside oidc-provider.d.ts's subset): metadata camel-cased. */
interface ClientLookup {
  Client: { find(id: string): Promise<{ clientName?: unknown } | undefined> };
}

/** Null for an unknown or expired interaction, or one whose app has since been disabled or deleted. */
export async function describeInteraction(provider: Provider, uid: string): Promise<InteractionView | null> {
  if (!INTERACTION_UID_PATTERN.test(uid)) return null;
  const interaction = await provider.Interaction.find(uid);
  // The provider's own clock: its `exp` is on the system clock.
  if (!interaction || interaction.exp <= Math.floor(Date.now() / 1000)) return null;
  const clientId = interaction.params.client_id;
  if (typeof clientId !== 'string') return null;
  const client = await (provider as unknown as ClientLookup).Client.find(clientId);
  if (!client || typeof client.clientName !== 'string') return null;
  return { appName: client.clientName };
}
