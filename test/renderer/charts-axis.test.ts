/** The charts' own round axis ticks (recharts' nice-tick search is switched off for them). */
import { describe, expect, it } from 'vitest';
import { linearTicks, niceStep, rowsMax } from '../../src/renderer/charts/axisTicks';
import type { ChartRow } from '../../src/renderer/charts/chartData';

describe('round axis ticks', () => {
  it('steps are 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.07, 0.2, 0.21, 0.3, 3, 7, 12, 2100, 2500, 2501].map(niceStep)).toEqual([
      0.1, 0.2, 0.25, 0.5, 5, 10, 20, 2500, 2500, 5000,
    ]);
  });

  it('covers the data from its start to a round end past it, in about five ticks', () => {
    for (const high of [1, 3, 9.5, 57, 101, 999, 12_345, 99_999, 100_000, 2.34, 0.8]) {
      const { domain, ticks } = linearTicks(0, high);
      expect(domain[0]).toBe(0);
      expect(domain[1]).toBeGreaterThanOrEqual(high);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBe(domain[1]);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
      // Evenly spaced, and no float noise (0.30000000000000004).
      const step = ticks[1] - ticks[0];
      ticks.forEach((t, i) => expect(t).toBeCloseTo(i * step, 9));
      for (const t of ticks) expect(String(t).length).toBeLessThan(8);
    }
    expect(linearTicks(0, 1)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(linearTicks(0, 12_345).ticks).toEqual([0, 5000, 10_000, 15_000]);
  });

  it('gives a single value or no data room to draw in', () => {
    expect(linearTicks(0, 0).domain).toEqual([0, 1]);
    expect(linearTicks(0, -Infinity).domain).toEqual([0, 1]);
    expect(linearTicks(2, 2).domain[1]).toBeGreaterThan(2);
  });

  it('reads the largest drawn value of the named series only', () => {
    const rows = [
      { x: 1, from: 1, to: 5, 'a:raw': 2.1 },
      { x: 6, from: 6, to: 10, 'a:raw': 1.5, 'b:raw': 3.2 },
    ] as ChartRow[];
    expect(rowsMax(rows, ['a:raw'])).toBe(2.1);
    expect(rowsMax(rows, ['a:raw', 'b:raw'])).toBe(3.2);
    expect(rowsMax(rows, ['x'])).toBe(6);
    expect(rowsMax([], ['x'])).toBe(-Infinity);
  });
});
