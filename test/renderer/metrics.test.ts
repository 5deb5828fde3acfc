import { describe, expect, it } from 'vitest';
import {
  bucketMinMax,
  chartGrid,
  MAX_BUCKETS,
  MAX_DRAWN_POINTS,
  niceCeil,
  slotCount,
  slotPoints,
  slotRange,
} from '../../src/renderer/charts/downsample';
import {
  accuracyPoints,
  epochOf,
  evaluationStride,
  gridFor,
  gridRows,
  keepBends,
  learningRateSlots,
  lossSlots,
  smoothedLosses,
} from '../../src/renderer/charts/chartData';
import { emaSmooth, IncrementalEma } from '../../src/renderer/charts/smoothing';
import { createLabStore } from '../../src/renderer/store';
import { iterationsPerSecond } from '../../src/renderer/store/metricsSlice';

/** A deterministic noisy decaying loss curve (LCG noise, no Math.random). */
function lossCurve(n: number, seed = 7): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = 2.3 * Math.exp(-i / 2000) + 0.05 + (s / 2 ** 32) * 0.2;
  }
  return out;
}

/** Feed `values` into the store in batches of `batch`, as the service's iteration events do. */
function feed(store: ReturnType<typeof createLabStore>, runId: string, values: Float32Array, batch: number) {
  for (let start = 0; start < values.length; start += batch) {
    const losses = values.subarray(start, start + batch);
    store
      .getState()
      .appendIterations(
        runId,
        { start: start + 1, losses, learningRates: new Float32Array(losses.length).fill(0.1) },
        start,
      );
  }
}

describe('metrics slice', () => {
  it('keeps every iteration loss across many batches (growing past its capacity)', () => {
    const store = createLabStore();
    const values = lossCurve(50_000);
    feed(store, 'a', values, 37);
    const series = store.getState().metrics.a;
    expect(series.losses.length).toBe(50_000);
    expect(series.learningRates.length).toBe(50_000);
    expect(Array.from(series.losses.view())).toEqual(Array.from(values));
    expect(series.version).toBe(Math.ceil(50_000 / 37));
  });

  it('places a batch at its start iteration and marks a gap with NaN', () => {
    const store = createLabStore();
    const lr = new Float32Array([0.1, 0.1]);
    store
      .getState()
      .appendIterations('a', { start: 1, losses: new Float32Array([2, 1.5]), learningRates: lr });
    store
      .getState()
      .appendIterations('a', { start: 5, losses: new Float32Array([1, 0.5]), learningRates: lr });
    const view = Array.from(store.getState().metrics.a.losses.view());
    expect(view.slice(0, 2)).toEqual([2, 1.5]);
    expect(Number.isNaN(view[2]) && Number.isNaN(view[3])).toBe(true);
    expect(view.slice(4)).toEqual([1, 0.5]);
  });

  it('replaces an epoch re-sent with the same number and keeps order', () => {
    const store = createLabStore();
    const epoch = (n: number, acc: number) => ({
      epoch: n,
      iteration: n * 600,
      trainAccuracy: acc,
      trainLoss: 0.3,
      testAccuracy: acc,
      testLoss: 0.3,
      testCorrect: 0,
      testCount: 10_000,
      learningRate: 0.1,
      elapsedMs: n * 1000,
    });
    store.getState().appendEpoch('a', epoch(1, 0.9));
    store.getState().appendEpoch('a', epoch(2, 0.92));
    store.getState().appendEpoch('a', epoch(2, 0.93));
    expect(store.getState().metrics.a.epochs.map((e) => [e.epoch, e.testAccuracy])).toEqual([
      [1, 0.9],
      [2, 0.93],
    ]);
  });

  it('measures iterations per second from the arrival times of batches', () => {
    const store = createLabStore();
    const batch = { start: 1, losses: new Float32Array(50), learningRates: new Float32Array(50) };
    for (let k = 0; k < 10; k++)
      store.getState().appendIterations('a', { ...batch, start: 1 + 50 * k }, 1000 + 100 * k);
    // 450 iterations between the first and last sample, 900 ms apart.
    expect(iterationsPerSecond(store.getState().metrics.a)).toBeCloseTo(500, 6);
    expect(store.getState().metrics.a.activeMs).toBe(900);
  });
});

