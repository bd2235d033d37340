/**
 * A badge as the console holds it for the few minutes after issuing it: the only time its QR image,
 * short code and temporary PIN exist outside the worker's hands. Kept in memory only (never in
 * storage), shared by the person page (one label) and the badge sheet (many).
 */
export interface IssuedBadge {
  userId: string;
  displayName: string;
  /** As printed, e.g. `7KQ4M-2XJ9P`. */
  shortCode: string;
  /** The PNG the server rendered (base64, no data: prefix). */
  pngBase64: string;
  rawContent: string;
  expireDateTime: string;
  kind: 'standard' | 'temporary';
  /** Only when this issue also set a temporary PIN. */
  pin?: string;
}

export const badgePngDataUrl = (badge: Pick<IssuedBadge, 'pngBase64'>): string =>
  `data:image/png;base64,${badge.pngBase64}`;

/** A file name a person can find again: `badge-ana-silva-7KQ4M-2XJ9P.png`. */
export function badgeFileName(badge: Pick<IssuedBadge, 'displayName' | 'shortCode'>): string {
  const name = badge.displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `badge-${name || 'worker'}-${badge.shortCode}.png`;
}

/** Starts the browser's download of `badge`'s PNG (no network: the image is already here). */
export function downloadBadgePng(badge: IssuedBadge): void {
  const link = document.createElement('a');
  link.href = badgePngDataUrl(badge);
  link.download = badgeFileName(badge);
  document.body.append(link);
  link.click();
  link.remove();
}
