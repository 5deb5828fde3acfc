import { describe, expect, it } from 'vitest';
import { Rng, bookSpec, createNetwork, gradientCheck, float64Backend } from '../../src/nn';
import { denseFloat64, loadMnist } from './mnist-fixture';

/**
 * The book's ch05/gradient_check.py: TwoLayerNet(784, 50, 10) (ReLU, weight_init_std 0.01),
 * the first 3 MNIST training images (normalised, one-hot labels), backprop vs numerical gradient.
 * The book prints mean |diff| per parameter of about 1e-10 .. 1e-7; we require < 1e-7 in float64.
 */
describe("the book's ch05 gradient check on real MNIST", () => {
  it('784-50-10 ReLU, std 0.01, first 3 training images: mean |backprop - numerical| < 1e-7 per parameter', () => {
    const train = loadMnist('train', 3);
    const net = createNetwork(bookSpec(), { backend: float64Backend, rng: new Rng(0) });
    const oneHot = new Float64Array(30);
    for (let i = 0; i < 3; i++) oneHot[i * 10 + train.labels[i]] = 1;
    expect(Array.from(train.labels)).toEqual([5, 0, 4]); // MNIST's first three digits
    const results = gradientCheck(net, { kind: 'dense', n: 3, data: denseFloat64(train, 3) }, oneHot);
    console.log(results.map((r) => `${r.name}:${r.meanAbsDiff.toExponential(2)}`).join('  '));
    expect(results.map((r) => r.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    for (const r of results) expect(r.meanAbsDiff, r.name).toBeLessThan(1e-7);
  });
});
