/**
 * The book's ch06 MNIST experiments as presets: each is a list of runs (a name key and a partial
 * config, the rest from the defaults) started in the MNIST lab through the LabApi's startRun.
 * Iteration counts are cut down from the book's so a preset finishes in minutes on a laptop.
 */
import { Rng } from '../../nn';
import type { TrainConfig } from '../../shared/hyperparams';

export const PRESET_IDS = [
  'optimizers',
  'weightInit',
  'batchNorm',
  'overfitting',
  'randomSearch',
  'l1l2',
  'noiseAugment',
  'earlyStopping',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** One run of a preset: its label's key and parameters, and its config. */
export interface PresetRun {
  label:
    | 'sgd'
    | 'momentum'
    | 'adagrad'
    | 'adam'
    | 'std001'
    | 'xavier'
    | 'he'
    | 'bnOn'
    | 'bnOff'
    | 'plain'
    | 'l2'
    | 'l1'
    | 'dropout'
    | 'trial'
    | 'noise'
    | 'augment'
    | 'early';
  params?: Record<string, string | number>;
  config: Partial<TrainConfig>;
}

/** Four hidden layers of 100, as ch06's optimizer and init comparisons use. */
const DEEP: Partial<TrainConfig> = {
  hidden: [100, 100, 100, 100],
  batchSize: 128,
  iterations: 2000,
  evalEvery: 500,
};
/**
 * ch06/overfit_weight_decay.py: 300 training images, six hidden layers of 100, SGD lr 0.01, and
 * MultiLayerNet's default He init (with std 0.01 six layers deep SGD barely moves, and nothing overfits).
 */
const OVERFIT: Partial<TrainConfig> = {
  hidden: [100, 100, 100, 100, 100, 100],
  trainSubset: 300,
  init: 'he',
  optimizer: 'sgd',
  learningRate: 0.01,
  batchSize: 100,
  iterations: 3000,
  evalEvery: 60,
};

/** The random search's trials: lr = 10^U(-6, -2), λ = 10^U(-8, -4), drawn from a seeded Rng. */
function randomTrials(count: number, seed: number): PresetRun[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const learningRate = Number((10 ** (-6 + 4 * rng.next())).toPrecision(3));
    const weightDecayLambda = Number((10 ** (-8 + 4 * rng.next())).toPrecision(3));
    return {
      label: 'trial',
      params: { n: i + 1, lr: learningRate, lambda: weightDecayLambda },
      config: {
        hidden: [100, 100, 100, 100, 100, 100],
        trainSubset: 500,
        validationSplit: 0.2,
        optimizer: 'sgd',
        learningRate,
        weightDecay: 'l2',
        weightDecayLambda,
        iterations: 1000,
        evalEvery: 50,
        seed: i + 1,
      },
    };
  });
}

/** Every preset's runs. */
export const PRESETS: Record<PresetId, { section: string; runs: PresetRun[] }> = {
  optimizers: {
    section: '6.1.8',
    runs: [
      { label: 'sgd', config: { ...DEEP, optimizer: 'sgd', learningRate: 0.01 } },
      { label: 'momentum', config: { ...DEEP, optimizer: 'momentum', learningRate: 0.01 } },
      { label: 'adagrad', config: { ...DEEP, optimizer: 'adagrad', learningRate: 0.01 } },
      { label: 'adam', config: { ...DEEP, optimizer: 'adam', learningRate: 0.001 } },
    ],
  },
  weightInit: {
    section: '6.2.4',
    runs: [
      { label: 'std001', config: { ...DEEP, init: 'std', initStd: 0.01, learningRate: 0.01 } },
      { label: 'xavier', config: { ...DEEP, init: 'xavier', learningRate: 0.01 } },
      { label: 'he', config: { ...DEEP, init: 'he', learningRate: 0.01 } },
    ],
  },
  batchNorm: {
    section: '6.3.2',
    runs: [0.1, 0.01].flatMap((initStd) =>
      [true, false].map((batchNorm): PresetRun => ({
        label: batchNorm ? 'bnOn' : 'bnOff',
        params: { std: initStd },
        config: {
          hidden: [100, 100, 100, 100, 100],
          trainSubset: 1000,
          init: 'std',
          initStd,
          batchNorm,
          learningRate: 0.01,
          iterations: 2000,
          evalEvery: 100,
        },
      })),
    ),
  },
  overfitting: {
    section: '6.4',
    runs: [
      { label: 'plain', config: { ...OVERFIT } },
      {
        label: 'l2',
        params: { lambda: 0.1 },
        config: { ...OVERFIT, weightDecay: 'l2', weightDecayLambda: 0.1 },
      },
      { label: 'dropout', params: { ratio: 0.15 }, config: { ...OVERFIT, dropout: 0.15 } },
    ],
  },
  randomSearch: { section: '6.5.3', runs: randomTrials(4, 2016) },
  l1l2: {
    section: '6.4.2',
    runs: [
      {
        label: 'l1',
        params: { lambda: 0.01 },
        config: { ...OVERFIT, weightDecay: 'l1', weightDecayLambda: 0.01 },
      },
      {
        label: 'l2',
        params: { lambda: 0.1 },
        config: { ...OVERFIT, weightDecay: 'l2', weightDecayLambda: 0.1 },
      },
    ],
  },
  noiseAugment: {
    section: '6.4',
    runs: [
      { label: 'plain', config: { ...OVERFIT } },
      { label: 'noise', params: { sigma: 0.3 }, config: { ...OVERFIT, noiseSigma: 0.3 } },
      {
        label: 'augment',
        params: { shift: 2, rotate: 10 },
        config: { ...OVERFIT, augmentShift: 2, augmentRotate: 10 },
      },
    ],
  },
  earlyStopping: {
    section: '6.5.1',
    runs: [
      {
        label: 'early',
        params: { patience: 3 },
        config: { ...OVERFIT, validationSplit: 0.2, patience: 3, stopBy: 'epochs', epochs: 200 },
      },
    ],
  },
};
