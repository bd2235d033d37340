/**
 * Whether a browser says it runs on a phone or a tablet, for the QR-code + PIN policy's
 * `mobileDevicesOnly` setting (Microsoft Entra offers the QR code method on mobile devices only).
 *
 * What the browser says, and nothing more: a convenience that keeps desktop browsers off the badge
 * sign-in, NOT a security boundary. Any client can send any User-Agent or client hint (a desktop
 * browser's device emulation does), so the setting never replaces an enrolled kiosk (device binding)
 * or a conditional-access rule when it must hold.
 *
 * Read in this order:
 * 1. User-Agent Client Hints, which Chromium browsers send on every HTTPS request without being asked:
 *    `Sec-CH-UA-Mobile: ?1` (a phone), or `Sec-CH-UA-Platform` "Android" / "iOS" (Android tablets
 *    send `?0` but name their platform).
 * 2. The User-Agent: Android, iPhone, iPad, iPod, a "Mobile" token (Safari and Firefox on phones),
 *    Windows Phone, Kindle Silk.
 * Known limit: iPadOS Safari asks for desktop sites by default and then says "Macintosh", exactly
 * like a Mac, and sends no client hints: such an iPad is seen as a desktop (an enrolled kiosk is
 * always let through, whatever it says).
 */

export interface ClientSignals {
  userAgent: string | null;
  /** The `Sec-CH-UA-Mobile` header as sent (`?1` or `?0`), null when absent. */
  mobileHint?: string | null;
  /** The `Sec-CH-UA-Platform` header as sent (a quoted name such as `"Android"`), null when absent. */
  platformHint?: string | null;
}

const MOBILE_PLATFORMS = new Set(['android', 'ios', 'ipados']);
const MOBILE_USER_AGENT = /\b(Android|iPhone|iPad|iPod|Mobile|Windows Phone|Silk)\b/i;

/** The platform hint's name without its quotes, lower case ('"Android"' → 'android'). */
const platformName = (hint: string) => hint.trim().replace(/^"|"$/g, '').trim().toLowerCase();

export function isMobileClient(client: ClientSignals): boolean {
  if (client.mobileHint?.trim() === '?1') return true;
  if (client.platformHint && MOBILE_PLATFORMS.has(platformName(client.platformHint))) return true;
  return client.userAgent !== null && MOBILE_USER_AGENT.test(client.userAgent);
}
