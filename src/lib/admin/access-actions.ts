/**
 * The conditional-access pages' writes through the typed client, each behind re-authentication where
 * the API asks for it (a change to who may sign in). Bodies are typed from the routes' schemas.
 */
import { reauth, withReauth, type ReauthGate } from './reauth.svelte';
import { call, client } from '$lib/api/typed-client';
import type { LocationBody } from './access-location-editor.svelte';
import type { PolicyBody } from './access-policy-editor.svelte';
import type { WhatIfBody } from './access-what-if.svelte';

const ca = client.admin['conditional-access'];

export const savePolicy = (id: string | null, body: PolicyBody, gate: ReauthGate = reauth) =>
  withReauth(
    () =>
      id === null
        ? call(ca.policies.$post({ json: body }))
        : call(ca.policies[':id'].$patch({ param: { id }, json: body })),
    gate,
  );

export const deletePolicy = (id: string, gate: ReauthGate = reauth) =>
  withReauth(() => call(ca.policies[':id'].$delete({ param: { id } })), gate);

export const saveNamedLocation = (id: string | null, body: LocationBody, gate: ReauthGate = reauth) =>
  withReauth(
    () =>
      id === null
        ? call(ca['named-locations'].$post({ json: body }))
        : call(ca['named-locations'][':id'].$patch({ param: { id }, json: body })),
    gate,
  );

export const deleteNamedLocation = (id: string, gate: ReauthGate = reauth) =>
  withReauth(() => call(ca['named-locations'][':id'].$delete({ param: { id } })), gate);

export const evaluateWhatIf = (body: WhatIfBody) => call(ca['what-if'].$post({ json: body }));
