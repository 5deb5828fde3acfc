import { describe, expect, it } from 'vitest';
import { Rng, createNetwork, deadShare, histogram, layerHistograms, tsBackend } from '../../src/nn';
import { bookSpec } from '../../src/nn/book-spec';
import { histogramsDue } from '../../src/worker/run-loop';
import { MAX_HISTOGRAM_POINTS } from '../../src/shared/runs';
import { loadMnist } from './mnist-fixture';

describe('histograms', () => {
  it('bins values into equal-width bins over their range, the maximum in the last bin', () => {
    expect(histogram([0, 0.5, 1, 1.5, 2, 4], 4)).toEqual({ min: 0, max: 4, counts: [2, 2, 1, 1] });
    expect(histogram([3, 3, 3], 5)).toEqual({ min: 3, max: 3, counts: [3, 0, 0, 0, 0] });
    expect(histogram([], 2)).toEqual({ min: 0, max: 0, counts: [0, 0] });
  });

  it('counts a unit as dead when it is never above 0 on the batch', () => {
    // (3 rows, 4 units): unit 0 alive, unit 1 never above 0, unit 2 alive once, unit 3 always 0.
    const out = Float32Array.from([1, 0, 0, 0, 2, -0, 0, 0, 0, 0, 0.1, 0]);
    expect(deadShare(out, 3, 4)).toBe(0.5);
  });

  it('covers every weight and every hidden output of a real network; only ReLU layers have a dead share', () => {
    const images = loadMnist('t10k', 200).images;
    const relu = createNetwork(bookSpec({ hidden: [40, 20], init: 'he' }), {
      backend: tsBackend,
      rng: new Rng(2),
    });
    const h = layerHistograms(relu, images, 200, 30);
    expect(h.weights.map((w) => [w.name, w.histogram.counts.reduce((a, b) => a + b, 0)])).toEqual([
      ['W1', 784 * 40],
      ['W2', 40 * 20],
      ['W3', 20 * 10],
    ]);
    expect(h.activations.map((a) => [a.name, a.histogram.counts.reduce((x, y) => x + y, 0)])).toEqual([
      ['Relu1', 200 * 40],
      ['Relu2', 200 * 20],
    ]);
    for (const a of h.activations) expect(a.deadShare).toBeGreaterThanOrEqual(0);
    const sigmoid = createNetwork(bookSpec({ hidden: [30], activation: 'sigmoid', batchNorm: true }), {
      backend: tsBackend,
      rng: new Rng(2),
    });
    const s = layerHistograms(sigmoid, images, 200);
    expect(s.activations.map((a) => [a.name, a.deadShare])).toEqual([['Sigmoid1', null]]);
    expect(s.activations[0].histogram.min).toBeGreaterThanOrEqual(0);
    expect(s.activations[0].histogram.max).toBeLessThanOrEqual(1);
  });

  it('takes histograms at every evaluation point of a short run, and at most about 64 of a long one', () => {
    const due = (total: number, every: number) =>
      Array.from({ length: Math.ceil(total / every) }, (_, i) => histogramsDue(i + 1, total, every)).filter(
        Boolean,
      ).length;
    expect(due(10_000, 600)).toBe(17);
    expect(due(1000, 1)).toBeLessThanOrEqual(MAX_HISTOGRAM_POINTS);
    expect(due(1000, 1)).toBeGreaterThan(MAX_HISTOGRAM_POINTS / 2);
    expect(histogramsDue(1, 1000, 1)).toBe(true);
  });
});
