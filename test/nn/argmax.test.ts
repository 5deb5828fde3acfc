import { describe, expect, it } from 'vitest';
import { argmax } from '../../src/nn/argmax';

describe('argmax', () => {
  it('is the index of the largest value, the first on ties (like np.argmax)', () => {
    expect(argmax([0.1, 0.7, 0.2])).toBe(1);
    expect(argmax(Float32Array.from([3, 9, 9, 1]))).toBe(1);
    expect(argmax([-5, -2, -3])).toBe(1);
    expect(argmax([])).toBe(-1);
  });

  it('reads one row of a matrix, counted from the row start', () => {
    // (3, 4): the rows' maxima are at columns 2, 0 and 3.
    const y = Float32Array.from([0, 1, 5, 2, 8, 1, 1, 1, 0, 0, 0, 4]);
    expect([0, 1, 2].map((i) => argmax(y, i * 4, 4))).toEqual([2, 0, 3]);
    expect(argmax(y, 4, 0)).toBe(-1);
  });
});
