import { beforeAll, describe, expect, it } from 'vitest';
import {
  Trainer,
  createNetwork,
  evaluateNetwork,
  tsBackend,
  Rng,
  type DataSplit,
  type TrainerConfig,
} from '../../src/nn';
import { BOOK_CONFIG, loadMnist } from './mnist-fixture';

let train: DataSplit;
let test: DataSplit;
beforeAll(() => {
  train = loadMnist('train');
  test = loadMnist('t10k');
});

const config = (over: Partial<TrainerConfig> = {}): TrainerConfig => ({
  ...BOOK_CONFIG,
  hidden: [50],
  ...over,
});

function losses(c: TrainerConfig, steps: number): number[] {
  const t = new Trainer(c, { train, test }, { backend: tsBackend });
  return Array.from({ length: steps }, () => t.step().loss);
}

describe('Trainer on real MNIST', () => {
  it("the book's ch05 run: 600 iterations of 784-50-10 ReLU, SGD 0.1, batch 100 reach > 0.88 test accuracy", () => {
    // Measured: 0.904 test accuracy after 600 iterations with seed 1 (the book reports ~0.90 after one epoch).
    const t = new Trainer(config({ iterations: 600 }), { train, test }, { backend: tsBackend });
    expect(t.iterationsPerEpoch).toBe(600);
    expect(t.totalIterations).toBe(600);
    let first = 0;
    let evals = 0;
    while (!t.done) {
      const r = t.step();
      if (t.iteration === 1) first = r.loss;
      if (r.evalDue) evals++;
    }
    expect(evals).toBe(1);
    expect(first).toBeCloseTo(Math.log(10), 1); // tiny initial weights: uniform outputs
    const e = t.evaluate('test');
    console.log(`ch05 600 iterations: test accuracy ${e.accuracy}, loss ${e.loss}`);
    expect(e.count).toBe(10_000);
    expect(e.accuracy).toBeGreaterThan(0.88);
    expect(e.loss).toBeLessThan(0.45);
  });

  it('is deterministic: same seed → identical losses for 50 iterations; another seed → different', () => {
    const a = losses(config({ seed: 7 }), 50);
    expect(losses(config({ seed: 7 }), 50)).toEqual(a);
    const b = losses(config({ seed: 8 }), 50);
    expect(b).not.toEqual(a);
  });

  it('is deterministic with dropout, BN, noise, augmentation, shuffle and Adam too', () => {
    const c = config({
      seed: 3,
      hidden: [40, 30],
      dropout: 0.3,
      batchNorm: true,
      noiseSigma: 0.1,
      augmentShift: 2,
      augmentRotate: 10,
      sampling: 'shuffle',
      optimizer: 'adam',
      learningRate: 0.001,
      trainSubset: 1000,
    });
    const a = losses(c, 25);
    expect(losses(c, 25)).toEqual(a);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(a[24]).toBeLessThan(a[0]);
  });

  it('trainSubset 300 overfits: train accuracy ≫ test accuracy', () => {
    // Book §6.4.1's setup in small: 300 images, a deeper net, many epochs, no regularisation.
    const t = new Trainer(
      config({
        trainSubset: 300,
        hidden: [100, 100],
        init: 'he',
        stopBy: 'epochs',
        epochs: 150,
        sampling: 'shuffle',
      }),
      { train, test },
      { backend: tsBackend },
    );
    expect(t.iterationsPerEpoch).toBe(3);
    while (!t.done) t.step();
    const trainEval = t.evaluate('train');
    const testEval = t.evaluate('test');
    console.log(`subset 300: train ${trainEval.accuracy}, test ${testEval.accuracy}`);
    expect(trainEval.count).toBe(300);
    expect(trainEval.accuracy).toBeGreaterThan(0.98);
    expect(trainEval.accuracy - testEval.accuracy).toBeGreaterThan(0.1);
  });

  it('holds out the end of the subset for validation and stops early after `patience` evaluations without improvement', () => {
    const t = new Trainer(
      config({ trainSubset: 1000, validationSplit: 0.2, patience: 2 }),
      { train, test },
      { backend: tsBackend },
    );
    expect(t.fitCount).toBe(800);
    expect(t.validationCount).toBe(200);
    expect(t.iterationsPerEpoch).toBe(8);
    for (let i = 0; i < 16; i++) t.step();
    const v = t.evaluate('validation');
    expect(v.count).toBe(200);
    expect(v.accuracy).toBeGreaterThan(0.3);
    expect(t.shouldStopEarly(0.5)).toBe(false);
    expect(t.shouldStopEarly(0.4)).toBe(false);
    expect(t.shouldStopEarly(0.45)).toBe(false);
    expect(t.shouldStopEarly(0.41)).toBe(true);
    const off = new Trainer(
      config({ trainSubset: 1000, validationSplit: 0.2, patience: 0 }),
      { train, test },
      { backend: tsBackend },
    );
    for (const l of [1, 2, 3, 4, 5]) expect(off.shouldStopEarly(l)).toBe(false);
  });

  it('applies the schedule per fractional epoch and accepts a live base learning-rate change', () => {
    const t = new Trainer(
      config({ trainSubset: 200, schedule: 'step', scheduleStepEpochs: 1 }),
      { train, test },
      { backend: tsBackend },
    );
    expect(t.iterationsPerEpoch).toBe(2);
    expect(t.step().learningRate).toBe(0.1);
    expect(t.step().learningRate).toBe(0.1);
    expect(t.learningRate).toBeCloseTo(0.05, 15);
    expect(t.step().learningRate).toBeCloseTo(0.05, 15);
    t.setBaseLearningRate(0.4);
    expect(t.step().learningRate).toBeCloseTo(0.2, 15);
    expect(t.optimizer.lr).toBeCloseTo(0.2, 15);
    // A wrong live rate never reaches the trainer: the service refuses it (test/main/service.test.ts).
  });

  it('stopBy epochs: totalIterations = epochs · iterationsPerEpoch, with a short last batch under shuffle', () => {
    const t = new Trainer(
      config({ trainSubset: 250, stopBy: 'epochs', epochs: 2, sampling: 'shuffle' }),
      { train, test },
      { backend: tsBackend },
    );
    expect(t.iterationsPerEpoch).toBe(3);
    expect(t.totalIterations).toBe(6);
    const due: boolean[] = [];
    while (!t.done) due.push(t.step().evalDue);
    expect(due).toEqual([false, false, false, false, false, true]);
    expect(() => t.step()).toThrow(/done/);
  });

  it('starts from initialWeights, and evaluateNetwork on a snapshot copy gives the same result', () => {
    const a = new Trainer(config({ iterations: 100 }), { train, test }, { backend: tsBackend });
    while (!a.done) a.step();
    const b = new Trainer(
      config({ seed: 99 }),
      { train, test },
      { backend: tsBackend, initialWeights: a.network.tensors() },
    );
    const range = { start: 0, end: 2000 };
    const ea = evaluateNetwork(a.network, test, range);
    expect(b.network.flatParams()).toEqual(a.network.flatParams());
    expect(evaluateNetwork(b.network, test, range)).toEqual(ea);
    const copy = createNetwork(a.network.spec, { backend: tsBackend, rng: new Rng(5) });
    copy.flatParams().set(a.network.flatParams());
    expect(evaluateNetwork(copy, test, range)).toEqual(ea);
    expect(ea.count).toBe(2000);
    expect(ea.correct).toBe(Math.round(ea.accuracy * 2000));
    expect(ea.accuracy).toBeGreaterThan(0.7);
  });
});
