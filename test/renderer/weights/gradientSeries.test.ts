import { describe, expect, it } from 'vitest';
import { gradientSeries, logAxis } from '../../../src/renderer/weights/gradientSeries';
import type { EpochMetrics } from '../../../src/shared/runs';

describe('the gradient chart log axis', () => {
  it('spans whole decades around the values, with 1-2-5 ticks', () => {
    expect(logAxis([0.43, 0.46])).toEqual({ domain: [0.1, 1], ticks: [0.1, 0.2, 0.5, 1] });
    expect(logAxis([0.05, 0.3])).toEqual({ domain: [0.01, 1], ticks: [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1] });
    expect(logAxis([1])).toEqual({ domain: [1, 10], ticks: [1, 2, 5, 10] });
  });

  it('keeps only the decades on a wide axis, and ignores values a log axis cannot show', () => {
    expect(logAxis([0.0003, 2.5, 0, NaN, -1])).toEqual({
      domain: [0.0001, 10],
      ticks: [0.0001, 0.001, 0.01, 0.1, 1, 10],
    });
    expect(logAxis([]).domain).toEqual([0.1, 1]);
  });

  it("is computed from the drawn layers' values", () => {
    const epoch = (iteration: number, gradientNorms: number[]) =>
      ({ iteration, gradientNorms }) as unknown as EpochMetrics;
    const s = gradientSeries([epoch(600, [0.46, 0.43]), epoch(1200, [0.02, 0.3])], 600);
    expect(s.rows.map((r) => r.x)).toEqual([1, 2]);
    expect(s.domain).toEqual([0.01, 1]);
  });
});
