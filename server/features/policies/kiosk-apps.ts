/** The store apps listed on the kiosk's signed-in home, kept as one settings document. */
import type { KioskApp } from '../../contracts/kiosk.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { storePolicy } from './policies.js';

/** The kiosk apps' settings document (the session check reads it with the session: features/sessions). */
export const KIOSK_APPS_KEY = 'kiosk.apps';

export async function getKioskApps(deps: ServiceDeps): Promise<KioskApp[]> {
  return kioskAppsOf(await deps.repos.settings.get<KioskApp[]>(KIOSK_APPS_KEY));
}

/** The kiosk apps from their stored document (undefined or null: none stored, no apps). */
export const kioskAppsOf = (stored: KioskApp[] | null | undefined): KioskApp[] => stored ?? [];

/** Replaces the whole list (already validated) and audits the change with its before and after. */
export async function setKioskApps(deps: ServiceDeps, actor: Actor, apps: KioskApp[]): Promise<KioskApp[]> {
  const before = await getKioskApps(deps);
  const after = apps.map(({ name, url }) => ({ name, url }));
  await storePolicy(
    deps,
    actor,
    { key: KIOSK_APPS_KEY, id: 'kiosk-apps', activity: 'kiosk.apps.updated' },
    before,
    after,
  );
  return after;
}
