import { describe, expect, it } from 'vitest';
import {
  Rng,
  bookSpec,
  checkGradients,
  createNetwork,
  float64Backend,
  overallVerdict,
  type NetworkSpec,
} from '../../src/nn';
import type { Layer } from '../../src/nn/layers/layer';
import type { Matrix } from '../../src/nn/tensor';
import { ensureMatrix } from '../../src/nn/tensor';
import { denseFloat64, loadMnist } from './mnist-fixture';

/**
 * The in-app gradient check (src/nn/gradient-verdict.ts) on real MNIST images in float64: it passes
 * the real layers (MLPs with batch norm and dropout in inference and training mode, both CNNs),
 * and it finds a planted bug — a ReLU whose backward forgets its mask — in the parameters below it.
 * Verdict limits: relative max |diff| < 1e-5 agrees, above 1e-2 disagrees (VERDICT_LIMITS).
 */
const train = loadMnist('train', 3);
const x = { kind: 'dense' as const, n: 3, data: denseFloat64(train, 3) };
const labels = train.labels;

function net(spec: Partial<NetworkSpec>, seed = 1) {
  return createNetwork({ ...bookSpec(), ...spec }, { backend: float64Backend, rng: new Rng(seed) });
}

/** Small random biases, as a trained network has (seeded). */
function randomBiases(network: ReturnType<typeof net>): void {
  const rng = new Rng(9);
  for (const t of network.tensors())
    if (t.name.startsWith('b')) for (let i = 0; i < t.data.length; i++) t.data[i] = 0.1 * (rng.next() - 0.5);
}

/** A ReLU whose backward lets every gradient through, as if every unit were active: a planted bug. */
class MasklessRelu implements Layer {
  private out: Matrix | null = null;
  constructor(readonly name: string) {}
  forward(x: Matrix): Matrix {
    const out = (this.out = ensureMatrix(this.out, x.rows, x.cols, float64Backend.alloc));
    for (let i = 0; i < x.rows * x.cols; i++) out.data[i] = Math.max(0, x.data[i]);
    return out;
  }
  backward(dout: Matrix): Matrix {
    return dout; // wrong: should be zero where the forward output was zero
  }
}

describe('checkGradients: the book’s ch05 check with a verdict', () => {
  it("the book's 784-50-10 ReLU net on 3 MNIST images: every parameter agrees; the weights are unchanged", () => {
    const network = net({});
    const before = network.flatParams().slice();
    let calls = 0;
    let last = [0, 0];
    const checks = checkGradients(network, x, labels, {
      entriesPerParam: 150,
      onProgress: (done, total) => {
        calls++;
        last = [done, total];
      },
    });
    expect(checks.map((c) => c.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(checks.map((c) => c.checked)).toEqual([150, 50, 150, 10]);
    expect(checks[0].total).toBe(784 * 50);
    for (const c of checks) {
      expect(c.verdict, c.name).toBe('agree');
      expect(c.meanAbsDiff, c.name).toBeLessThan(1e-7);
    }
    expect(overallVerdict(checks)).toBe('agree');
    expect(calls).toBe(360);
    expect(last).toEqual([360, 360]);
    expect(Array.from(network.flatParams())).toEqual(Array.from(before));
  });

  it('finds a planted bug: a ReLU whose backward forgets its mask makes W1 and b1 disagree, W2 and b2 still agree', () => {
    const network = net({ initStd: 0.1 });
    const index = network.layers.findIndex((l) => l.name === 'Relu1');
    network.layers[index] = new MasklessRelu('Relu1');
    const checks = checkGradients(network, x, labels, { entriesPerParam: 150 });
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    expect(byName.W1.verdict).toBe('disagree');
    expect(byName.b1.verdict).toBe('disagree');
    expect(byName.W2.verdict).toBe('agree');
    expect(byName.b2.verdict).toBe('agree');
    expect(overallVerdict(checks)).toBe('disagree');
  });

  it('batch norm and dropout, two hidden layers, tanh and weight decay: agrees in inference mode and in training mode', () => {
    const spec: Partial<NetworkSpec> = {
      hidden: [20, 12],
      activation: 'tanh',
      batchNorm: true,
      dropout: 0.3,
      weightDecay: 'l2',
      weightDecayLambda: 0.01,
      initStd: 0.1,
    };
    for (const trainMode of [false, true]) {
      const network = net(spec);
      // Running statistics as after some training, so inference differs from the batch statistics.
      for (let l = 1; l <= 2; l++) {
        network
          .tensors()
          .find((t) => t.name === `runningVar${l}`)!
          .data.fill(0.5);
        network
          .tensors()
          .find((t) => t.name === `runningMean${l}`)!
          .data.fill(0.1);
      }
      const checks = checkGradients(network, x, labels, { entriesPerParam: 60, train: trainMode });
      expect(checks.map((c) => c.name)).toEqual([
        'W1',
        'b1',
        'W2',
        'b2',
        'W3',
        'b3',
        'gamma1',
        'beta1',
        'gamma2',
        'beta2',
      ]);
      for (const c of checks) expect(c.verdict, `${c.name} train=${trainMode}`).toBe('agree');
    }
  });

  it('simple-convnet (Convolution, Pooling) and deep-convnet (the book’s Dropout), sampled: every parameter agrees', () => {
    const simple = net({ arch: 'simple-convnet', filters: 4, filterSize: 5, convHidden: 12, init: 'he' });
    // Biases as training leaves them: with b1 = 0, every window of blank pixels sits exactly on the
    // ReLU's kink and ±h crosses it, which the check rightly reports as disagreement.
    randomBiases(simple);
    const checks = checkGradients(simple, x, labels, { entriesPerParam: 40 });
    expect(checks.map((c) => c.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    for (const c of checks) expect(c.verdict, c.name).toBe('agree');
    const deep = net({ arch: 'deep-convnet' });
    randomBiases(deep);
    const one = { kind: 'dense' as const, n: 1, data: x.data.subarray(0, 784) };
    const deepChecks = checkGradients(deep, one, labels.subarray(0, 1), { entriesPerParam: 6 });
    expect(deepChecks).toHaveLength(16);
    // With 16 ReLU-and-pooling maps, a bias's ±1e-4 crosses kinks: those entries are looked at again with h / 100.
    for (const c of deepChecks) expect(c.verdict, c.name).toBe('agree');
  }, 120_000);

  it('the same seed checks the same entries (the same differences)', () => {
    const a = checkGradients(net({}), x, labels, { entriesPerParam: 20, seed: 5 });
    const b = checkGradients(net({}), x, labels, { entriesPerParam: 20, seed: 5 });
    expect(a).toEqual(b);
  });
});
