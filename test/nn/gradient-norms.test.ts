/**
 * The per-layer gradient magnitude ‖dW_l‖₂: against an independent computation (the numerical
 * gradient's norm on a tiny float64 network), its averaging between reads, and the trainer's
 * sampling schedule on real MNIST (every k-th iteration plus the one before each evaluation point).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  GRADIENT_SAMPLE_EVERY,
  GradientNormMeter,
  Rng,
  Trainer,
  createNetwork,
  l2Norm,
  numericalGradient,
  float64Backend,
  tsBackend,
  type DataSplit,
  type NetInput,
  type NetworkSpec,
  type TrainerConfig,
} from '../../src/nn';
import { GRADIENT_SAMPLE_EVERY as APP_SAMPLE_EVERY } from '../../src/shared/runs';
import { BOOK_CONFIG, loadMnist } from './mnist-fixture';

const SPEC: NetworkSpec = {
  inputSize: 6,
  hidden: [5, 4],
  outputSize: 3,
  activation: 'tanh',
  loss: 'softmax-cross-entropy',
  init: 'std',
  initStd: 0.5,
  batchNorm: false,
  dropout: 0,
  weightDecay: 'l2',
  weightDecayLambda: 0.1,
};

function tinyBatch(seed: number): { x: NetInput; labels: Uint8Array } {
  const rng = new Rng(seed, 3);
  const n = 4;
  const data = new Float64Array(n * SPEC.inputSize);
  for (let i = 0; i < data.length; i++) data[i] = rng.next();
  const labels = Uint8Array.from({ length: n }, () => rng.int(SPEC.outputSize));
  return { x: { kind: 'dense', n, data }, labels };
}

/** sqrt(Σ g²) written out once more, in the plainest way. */
const norm = (g: ArrayLike<number>) => Math.sqrt(Array.from(g).reduce((s, v) => s + v * v, 0));

describe('l2Norm', () => {
  it('is the Euclidean (Frobenius) norm: ‖(3, 4)‖ = 5, ‖0‖ = 0', () => {
    expect(l2Norm(new Float32Array([3, 4]))).toBe(5);
    expect(l2Norm(new Float64Array(9))).toBe(0);
  });
});

describe('GradientNormMeter on a tiny network (6-5-4-3, tanh, L2 decay, float64)', () => {
  it("measures each W's gradient norm as the numerical gradient gives it (biases left out)", () => {
    const net = createNetwork(SPEC, { backend: float64Backend, rng: new Rng(5) });
    const meter = new GradientNormMeter(net.affines.map((a) => a.dW));
    const { x, labels } = tinyBatch(1);
    net.gradient(x, labels);
    meter.sample();
    const measured = meter.take()!;
    expect(measured).toHaveLength(3); // W1, W2, W3: one per weight layer
    // Independent: the central-difference gradient of the loss (decay term included) per W.
    const f = () => net.loss(x, labels, true);
    for (let l = 1; l <= 3; l++) {
      const numeric = numericalGradient(f, net.params[`W${l}`]);
      expect(measured[l - 1]).toBeGreaterThan(0);
      expect(Math.abs(measured[l - 1] - norm(numeric)) / norm(numeric)).toBeLessThan(1e-6);
    }
  });

  it('averages the norms of the sampled iterations since the last take(), then starts over', () => {
    const net = createNetwork(SPEC, { backend: float64Backend, rng: new Rng(6) });
    const meter = new GradientNormMeter(net.affines.map((a) => a.dW));
    const direct: number[][] = [];
    for (const seed of [1, 2, 3]) {
      const { x, labels } = tinyBatch(seed);
      net.gradient(x, labels);
      direct.push([1, 2, 3].map((l) => norm(net.grads[`W${l}`])));
      meter.sample();
    }
    const means = meter.take()!; // the mean of exactly the three samples
    for (let l = 0; l < 3; l++) {
      const expected = (direct[0][l] + direct[1][l] + direct[2][l]) / 3;
      expect(means[l]).toBeCloseTo(expected, 12);
    }
    expect(direct[0][0]).not.toBeCloseTo(direct[1][0], 6); // the batches really differ
    expect(meter.take()).toBeNull();
  });
});

describe('Trainer: gradient norms on real MNIST', () => {
  let train: DataSplit;
  let test: DataSplit;
  beforeAll(() => {
    train = loadMnist('train', 600);
    test = loadMnist('t10k', 100);
  });

  it('samples every k-th iteration and the one before each evaluation point, W1 first', () => {
    const config: TrainerConfig = {
      ...BOOK_CONFIG,
      hidden: [16, 8],
      batchSize: 50,
      iterations: 23,
      evalEvery: 7,
    };
    const every = 3;
    const t = new Trainer(config, { train, test }, { backend: tsBackend, gradientSampleEvery: every });
    let pending: number[][] = [];
    const points: { iteration: number; expected: number[]; got: number[] | null }[] = [];
    while (!t.done) {
      const { evalDue } = t.step();
      if (evalDue || t.iteration % every === 0) {
        pending.push([1, 2, 3].map((l) => norm(t.network.grads[`W${l}`])));
      }
      if (evalDue) {
        const expected = [0, 1, 2].map((l) => pending.reduce((s, p) => s + p[l], 0) / pending.length);
        points.push({ iteration: t.iteration, expected, got: t.gradientNorms.take() });
        pending = [];
      }
    }
    // Points at 7, 14, 21 and the last (23); 7 holds iterations 3, 6, 7; 23 holds 23 alone.
    expect(points.map((p) => p.iteration)).toEqual([7, 14, 21, 23]);
    for (const p of points) {
      expect(p.got).toHaveLength(3);
      p.got!.forEach((v, l) => {
        expect(v).toBeGreaterThan(0);
        expect(Math.abs(v - p.expected[l]) / p.expected[l]).toBeLessThan(1e-6);
      });
    }
  });

  it('the app and the engine default agree on the sampling interval', () => {
    expect(APP_SAMPLE_EVERY).toBe(GRADIENT_SAMPLE_EVERY);
  });
});
