/** The dashboard's sign-ins-per-hour bar chart, as numbers: pure, drawn by the page as SVG. */

export interface HourCount {
  startDateTime: string;
  success: number;
  failure: number;
}

export interface ChartBar {
  /** Left edge and width in chart units (0..width). */
  x: number;
  width: number;
  /** Heights of the stacked parts, success at the bottom, failure on top (0..height). */
  successHeight: number;
  failureHeight: number;
  /** Hour of day in the viewer's time zone, 0–23. */
  hour: number;
  /** "14:00" in the viewer's time zone. */
  label: string;
  total: number;
  count: HourCount;
}

/** A round top for the scale, at least `max`: 1, 2, 5 × 10^n. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const pad = (n: number) => String(n).padStart(2, '0');

export const hourLabel = (iso: string): string => `${pad(new Date(iso).getHours())}:00`;

export function chartBars(
  hours: readonly HourCount[],
  size: { width: number; height: number; gap?: number },
): { bars: ChartBar[]; scaleMax: number } {
  const scaleMax = niceMax(Math.max(0, ...hours.map((h) => h.success + h.failure)));
  const slot = hours.length > 0 ? size.width / hours.length : 0;
  const gap = Math.min(size.gap ?? 2, slot / 4);
  const bars = hours.map((count, i) => {
    const scale = (n: number) => (n / scaleMax) * size.height;
    return {
      x: i * slot + gap / 2,
      width: Math.max(0, slot - gap),
      successHeight: scale(count.success),
      failureHeight: scale(count.failure),
      hour: new Date(count.startDateTime).getHours(),
      label: hourLabel(count.startDateTime),
      total: count.success + count.failure,
      count,
    };
  });
  return { bars, scaleMax };
}

/** Which bars get an axis label: every `every`-th, so labels never crowd (24 bars → every 3rd). */
export const labelEvery = (bars: number, maxLabels = 8): number => Math.max(1, Math.ceil(bars / maxLabels));
