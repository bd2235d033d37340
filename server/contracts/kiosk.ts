/** Request and response shapes of /api/admin/kiosk: the store apps on the kiosk's home screen. */
import { z } from 'zod';
import {
  isSafeAppUrl,
  MAX_KIOSK_APP_NAME,
  MAX_KIOSK_APP_URL,
  MAX_KIOSK_APPS,
  type KioskApp,
} from './kiosk-app-link.js';
import { displayText } from './text.js';

export type { KioskApp };

const appName = displayText(MAX_KIOSK_APP_NAME);

const appUrl = z
  .string()
  .trim()
  .max(MAX_KIOSK_APP_URL)
  .refine(isSafeAppUrl, 'must be an absolute https:// address without a user name or password');

export const kioskAppsBody = z.strictObject({
  apps: z
    .array(z.strictObject({ name: appName, url: appUrl }))
    .max(MAX_KIOSK_APPS)
    .superRefine((apps, ctx) => {
      const seen = new Set<string>();
      apps.forEach((app, i) => {
        const key = app.name.toLocaleLowerCase('en');
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'is listed twice' });
        seen.add(key);
      });
    }),
});

export interface KioskAppsView {
  apps: KioskApp[];
}
