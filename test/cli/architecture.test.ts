import { describe, expect, it } from 'vitest';
import { architectureOf } from '../../src/cli/architecture';

const t = (name: string, ...shape: number[]) => ({
  name,
  shape,
  data: new Float32Array(shape.reduce((a, b) => a * b, 1)),
});

describe('architectureOf', () => {
  it('reads the layer sizes off W1, W2, ...', () => {
    expect(
      architectureOf([
        t('W1', 784, 50),
        t('b1', 50),
        t('W2', 50, 100),
        t('b2', 100),
        t('W3', 100, 10),
        t('b3', 10),
      ]),
    ).toEqual({
      sizes: [784, 50, 100, 10],
      batchNorm: false,
    });
  });

  it('refuses shapes that do not chain, naming both tensors', () => {
    expect(() => architectureOf([t('W1', 784, 50), t('b1', 50), t('W2', 60, 10), t('b2', 10)])).toThrow(
      'The shapes do not chain: W1 ends in 50 outputs but W2 (60, 10) takes 60 inputs.',
    );
    expect(() => architectureOf([t('W1', 784, 50), t('b1', 40), t('W2', 50, 10), t('b2', 10)])).toThrow(
      /b1 has 40 values/,
    );
    expect(() => architectureOf([t('x', 3)])).toThrow(/at least W1, b1, W2, b2/);
  });
});
