import { describe, expect, it } from 'vitest';
import { PARAMS, type NumberParam } from '../../src/shared/hyperparams';
import { formatNumber, fromLogPosition, LOG_STEPS, toLogPosition } from '../../src/renderer/panel/logScale';

const logParams = PARAMS.filter((p): p is NumberParam => p.kind === 'number' && p.scale === 'log');

describe('log-scale slider mapping', () => {
  it('is used by learningRate and initStd', () => {
    expect(logParams.map((p) => p.key).sort()).toEqual(['initStd', 'learningRate']);
  });

  it('maps the ends of the slider to min and max', () => {
    for (const p of logParams) {
      expect(fromLogPosition(0, p.min, p.max)).toBe(p.min);
      expect(fromLogPosition(LOG_STEPS, p.min, p.max)).toBe(p.max);
      expect(toLogPosition(p.min, p.min, p.max)).toBe(0);
      expect(toLogPosition(p.max, p.min, p.max)).toBe(LOG_STEPS);
    }
  });

  it('gives equal ratios for equal slider distances (each decade is the same length)', () => {
    // learning rate: 1e-5..10 is 6 decades, so a decade is 1000/6 positions.
    const decade = LOG_STEPS / 6;
    expect(toLogPosition(1e-3, 1e-5, 10)).toBe(Math.round(2 * decade));
    expect(toLogPosition(0.1, 1e-5, 10)).toBe(Math.round(4 * decade));
    expect(fromLogPosition(3 * decade, 1e-5, 10)).toBeCloseTo(0.01, 12);
    const a = fromLogPosition(100, 1e-5, 10);
    const b = fromLogPosition(200, 1e-5, 10);
    const c = fromLogPosition(300, 1e-5, 10);
    expect(b / a).toBeCloseTo(c / b, 1);
  });

  it('round-trips values within one slider step and is monotonic', () => {
    const ratioPerStep = Math.pow(10 / 1e-5, 1 / LOG_STEPS);
    for (const v of [1e-5, 3e-4, 0.0123, 0.1, 0.5, 2, 10]) {
      const back = fromLogPosition(toLogPosition(v, 1e-5, 10), 1e-5, 10);
      expect(Math.max(back / v, v / back)).toBeLessThanOrEqual(Math.sqrt(ratioPerStep) * 1.01);
    }
    let previous = -Infinity;
    for (let pos = 0; pos <= LOG_STEPS; pos += 7) {
      const v = fromLogPosition(pos, 1e-4, 1);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
  });

  it('clamps out-of-range positions and values', () => {
    expect(fromLogPosition(-50, 1e-4, 1)).toBe(1e-4);
    expect(fromLogPosition(5000, 1e-4, 1)).toBe(1);
    expect(toLogPosition(0, 1e-4, 1)).toBe(0);
    expect(toLogPosition(100, 1e-4, 1)).toBe(LOG_STEPS);
  });

  it('formats numbers without float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e-5)).toBe('0.00001');
    expect(formatNumber(10000)).toBe('10000');
  });
});
