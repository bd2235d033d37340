/**
 * A badge as the console holds it for the few minutes after issuing it: the only time its QR image,
 * short code and temporary PIN exist outside the worker's hands. Kept in memory only (never in
 * storage), shared by the person page (one label) and the badge sheet (many).
 */
import { LABEL_DPI, LABEL_PX, NAME_FONT, labelLayout } from './badge-label-layout';
import { withPrintResolution } from './png-resolution';

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

/**
 * A file name a person can find again: `badge-ana-silva-7KQ4M-2XJ9P.png` for the label,
 * `badge-ana-silva-7KQ4M-2XJ9P-qr.png` for the bare QR code.
 */
export function badgeFileName(
  badge: Pick<IssuedBadge, 'displayName' | 'shortCode'>,
  what: 'label' | 'qr' = 'label',
): string {
  const name = badge.displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `badge-${name || 'worker'}-${badge.shortCode}${what === 'qr' ? '-qr' : ''}.png`;
}

function download(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Starts the download of `badge`'s bare QR code, the PNG the server rendered (no network). */
export function downloadBadgeQr(badge: IssuedBadge): void {
  download(badgePngDataUrl(badge), badgeFileName(badge, 'qr'));
}

/** The printable label (badge-label-layout.ts) as a 300-dpi PNG, drawn on a canvas from the server's QR. */
export async function badgeLabelPng(
  badge: Pick<IssuedBadge, 'displayName' | 'shortCode' | 'pngBase64'>,
): Promise<Blob> {
  const qr = new Image();
  qr.src = badgePngDataUrl(badge);
  await qr.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = LABEL_PX;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.font = NAME_FONT;
  const layout = labelLayout(badge, qr.naturalWidth, (text) => ctx.measureText(text).width);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, layout.size, layout.size);
  // Whole pixels per module, no smoothing: the modules stay sharp-edged and all the same size.
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(qr, layout.qr.x, layout.qr.y, layout.qr.size, layout.qr.size);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  layout.name.lines.forEach((line, i) => ctx.fillText(line, layout.name.x, layout.name.y[i]!));
  ctx.font = layout.code.font;
  ctx.fillText(layout.code.text, layout.code.x, layout.code.y);
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('the label could not be drawn');
  const bytes = withPrintResolution(new Uint8Array(await png.arrayBuffer()), LABEL_DPI);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

/** Starts the download of `badge`'s printable label (QR, name, short code) as a PNG. */
export async function downloadBadgeLabel(badge: IssuedBadge): Promise<void> {
  const url = URL.createObjectURL(await badgeLabelPng(badge));
  download(url, badgeFileName(badge));
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
