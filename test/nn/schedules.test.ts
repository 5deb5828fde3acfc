import { describe, expect, it } from 'vitest';
import { SCHEDULES, SCHEDULES_BY_NAME, learningRateAt } from '../../src/nn';

const opts = { stepEpochs: 2, decay: 0.5 };

describe('learning-rate schedules (t in fractional epochs)', () => {
  it('constant: A', () => {
    for (const t of [0, 0.5, 10]) expect(learningRateAt('constant', 0.1, t, opts)).toBe(0.1);
  });
  it('step: halves every stepEpochs epochs', () => {
    expect(learningRateAt('step', 0.1, 0, opts)).toBe(0.1);
    expect(learningRateAt('step', 0.1, 1.999, opts)).toBe(0.1);
    expect(learningRateAt('step', 0.1, 2, opts)).toBeCloseTo(0.05, 15);
    expect(learningRateAt('step', 0.1, 5.5, opts)).toBeCloseTo(0.025, 15);
  });
  it('inverse: A / (1 + k·t)', () => {
    expect(learningRateAt('inverse', 0.1, 0, opts)).toBe(0.1);
    expect(learningRateAt('inverse', 0.1, 2, opts)).toBeCloseTo(0.05, 15);
    expect(learningRateAt('inverse', 0.1, 0.5, opts)).toBeCloseTo(0.08, 15);
  });
  it('exponential: A · exp(-k·t)', () => {
    expect(learningRateAt('exponential', 0.1, 0, opts)).toBe(0.1);
    expect(learningRateAt('exponential', 0.1, 2, opts)).toBeCloseTo(0.1 * Math.exp(-1), 15);
  });
  it('every registered schedule (SCHEDULES, the choices of the setting) starts at A and never grows', () => {
    expect(SCHEDULES).toEqual(Object.keys(SCHEDULES_BY_NAME));
    for (const name of SCHEDULES) {
      expect(learningRateAt(name, 0.1, 0, opts), name).toBe(0.1);
      expect(learningRateAt(name, 0.1, 5, opts), name).toBeLessThanOrEqual(0.1);
    }
  });
});
