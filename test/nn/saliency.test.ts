import { describe, expect, it } from 'vitest';
import { Rng, createNetwork, float64Backend, tsBackend, type Network, type NetworkSpec } from '../../src/nn';
import { bookSpec } from '../../src/nn/book-spec';
import { InputGradient } from '../../src/nn/saliency';
import { loadMnist } from './mnist-fixture';

/**
 * Saliency = ∂(class score)/∂(input) by backprop, checked against the central difference of the
 * score itself (Network.forward in inference mode) on float64 networks, h = 1e-5. Tolerance:
 * max |backprop - numerical| ≤ 1e-6 · max(1, max |numerical|) over every pixel (the central
 * difference's own error is O(h²) ≈ 1e-10 away from the ReLU / max-pool kinks, which the seeded
 * inputs do not straddle).
 */
const H = 1e-5;
const TOLERANCE = 1e-6;

/** Class c's score for input x (D), as the network computes it at inference. */
function score(net: Network, x: Float64Array, c: number): number {
  const data = float64Backend.alloc.floats(x.length);
  data.set(x);
  return net.forward({ kind: 'dense', n: 1, data }, false).data[c];
}

/** The central difference at the pixels `at` (every pixel by default); the others stay 0. */
function numericalInputGradient(net: Network, x: Float64Array, c: number, at?: number[]): Float64Array {
  const g = new Float64Array(x.length);
  for (const i of at ?? x.keys()) {
    const saved = x[i];
    x[i] = saved + H;
    const plus = score(net, x, c);
    x[i] = saved - H;
    const minus = score(net, x, c);
    x[i] = saved;
    g[i] = (plus - minus) / (2 * H);
  }
  return g;
}

function expectClose(actual: Float64Array, expected: Float64Array, at?: number[]): void {
  let scale = 1;
  let worst = 0;
  for (const i of at ?? expected.keys()) {
    scale = Math.max(scale, Math.abs(expected[i]));
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  }
  expect(worst).toBeLessThanOrEqual(TOLERANCE * scale);
}

/** A network with its running statistics set to plausible values (they start at 0 and would make BN blow up). */
function build(spec: NetworkSpec, seed: number): Network {
  const rng = new Rng(seed, 3);
  const net = createNetwork(spec, { backend: float64Backend, rng });
  for (const t of net.tensors()) {
    if (t.name.startsWith('runningMean'))
      for (let i = 0; i < t.data.length; i++) t.data[i] = rng.next() - 0.5;
    if (t.name.startsWith('runningVar')) for (let i = 0; i < t.data.length; i++) t.data[i] = 0.5 + rng.next();
    if (t.name.startsWith('gamma')) for (let i = 0; i < t.data.length; i++) t.data[i] = 0.5 + rng.next();
  }
  return net;
}

function randomInput(d: number, seed: number): Float64Array {
  const rng = new Rng(seed, 11);
  return Float64Array.from({ length: d }, () => rng.next());
}

const SMALL_MLP: NetworkSpec = bookSpec({ inputSize: 12, hidden: [9, 7], outputSize: 4, initStd: 0.5 });
const SMALL_CNN: NetworkSpec = {
  ...bookSpec({ inputSize: 64, outputSize: 4, initStd: 0.3 }),
  arch: 'simple-convnet',
  filters: 3,
  filterSize: 3,
  stride: 1,
  pad: 1,
  pool: 2,
  convHidden: 6,
};

const CASES: [string, NetworkSpec][] = [
  ['MLP, ReLU', SMALL_MLP],
  ['MLP, sigmoid', { ...SMALL_MLP, activation: 'sigmoid' }],
  ['MLP, tanh, batch norm (running statistics)', { ...SMALL_MLP, activation: 'tanh', batchNorm: true }],
  ['MLP, ReLU, batch norm and dropout 0.4 (inference)', { ...SMALL_MLP, batchNorm: true, dropout: 0.4 }],
  ['MLP, identity + MSE', { ...SMALL_MLP, loss: 'identity-mse', activation: 'sigmoid' }],
  ['simple convnet (conv, ReLU, max pool, affine)', SMALL_CNN],
  ['simple convnet with dropout', { ...SMALL_CNN, dropout: 0.3, pad: 0 }],
  [
    'deep convnet (the book: 6 convolutions, pools, dropout with book scaling)',
    {
      ...bookSpec({ inputSize: 784, outputSize: 10 }),
      arch: 'deep-convnet',
    },
  ],
];

describe('InputGradient (saliency) against the numerical gradient of the score', () => {
  for (const [name, spec] of CASES) {
    it(
      name,
      () => {
        const net = build(spec, 5);
        const x = randomInput(spec.inputSize, 9);
        const saliency = new InputGradient(net);
        // Every class and pixel for the small nets; for the deep convnet (~20 ms a forward) two
        // classes at 80 pixels spread over the image, every 9th plus the centre rows.
        const deep = spec.arch === 'deep-convnet';
        const classes = deep ? [0, 7] : [...Array(spec.outputSize).keys()];
        const at = deep
          ? [...x.keys()].filter((i) => i % 9 === 0 || (i >= 392 && i < 400)).slice(0, 80)
          : undefined;
        for (const c of classes) {
          const s = saliency.compute(x, c);
          expect(s.classIndex).toBe(c);
          expectClose(s.gradient, numericalInputGradient(net, x, c, at), at);
          for (let i = 0; i < x.length; i++) expect(s.evidence[i]).toBeCloseTo(x[i] * s.gradient[i], 12);
        }
      },
      120_000,
    );
  }

  it('differentiates the top class when no class is given, and leaves the gradients alone', () => {
    const net = build(SMALL_MLP, 2);
    const x = randomInput(12, 4);
    net.grads.W1.fill(7);
    const s = new InputGradient(net).compute(x, null);
    const scores = net.forward({ kind: 'dense', n: 1, data: Float64Array.from(x) }, false).data;
    expect(s.topClass).toBe(s.classIndex);
    expect(s.scores[s.topClass]).toBe(Math.max(...Array.from(scores.subarray(0, 4))));
    expect([...net.grads.W1].every((v) => v === 7)).toBe(true);
  });

  it('refuses a class outside the outputs and an input of the wrong size', () => {
    const saliency = new InputGradient(build(SMALL_MLP, 1));
    expect(() => saliency.compute(new Float64Array(12), 4)).toThrow(/class 4/);
    expect(() => saliency.compute(new Float64Array(11), 0)).toThrow(/11 values/);
  });

  it('on a float32 network and a real MNIST digit, matches the float64 computation to 1e-4 (relative)', () => {
    const image = loadMnist('t10k', 1).images;
    const x = Float64Array.from(image, (v) => v / 255);
    const spec = bookSpec({ hidden: [100, 50], initStd: 0.05 });
    const f64 = createNetwork(spec, { backend: float64Backend, rng: new Rng(3) });
    const f32 = createNetwork(spec, { backend: tsBackend, rng: new Rng(3) });
    f32.setTensors(f64.tensors());
    const a = new InputGradient(f64).compute(x, 7).gradient;
    const b = new InputGradient(f32).compute(x, 7).gradient;
    const scale = Math.max(...a.map(Math.abs));
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-4 * scale);
  });
});
