/**
 * The charts' data path under live training: the incremental min/max bucketing equals a full
 * recomputation while reading only what arrived since the last redraw, and every chart's points
 * (rows x lines, what recharts walks per redraw) stay within MAX_CHART_POINTS however many runs
 * it shows.
 */
import { describe, expect, it } from 'vitest';
import {
  bucketMinMax,
  bucketsForLines,
  chartGrid,
  IncrementalMinMax,
  MAX_BUCKETS,
  MAX_CHART_POINTS,
  MAX_DRAWN_POINTS,
  MIN_BUCKETS,
  slotCount,
  slotPoints,
} from '../../src/renderer/charts/downsample';
import { evaluationStride, gridFor, lossSlots, smoothedLosses } from '../../src/renderer/charts/chartData';
import { createLabStore } from '../../src/renderer/store';
import { GrowableFloat32 } from '../../src/renderer/store/growable';

/** A deterministic noisy decaying loss curve (LCG noise, no Math.random). */
function lossCurve(n: number, seed = 3): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = 2.3 * Math.exp(-i / 3000) + 0.05 + (s / 2 ** 32) * 0.3;
  }
  return out;
}

/** `values` as an ArrayLike that counts how many entries were read. */
function counted(values: Float32Array): { values: ArrayLike<number>; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { values: proxy, reads: () => reads };
}

describe('incremental min/max bucketing', () => {
  it('equals a full bucketMinMax after every batch, spikes in late batches included', () => {
    const all = lossCurve(20_000);
    all[7_777] = 50; // a divergence spike inside a bucket that fills over several batches
    all[15_001] = 0.0001;
    all[19_999] = -1; // the very last point is the lowest of its bucket
    const grid = chartGrid(all.length);
    const buckets = new IncrementalMinMax(grid.width);
    let n = 0;
    let batch = 1;
    while (n < all.length) {
      n = Math.min(all.length, n + batch);
      batch = (batch * 7 + 3) % 401; // uneven batch sizes, some smaller than a bucket
      const got = buckets.update(all.subarray(0, n), grid);
      expect(Array.from(got)).toEqual(Array.from(bucketMinMax(all.subarray(0, n), grid)));
    }
    const ys = slotPoints(buckets.update(all, grid), grid).map((p) => p.y);
    expect(ys).toContain(50);
    expect(ys).toContain(all[15_001]);
    expect(ys).toContain(-1);
  });

  it('reads only the values that arrived since the last update (and the bucket still filling)', () => {
    const all = lossCurve(50_100);
    const grid = chartGrid(all.length);
    const buckets = new IncrementalMinMax(grid.width);
    buckets.update(all.subarray(0, 50_000), grid);
    const { values, reads } = counted(all);
    const got = buckets.update(values, grid);
    // The last bucket is rescanned from its start; its min and max are read again to compare.
    expect(reads()).toBeLessThanOrEqual(grid.width + 100 + 4 * (grid.width + 100));
    expect(reads()).toBeLessThan(all.length / 20);
    expect(Array.from(got)).toEqual(Array.from(bucketMinMax(all, grid)));
  });

  it('starts over when the series was rewritten or got shorter', () => {
    const values = new GrowableFloat32();
    values.append(lossCurve(5_000));
    const grid = chartGrid(5_000);
    const buckets = new IncrementalMinMax(grid.width);
    buckets.update(values.view(), grid, values.revision);
    const before = values.revision;
    values.writeAt(10, new Float32Array([99])); // an earlier entry written again
    expect(values.revision).toBeGreaterThan(before);
    expect(Array.from(buckets.update(values.view(), grid, values.revision))).toEqual(
      Array.from(bucketMinMax(values.view(), grid)),
    );
    const shorter = lossCurve(1_000, 9);
    expect(Array.from(buckets.update(shorter, grid, values.revision))).toEqual(
      Array.from(bucketMinMax(shorter, grid)),
    );
    expect(() => buckets.update(shorter, chartGrid(1))).toThrow(/width/);
  });

  it("draws a run's raw and smoothed loss from the store exactly as a full recomputation would", () => {
    const store = createLabStore();
    const all = lossCurve(12_345, 5);
    for (let start = 0; start < all.length; start += 317) {
      const losses = all.subarray(start, start + 317);
      store.getState().appendIterations('a', {
        start: start + 1,
        losses,
        learningRates: new Float32Array(losses.length).fill(0.1),
      });
      const series = store.getState().metrics.a;
      const grid = gridFor([series.losses.length], 2);
      const { raw, smooth } = lossSlots(series, 0.6, grid);
      expect(Array.from(raw)).toEqual(Array.from(bucketMinMax(series.losses.view(), grid)));
      expect(Array.from(smooth)).toEqual(Array.from(bucketMinMax(smoothedLosses(series.losses, 0.6), grid)));
    }
  });
});

describe("a chart's point budget", () => {
  it('one run keeps MAX_BUCKETS; more runs share MAX_CHART_POINTS', () => {
    expect(bucketsForLines(1)).toBe(MAX_BUCKETS);
    expect(bucketsForLines(2)).toBe(MAX_BUCKETS); // a single run's loss: raw and smoothed
    for (let lines = 1; lines * 2 * MIN_BUCKETS <= MAX_CHART_POINTS; lines++) {
      for (const n of [1, 150, 151, 999, 8_000, 60_000, 600_000]) {
        const runs = Math.max(1, Math.floor(lines / 2));
        const grid = gridFor(
          Array.from({ length: runs }, () => n),
          lines / runs,
        );
        expect(slotCount(grid) * lines).toBeLessThanOrEqual(MAX_CHART_POINTS);
        expect(grid.buckets * grid.width).toBeGreaterThanOrEqual(n);
      }
    }
    expect(bucketsForLines(1000)).toBe(MIN_BUCKETS);
  });

  it('evaluations: every one while they fit, then a stride that keeps all lines within budget', () => {
    expect(evaluationStride(MAX_DRAWN_POINTS, 2)).toBe(1);
    for (const lines of [2, 3, 4, 6, 8]) {
      for (const n of [10, 100, 151, 300, 1001, 20_000]) {
        const stride = evaluationStride(n, lines);
        // Every stride-th evaluation plus the latest.
        expect((Math.floor(n / stride) + 1) * lines).toBeLessThanOrEqual(MAX_CHART_POINTS + lines);
        if (n * lines <= MAX_CHART_POINTS) expect(stride).toBe(1);
      }
    }
  });
});
