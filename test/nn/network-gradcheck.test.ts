import { describe, expect, it } from 'vitest';
import {
  Rng,
  createNetwork,
  gradientCheck,
  float64Backend,
  type NetInput,
  type NetworkSpec,
} from '../../src/nn';

/**
 * Whole networks on float64Backend (tsKernels, float64): every parameter's backprop gradient vs the numerical
 * one (central difference, h = 1e-4 like the book). Tolerance: mean |diff| < 1e-7 and max < 1e-5
 * per parameter (the book's ch05 check reports 1e-10 .. 1e-7 on MNIST).
 */
const BASE: NetworkSpec = {
  inputSize: 6,
  hidden: [5],
  outputSize: 4,
  activation: 'relu',
  loss: 'softmax-cross-entropy',
  init: 'std',
  initStd: 0.5,
  batchNorm: false,
  dropout: 0,
  weightDecay: 'none',
  weightDecayLambda: 0,
};

function batch(
  seed: number,
  n: number,
  d: number,
): { x: NetInput; labels: Uint8Array; oneHot: Float64Array } {
  const rng = new Rng(seed, 7);
  const data = new Float64Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = rng.next();
  const labels = new Uint8Array(n);
  const oneHot = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) oneHot[i * 4 + (labels[i] = rng.int(4))] = 1;
  return { x: { kind: 'dense', n, data }, labels, oneHot };
}

const CASES: [string, Partial<NetworkSpec>][] = [
  ['one hidden layer, ReLU', {}],
  ['two hidden layers, sigmoid, xavier', { hidden: [7, 5], activation: 'sigmoid', init: 'xavier' }],
  ['three hidden layers, tanh, he', { hidden: [8, 6, 5], activation: 'tanh', init: 'he' }],
  ['batch normalization, ReLU', { hidden: [7, 5], batchNorm: true }],
  ['batch normalization, tanh', { hidden: [5], batchNorm: true, activation: 'tanh' }],
  ['dropout 0.3 (mask frozen)', { hidden: [9, 8], dropout: 0.3 }],
  [
    'dropout + batch normalization, sigmoid',
    { hidden: [9, 8], dropout: 0.2, batchNorm: true, activation: 'sigmoid' },
  ],
  ['L2 weight decay', { hidden: [7, 5], weightDecay: 'l2', weightDecayLambda: 0.1 }],
  ['L1 weight decay', { hidden: [7], weightDecay: 'l1', weightDecayLambda: 0.05, activation: 'tanh' }],
  ['identity + mean squared error', { hidden: [6, 5], loss: 'identity-mse', activation: 'sigmoid' }],
  [
    'identity + MSE with BN and L2',
    { hidden: [6], loss: 'identity-mse', batchNorm: true, weightDecay: 'l2', weightDecayLambda: 0.2 },
  ],
];

describe('gradient check of whole networks (float64)', () => {
  for (const [name, override] of CASES) {
    for (const target of ['labels', 'one-hot'] as const) {
      it(`${name}, ${target} targets`, () => {
        const spec = { ...BASE, ...override };
        const net = createNetwork(spec, { backend: float64Backend, rng: new Rng(42) });
        const { x, labels, oneHot } = batch(3, 5, spec.inputSize);
        const results = gradientCheck(net, x, target === 'labels' ? labels : oneHot);
        const expectedNames = Object.keys(net.params);
        expect(results.map((r) => r.name)).toEqual(expectedNames);
        for (const r of results) {
          expect(r.meanAbsDiff, r.name).toBeLessThan(1e-7);
          expect(r.maxAbsDiff, r.name).toBeLessThan(1e-5);
        }
        // The gradients are not trivially zero (the check would be vacuous).
        const W1 = net.grads.W1;
        expect(W1.some((g) => Math.abs(g) > 1e-6)).toBe(true);
      });
    }
  }

  it('detects a wrong gradient (the check can fail)', () => {
    const net = createNetwork(BASE, { backend: float64Backend, rng: new Rng(42) });
    const { x, labels } = batch(3, 5, 6);
    // Sabotage: backprop that is off by 0.01 in one entry of W1 must be caught.
    const results1 = gradientCheck(net, x, labels);
    expect(Math.max(...results1.map((r) => r.meanAbsDiff))).toBeLessThan(1e-7);
    const original = net.gradient.bind(net);
    net.gradient = (xx, tt) => {
      const l = original(xx, tt);
      net.grads.W1[0] += 0.01;
      return l;
    };
    const results2 = gradientCheck(net, x, labels);
    expect(results2.find((r) => r.name === 'W1')!.maxAbsDiff).toBeGreaterThan(1e-3);
  });
});
