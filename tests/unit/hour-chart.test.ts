import { describe, expect, test } from 'vitest';
import { chartBars, labelEvery, niceMax } from '../../src/lib/admin/hour-chart.js';

test.each([
  [0, 1],
  [1, 1],
  [3, 5],
  [7, 10],
  [12, 20],
  [50, 50],
  [51, 100],
  [2345, 5000],
])('niceMax(%i) = %i', (max, nice) => {
  expect(niceMax(max)).toBe(nice);
});

describe('chartBars', () => {
  const hour = (h: number, success: number, failure: number) => ({
    startDateTime: new Date(Date.UTC(2026, 10, 28, h)).toISOString(),
    success,
    failure,
  });

  test('bars share the width, stack failure on success, and scale to a round maximum', () => {
    const { bars, scaleMax } = chartBars([hour(0, 6, 2), hour(1, 0, 0), hour(2, 1, 9), hour(3, 20, 0)], {
      width: 400,
      height: 100,
      gap: 4,
    });
    expect(scaleMax).toBe(20);
    expect(bars.map((b) => [b.x, b.width])).toEqual([
      [2, 96],
      [102, 96],
      [202, 96],
      [302, 96],
    ]);
    expect(bars.map((b) => [b.successHeight, b.failureHeight, b.total])).toEqual([
      [30, 10, 8],
      [0, 0, 0],
      [5, 45, 10],
      [100, 0, 20],
    ]);
  });

  test('labels are hours of the viewer’s day', () => {
    const { bars } = chartBars([hour(13, 1, 0)], { width: 10, height: 10 });
    const local = new Date(Date.UTC(2026, 10, 28, 13)).getHours();
    expect(bars[0]!.hour).toBe(local);
    expect(bars[0]!.label).toBe(`${String(local).padStart(2, '0')}:00`);
  });

  test('no sign-ins: flat bars, scale 1', () => {
    const { bars, scaleMax } = chartBars([hour(0, 0, 0)], { width: 10, height: 10 });
    expect(scaleMax).toBe(1);
    expect(bars[0]!.successHeight + bars[0]!.failureHeight).toBe(0);
  });
});

test('labelEvery: 24 bars get a label every 3rd, a few bars every one', () => {
  expect(labelEvery(24)).toBe(3);
  expect(labelEvery(6)).toBe(1);
  expect(labelEvery(168)).toBe(21);
});
