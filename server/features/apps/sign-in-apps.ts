/**
 * The store apps a signed-in worker sees on the kiosk home that sign in through Shiftpass (OpenID
 * Connect): registered, enabled, with a home address, and shown to one of the worker's stores (an app
 * with no stores named is shown to every store). Tapping one opens its home address; the app then
 * starts its own sign-in and, the worker being signed in, gets its code without a prompt.
 */
import type { SignInApp } from '../../contracts/kiosk-app-link.js';
import type { AppRow } from './apps-repository.js';

/** Of every registered app, the ones this worker's stores see (the apps are read with the session: features/sessions). */
export function signInAppsFor(
  apps: readonly Pick<AppRow, 'id' | 'displayName' | 'homeUrl' | 'enabled' | 'groupIds'>[],
  storeIds: readonly string[],
): SignInApp[] {
  const stores = new Set(storeIds);
  return apps
    .filter((app) => app.enabled && app.homeUrl)
    .filter((app) => app.groupIds.length === 0 || app.groupIds.some((id) => stores.has(id)))
    .map((app) => ({ id: app.id, name: app.displayName, url: app.homeUrl! }));
}
