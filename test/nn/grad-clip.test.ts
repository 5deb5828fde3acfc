/**
 * Gradient clipping by global norm: the kernel-free rule on a flat buffer, and the trainer applying
 * it before the optimizer step on real MNIST (one SGD step moves the parameters by exactly lr · clip).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer, l2Norm, tsBackend, type DataSplit, type TrainerConfig } from '../../src/nn';
import { clipGlobalNorm } from '../../src/nn/grad-clip';
import { BOOK_CONFIG, loadMnist } from './mnist-fixture';

describe('clipGlobalNorm', () => {
  it('scales every gradient by maxNorm / ‖g‖₂ when the norm is larger, keeping the direction', () => {
    const g = Float64Array.of(3, 0, -4); // ‖g‖₂ = 5
    expect(clipGlobalNorm(g, 1)).toBe(5);
    expect(Array.from(g)).toEqual([0.6, 0, -0.8].map((v) => expect.closeTo(v, 15)));
    expect(l2Norm(g)).toBeCloseTo(1, 15);
  });

  it('leaves gradients within the norm untouched', () => {
    const g = Float64Array.of(0.3, -0.4);
    expect(clipGlobalNorm(g, 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(g)).toEqual([0.3, -0.4]);
  });
});

describe('Trainer with gradClip', () => {
  let train: DataSplit;
  let test: DataSplit;
  beforeAll(() => {
    train = loadMnist('train', 2000);
    test = loadMnist('t10k', 100);
  });

  /** How far one SGD step moves all parameters together (‖Δθ‖₂), and the gradient norm it used. */
  function oneStep(over: Partial<TrainerConfig>): { moved: number; gradNorm: number } {
    const t = new Trainer({ ...BOOK_CONFIG, hidden: [20], ...over }, { train, test }, { backend: tsBackend });
    const before = Float64Array.from(t.network.flatParams());
    t.step();
    const after = t.network.flatParams();
    const delta = before.map((v, i) => after[i] - v).subarray(0, t.network.flatGrads().length);
    return { moved: l2Norm(delta), gradNorm: l2Norm(t.network.flatGrads()) };
  }

  it('clips the global gradient norm before the optimizer step; 0 leaves it alone', () => {
    const free = oneStep({ gradClip: 0 });
    expect(free.gradNorm).toBeGreaterThan(0.05);
    expect(free.moved).toBeCloseTo(BOOK_CONFIG.learningRate * free.gradNorm, 4);

    const clip = 0.01;
    const clipped = oneStep({ gradClip: clip });
    expect(clipped.gradNorm).toBeCloseTo(clip, 5);
    expect(clipped.moved).toBeCloseTo(BOOK_CONFIG.learningRate * clip, 5);
  });
});
