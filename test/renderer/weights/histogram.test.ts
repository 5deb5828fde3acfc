import { describe, expect, it } from 'vitest';
import { histogram } from '../../../src/renderer/weights/histogram';

describe('weight histogram', () => {
  it('counts every value exactly once, the maximum in the last bin', () => {
    const data = new Float32Array([-1, -0.5, 0, 0.5, 1]);
    const h = histogram(data, 4);
    expect(h.min).toBe(-1);
    expect(h.max).toBe(1);
    expect(h.binWidth).toBeCloseTo(0.5, 12);
    expect(Array.from(h.counts)).toEqual([1, 1, 1, 2]);
  });

  it('matches a direct count on 10,000 pseudo-random weights in 40 bins', () => {
    // A fixed linear congruential sequence, mapped to [-0.3, 0.3).
    const data = new Float32Array(10_000);
    let s = 12345;
    for (let i = 0; i < data.length; i++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      data[i] = (s / 2 ** 31) * 0.6 - 0.3;
    }
    const h = histogram(data, 40);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    // Independent count for one bin: values in [min + 7w, min + 8w).
    const lo = h.min + 7 * h.binWidth;
    const hi = lo + h.binWidth;
    const direct = Array.from(data).filter((v) => v >= lo && v < hi).length;
    expect(Math.abs(h.counts[7] - direct)).toBeLessThanOrEqual(1); // float rounding at an edge
    // Uniform data: each bin holds roughly 250.
    for (const c of h.counts) expect(c).toBeGreaterThan(150);
  });

  it('puts a constant tensor (zero biases at start) into one bin', () => {
    const h = histogram(new Float32Array(50), 40);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(50);
    expect(Math.max(...h.counts)).toBe(50);
    expect(h.min).toBeLessThan(0);
    expect(h.max).toBeGreaterThan(0);
  });

  it('returns empty counts for an empty tensor', () => {
    const h = histogram(new Float32Array(0), 10);
    expect(h.counts.length).toBe(10);
    expect(h.counts.every((c) => c === 0)).toBe(true);
  });
});
