/**
 * The store apps an admin lists for the kiosk's signed-in home: a name and an https address each.
 * Only https: the kiosk is a shared phone on shop Wi-Fi, and any other scheme (javascript:, data:,
 * http:, a relative path) would either run in the kiosk's own origin or travel in the clear. A phone's
 * "localhost" is the phone itself, so a plain-http exception for it would serve nobody.
 */
import { z } from 'zod';

export const MAX_KIOSK_APPS = 20;
export const MAX_KIOSK_APP_NAME = 60;
export const MAX_KIOSK_APP_URL = 2048;

export interface KioskApp {
  name: string;
  url: string;
}

/** True for an absolute https:// address with a host and no user name or password in it. */
export function isSafeAppUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

const appName = z
  .string()
  .trim()
  .min(1)
  .max(MAX_KIOSK_APP_NAME)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

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
