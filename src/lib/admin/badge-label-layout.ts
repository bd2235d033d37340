/**
 * The downloadable badge label: a 2"×2" PNG at 300 dpi (600×600 px) with the QR code, the person's name
 * (at most two lines, then "…") and the short code under it, as the printed sheet's label
 * (BadgeLabel.svelte). Drawn in the browser on a canvas from the PNG the server rendered: text needs a
 * font, which the server has no renderer for, and the browser has both.
 *
 * The QR is drawn at a whole number of label pixels per module (the server's PNG has
 * QR_PNG_MODULE_PX per module), so every module is the same size and the code stays as readable
 * as the server's own PNG.
 */

/** Pixels per QR module in the server's badge PNG (server/platform/qr-image.ts: `scale: 8`). */
export const QR_PNG_MODULE_PX = 8;

export const LABEL_DPI = 300;
export const LABEL_IN = 2;
export const LABEL_PX = LABEL_DPI * LABEL_IN;

const pt = (points: number) => Math.round((points / 72) * LABEL_DPI);
const PADDING_PX = Math.round(0.08 * LABEL_DPI);
/** The QR (quiet zone included) is at most this wide: the sheet's label uses 1.34". */
const QR_MAX_PX = Math.round(1.34 * LABEL_DPI);
const NAME_PX = pt(9);
const CODE_PX = pt(11);
const LINE = 1.15;
export const NAME_FONT = `600 ${NAME_PX}px system-ui, sans-serif`;
export const CODE_FONT = `600 ${CODE_PX}px ui-monospace, monospace`;

export interface LabelLayout {
  size: number;
  qr: { x: number; y: number; size: number; pxPerModule: number };
  /** Centred lines: x is the centre, y the baseline. */
  name: { lines: string[]; x: number; y: number[]; font: string };
  code: { text: string; x: number; y: number; font: string };
}

/**
 * `name` in at most `maxLines` lines no wider than `width` (by `measure`), cut with "…" when it is
 * longer; a word wider than a line is broken inside.
 */
export function wrapName(
  name: string,
  width: number,
  measure: (text: string) => number,
  maxLines = 2,
): string[] {
  const lines: string[] = [];
  let rest = name.trim().replace(/\s+/g, ' ');
  while (rest !== '' && lines.length < maxLines) {
    let end = rest.length;
    while (end > 1 && measure(rest.slice(0, end)) > width) {
      const space = rest.lastIndexOf(' ', end - 1);
      end = space > 0 && measure(rest.slice(0, space)) <= width ? space : end - 1;
    }
    lines.push(rest.slice(0, end).trim());
    rest = rest.slice(end).trim();
  }
  if (rest !== '') {
    let last = lines[lines.length - 1]!;
    while (last.length > 1 && measure(`${last}…`) > width) last = last.slice(0, -1).trimEnd();
    lines[lines.length - 1] = `${last}…`;
  }
  return lines;
}

/** Where everything goes on the label, for a server PNG `qrPngWidth` pixels wide. */
export function labelLayout(
  badge: { displayName: string; shortCode: string },
  qrPngWidth: number,
  measureName: (text: string) => number,
): LabelLayout {
  const modules = Math.round(qrPngWidth / QR_PNG_MODULE_PX);
  const lines = wrapName(badge.displayName, LABEL_PX - 2 * PADDING_PX, measureName);
  const textHeight = (lines.length * NAME_PX + CODE_PX) * LINE;
  const room = Math.min(QR_MAX_PX, LABEL_PX - 2 * PADDING_PX - textHeight);
  const pxPerModule = Math.max(1, Math.floor(room / modules));
  const qrSize = modules * pxPerModule;
  const centre = LABEL_PX / 2;
  // The QR and the text as one block, centred top to bottom.
  const top = Math.round((LABEL_PX - qrSize - textHeight) / 2);
  const firstBaseline = top + qrSize + NAME_PX;
  return {
    size: LABEL_PX,
    qr: { x: Math.round(centre - qrSize / 2), y: top, size: qrSize, pxPerModule },
    name: {
      lines,
      x: centre,
      y: lines.map((_, i) => Math.round(firstBaseline + i * NAME_PX * LINE)),
      font: NAME_FONT,
    },
    code: {
      text: badge.shortCode,
      x: centre,
      y: Math.round(firstBaseline + (lines.length - 1) * NAME_PX * LINE + CODE_PX * LINE),
      font: CODE_FONT,
    },
  };
}
