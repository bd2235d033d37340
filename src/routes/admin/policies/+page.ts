/** The Policies page's reads: the four policies and the kiosk's store apps (admins only). */
import { apiClient, call } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('shiftpass:policies');
  const api = apiClient(fetch).admin;
  const [qr, consoleSignIn, sessions, retention, kioskApps] = await Promise.all([
    call(api.policies['qr-code-pin'].$get()),
    call(api.policies['console-sign-in'].$get()),
    call(api.policies.sessions.$get()),
    call(api.policies['log-retention'].$get()),
    call(api.kiosk.apps.$get()),
  ]);
  if (!qr.ok || !consoleSignIn.ok || !sessions.ok || !retention.ok || !kioskApps.ok) {
    const failed = [qr, consoleSignIn, sessions, retention, kioskApps].find((r) => !r.ok)!;
    return { policies: null, failed: failed.ok ? null : { status: failed.status, error: failed.error } };
  }
  return {
    policies: {
      qr: qr.data,
      consoleSignIn: consoleSignIn.data,
      sessions: sessions.data,
      retention: retention.data,
      kioskApps: kioskApps.data.apps,
    },
    failed: null,
  };
};