describe('downsampling for drawing on a shared grid', () => {
  it('draws short series whole, one slot per iteration', () => {
    const grid = chartGrid(3);
    expect(grid).toEqual({ width: 1, buckets: 3, slotsPerBucket: 1 });
    expect(slotPoints(bucketMinMax(new Float32Array([3, 2, 1]), grid), grid)).toEqual([
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 3, y: 1 },
    ]);
  });

  it('picks 1-2-5 bucket widths with at most MAX_BUCKETS buckets', () => {
    expect([1, 2, 3, 7, 10, 11, 49, 51, 99].map(niceCeil)).toEqual([1, 2, 5, 10, 10, 20, 50, 100, 100]);
    for (const n of [1, 199, 200, 201, 1234, 50_000, 600_000]) {
      const grid = chartGrid(n);
      expect(grid.buckets).toBeLessThanOrEqual(MAX_BUCKETS);
      expect(grid.buckets * grid.width).toBeGreaterThanOrEqual(n);
    }
  });

  it('bounds the drawn points and keeps the extremes and only real points', () => {
    const values = lossCurve(50_000);
    values[31_337] = 40; // a spike, as when a run starts to diverge
    values[12_345] = 0.001;
    const grid = chartGrid(values.length);
    const pts = slotPoints(bucketMinMax(values, grid), grid);
    expect(pts.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    expect(pts.length).toBeGreaterThan(grid.buckets * 1.9);
    const ys = pts.map((p) => p.y);
    expect(ys).toContain(40);
    expect(ys).toContain(values[12_345]);
    for (let i = 1; i < pts.length; i++) expect(pts[i].x).toBeGreaterThan(pts[i - 1].x);
    // Each drawn value is a real point of its bucket, and the bucket's extreme.
    for (let k = 0; k < slotCount(grid); k++) {
      const [from, to] = slotRange(grid, k);
      const bucket = Array.from(values.subarray(from - 1, to));
      const slots = bucketMinMax(values, grid);
      if (Number.isNaN(slots[k])) continue;
      expect([Math.min(...bucket), Math.max(...bucket)]).toContain(slots[k]);
    }
  });

  it('merges runs of different lengths into one row per slot, while the store keeps every point', () => {
    const store = createLabStore();
    feed(store, 'a', lossCurve(30_000, 1), 500);
    feed(store, 'b', lossCurve(20_000, 2), 500);
    const { a, b } = store.getState().metrics;
    const grid = gridFor([a.losses.length, b.losses.length]);
    const la = lossSlots(a, 0.6, grid);
    const lb = lossSlots(b, 0.6, grid);
    expect(lossSlots(a, 0.6, grid).raw).toBe(la.raw);
    expect(lossSlots(a, 0.9, grid).smooth).not.toBe(la.smooth);
    const rows = gridRows(grid, [
      { key: 'a:raw', slots: la.raw },
      { key: 'a:smooth', slots: la.smooth },
      { key: 'b:raw', slots: lb.raw },
      { key: 'b:lr', slots: learningRateSlots(b, grid) },
    ]);
    // Rows = slots (not runs x points): both runs share every x they both reach.
    expect(rows.length).toBeLessThanOrEqual(slotCount(grid));
    expect(rows.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    expect(rows.filter((r) => 'a:raw' in r && 'b:raw' in r).length).toBeGreaterThan(grid.buckets);
    for (let i = 1; i < rows.length; i++) expect(rows[i].x).toBeGreaterThan(rows[i - 1].x);
    for (const r of rows) expect(r.from! <= r.x && r.x <= r.to!).toBe(true);
    expect(store.getState().metrics.a.losses.length).toBe(30_000);
    // A new batch makes a new series object, so the chart recomputes and shows the new point.
    store.getState().appendIterations('a', {
      start: 30_001,
      losses: new Float32Array([9]),
      learningRates: new Float32Array([0.1]),
    });
    const next = store.getState().metrics.a;
    const nextGrid = gridFor([next.losses.length, b.losses.length]);
    const raw = lossSlots(next, 0.6, nextGrid).raw;
    expect(raw).not.toBe(la.raw);
    expect(slotPoints(raw, nextGrid).some((p) => p.y === 9)).toBe(true);
  });
});

describe('EMA smoothing', () => {
  it('matches the recurrence s_i = a*s_(i-1) + (1-a)*x_i computed independently', () => {
    const x = lossCurve(500);
    const alpha = 0.9;
    const got = emaSmooth(x, alpha);
    let s = x[0];
    for (let i = 0; i < x.length; i++) {
      if (i > 0) s = alpha * s + (1 - alpha) * x[i];
      expect(got[i]).toBeCloseTo(s, 5);
    }
  });

  it('is the identity at 0 and reduces the noise at 0.9', () => {
    const x = lossCurve(2000);
    expect(Array.from(emaSmooth(x, 0))).toEqual(Array.from(x));
    const roughness = (v: ArrayLike<number>) => {
      let sum = 0;
      for (let i = 1; i < v.length; i++) sum += Math.abs(v[i] - v[i - 1]);
      return sum;
    };
    expect(roughness(emaSmooth(x, 0.9))).toBeLessThan(roughness(x) / 5);
  });

  it('extends the average over appended values only, matching a full recomputation', () => {
    const x = lossCurve(5000);
    x[1234] = NaN;
    const ema = new IncrementalEma(0.95);
    for (const end of [1, 700, 700, 2500, 5000]) {
      expect(Array.from(ema.update(x.subarray(0, end)))).toEqual(
        Array.from(emaSmooth(x.subarray(0, end), 0.95)),
      );
    }
    // A shorter series (a replaced one) starts over.
    expect(Array.from(ema.update(x.subarray(10, 20)))).toEqual(
      Array.from(emaSmooth(x.subarray(10, 20), 0.95)),
    );
  });

  it("follows a run's losses in the store batch by batch", () => {
    const store = createLabStore();
    const values = lossCurve(3000, 3);
    for (let start = 0; start < values.length; start += 250) {
      feed(store, 'a', values.subarray(0, start + 250), 250);
      const got = smoothedLosses(store.getState().metrics.a.losses, 0.8);
      expect(Array.from(got)).toEqual(Array.from(emaSmooth(values.subarray(0, start + 250), 0.8)));
    }
  });

  it('passes NaN gaps through without disturbing the average', () => {
    const got = emaSmooth(new Float32Array([1, NaN, 3]), 0.5);
    expect(got[0]).toBe(1);
    expect(Number.isNaN(got[1])).toBe(true);
    expect(got[2]).toBe(2);
  });
});

describe("loading a run's saved metrics", () => {
  it('keeps live batches that arrived while the snapshot was loading, without gaps', () => {
    const store = createLabStore();
    const lr = (n: number) => new Float32Array(n).fill(0.1);
    // Live batch for iterations 4..5 arrives first; the snapshot then brings iterations 1..4.
    store
      .getState()
      .appendIterations('a', { start: 4, losses: new Float32Array([1.4, 1.5]), learningRates: lr(2) });
    store
      .getState()
      .loadMetrics('a', { losses: new Float32Array([1.1, 1.2, 1.3, 1.4]), learningRates: lr(4), epochs: [] });
    expect(Array.from(store.getState().metrics.a.losses.view())).toEqual(
      Array.from(new Float32Array([1.1, 1.2, 1.3, 1.4, 1.5])),
    );
    expect(store.getState().metrics.a.learningRates.length).toBe(5);
  });
});

describe('flat stretches of a line', () => {
  it('keepBends keeps the ends of each run of equal values and every change', () => {
    const n = NaN;
    const slots = new Float32Array([0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.02, n, n]);
    expect(Array.from(keepBends(slots))).toEqual(
      [0.1, n, n, 0.1, 0.05, n, 0.05, 0.02, n, n].map(Math.fround),
    );
    expect(Array.from(keepBends(new Float32Array([1, n, 1, 2, n, 2, 2])))).toEqual([1, n, 1, 2, n, n, 2]);
    expect(Array.from(keepBends(new Float32Array([3])))).toEqual([3]);
  });

  it('a constant learning rate over 30,000 iterations is drawn from its two ends', () => {
    const store = createLabStore();
    feed(store, 'a', lossCurve(30_000), 500); // every learning rate 0.1
    const grid = gridFor([30_000]);
    const kept = Array.from(learningRateSlots(store.getState().metrics.a, grid)).filter(
      (v) => !Number.isNaN(v),
    );
    expect(kept).toEqual([Math.fround(0.1), Math.fround(0.1)]);
  });
});

describe('accuracy points for drawing', () => {
  /** A run's series holding `n` evaluations (accuracy rising with the epoch number). */
  function withEvaluations(n: number) {
    const store = createLabStore();
    const epochs = Array.from({ length: n }, (_, i) => ({
      epoch: i + 1,
      iteration: (i + 1) * 100,
      trainAccuracy: 0.5 + i / (4 * n),
      trainLoss: 1,
      testAccuracy: 0.4 + i / (4 * n),
      testLoss: 1,
      testCorrect: 0,
      testCount: 10_000,
      learningRate: 0.1,
      elapsedMs: i,
    }));
    store
      .getState()
      .loadMetrics('a', { losses: new Float32Array(0), learningRates: new Float32Array(0), epochs });
    return store.getState().metrics.a;
  }

  it('draws every evaluation up to MAX_DRAWN_POINTS', () => {
    expect(evaluationStride(MAX_DRAWN_POINTS)).toBe(1);
    const { train, test } = accuracyPoints(withEvaluations(MAX_DRAWN_POINTS), 1);
    expect(train).toHaveLength(MAX_DRAWN_POINTS);
    expect(test[7]).toEqual({ x: 8, y: 0.4 + 7 / (4 * MAX_DRAWN_POINTS) });
  });

  it('beyond that, every stride-th real evaluation and always the latest', () => {
    const n = 1001;
    const stride = evaluationStride(n);
    expect(stride).toBe(5);
    const series = withEvaluations(n);
    const { train, test } = accuracyPoints(series, stride);
    expect(train.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 1);
    expect(train.slice(0, 2).map((p) => p.x)).toEqual([5, 10]);
    expect(train.at(-1)).toEqual({ x: 1001, y: series.epochs[1000].trainAccuracy });
    // Each drawn value is the evaluation's own, not an average.
    for (const p of test) expect(p.y).toBe(series.epochs[p.x - 1].testAccuracy);
  });

  it('places evaluations at their epoch (iteration / iterations per epoch), as the progress line counts', () => {
    const series = withEvaluations(12); // evaluated every 100 iterations
    expect(epochOf(series.epochs[5], 600)).toBe(1); // the book: 600 iterations a pass over 60,000 images
    expect(epochOf(series.epochs[0], 600)).toBe(0.17);
    expect(epochOf(series.epochs[0], 50)).toBe(2); // a 5,000-image subset: 50 iterations an epoch
    expect(epochOf(series.epochs[2], 0)).toBe(3); // not known yet: the evaluation's number
    const { train } = accuracyPoints(series, 1, 600);
    expect(train.map((p) => p.x).slice(0, 6)).toEqual([0.17, 0.33, 0.5, 0.67, 0.83, 1]);
  });
});
