/**
 * The one hyperparameter schema. It drives the UI controls, the CLI flags, validation where a
 * config crosses a process boundary, and what a saved run records.
 *
 * Defaults are the book's ch05 run: 784-50-10, ReLU, SGD lr 0.1, batch 100 drawn at random,
 * 10,000 iterations with an evaluation every 600.
 */
import { z } from 'zod';

export const ACTIVATIONS = ['relu', 'sigmoid', 'tanh'] as const;
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;
export const INITS = ['std', 'xavier', 'he'] as const;
export const SCHEDULES = ['constant', 'step', 'inverse', 'exponential'] as const;
export const WEIGHT_DECAYS = ['none', 'l2', 'l1'] as const;
export const LOSSES = ['softmax-cross-entropy', 'identity-mse'] as const;
export const SAMPLINGS = ['random', 'shuffle'] as const;
export const STOP_BY = ['iterations', 'epochs'] as const;

export type Activation = (typeof ACTIVATIONS)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type InitName = (typeof INITS)[number];
export type ScheduleName = (typeof SCHEDULES)[number];
export type WeightDecayName = (typeof WEIGHT_DECAYS)[number];
export type LossName = (typeof LOSSES)[number];
export type Sampling = (typeof SAMPLINGS)[number];

/** A numeric hyperparameter: range, step, scale and default in one place. */
export interface NumberParam {
  kind: 'number';
  key: NumericKey;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  scale: 'linear' | 'log';
  /** The CLI flag, without the leading dashes. */
  flag: string;
  /** Book section that explains it, shown beside the control. */
  section?: string;
}

/** A choice among named options. */
export interface ChoiceParam {
  kind: 'choice';
  key: ChoiceKey;
  options: readonly string[];
  flag: string;
  section?: string;
}

export interface BooleanParam {
  kind: 'boolean';
  key: BooleanKey;
  flag: string;
  section?: string;
}

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const num = (min: number, max: number) => z.number().finite().min(min).max(max);

/** Validation for a whole training config. Messages are i18n keys' English fallbacks. */
export const trainConfigSchema = z
  .object({
    hidden: z.array(int(1, 1024)).min(1).max(8),
    activation: z.enum(ACTIVATIONS),
    loss: z.enum(LOSSES),
    init: z.enum(INITS),
    initStd: num(1e-4, 1),
    optimizer: z.enum(OPTIMIZERS),
    learningRate: num(1e-5, 10),
    momentum: num(0, 0.999),
    beta1: num(0, 0.999),
    beta2: num(0, 0.99999),
    rmsDecay: num(0, 0.9999),
    schedule: z.enum(SCHEDULES),
    scheduleStepEpochs: int(1, 100),
    scheduleDecay: num(0, 10),
    weightDecay: z.enum(WEIGHT_DECAYS),
    weightDecayLambda: num(0, 1),
    dropout: num(0, 0.9),
    batchNorm: z.boolean(),
    batchSize: int(1, 1000),
    stopBy: z.enum(STOP_BY),
    epochs: int(1, 200),
    iterations: int(1, 1_000_000),
    evalEvery: int(1, 1_000_000),
    sampling: z.enum(SAMPLINGS),
    trainSubset: int(0, 60_000),
    validationSplit: num(0, 0.5),
    patience: int(0, 100),
    noiseSigma: num(0, 1),
    augmentShift: int(0, 4),
    augmentRotate: num(0, 30),
    seed: int(0, 2 ** 31 - 1),
  })
  .strict();

export type TrainConfig = z.infer<typeof trainConfigSchema>;
type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
export type NumericKey = KeysOfType<TrainConfig, number>;
export type ChoiceKey = KeysOfType<TrainConfig, string>;
export type BooleanKey = KeysOfType<TrainConfig, boolean>;

/** The book's ch05 train_neuralnet.py run. */
export const DEFAULT_CONFIG: TrainConfig = {
  hidden: [50],
  activation: 'relu',
  loss: 'softmax-cross-entropy',
  init: 'std',
  initStd: 0.01,
  optimizer: 'sgd',
  learningRate: 0.1,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  rmsDecay: 0.99,
  schedule: 'constant',
  scheduleStepEpochs: 1,
  scheduleDecay: 0.1,
  weightDecay: 'none',
  weightDecayLambda: 0,
  dropout: 0,
  batchNorm: false,
  batchSize: 100,
  stopBy: 'iterations',
  epochs: 17,
  iterations: 10_000,
  evalEvery: 600,
  sampling: 'random',
  trainSubset: 0,
  validationSplit: 0,
  patience: 0,
  noiseSigma: 0,
  augmentShift: 0,
  augmentRotate: 0,
  seed: 1,
};

/** Every scalar hyperparameter, in the order the panel shows them. `hidden` is a list and has its own control. */
export const PARAMS: readonly (NumberParam | ChoiceParam | BooleanParam)[] = [
  { kind: 'choice', key: 'activation', options: ACTIVATIONS, flag: 'activation', section: '3.2' },
  { kind: 'choice', key: 'loss', options: LOSSES, flag: 'loss', section: '4.2' },
  { kind: 'choice', key: 'init', options: INITS, flag: 'init', section: '6.2' },
  {
    kind: 'number',
    key: 'initStd',
    min: 1e-4,
    max: 1,
    step: 1e-4,
    integer: false,
    scale: 'log',
    flag: 'init-std',
    section: '6.2.1',
  },
  { kind: 'choice', key: 'optimizer', options: OPTIMIZERS, flag: 'optimizer', section: '6.1' },
  {
    kind: 'number',
    key: 'learningRate',
    min: 1e-5,
    max: 10,
    step: 1e-5,
    integer: false,
    scale: 'log',
    flag: 'lr',
    section: '4.4.1',
  },
  {
    kind: 'number',
    key: 'momentum',
    min: 0,
    max: 0.999,
    step: 0.001,
    integer: false,
    scale: 'linear',
    flag: 'momentum',
    section: '6.1.4',
  },
  {
    kind: 'number',
    key: 'beta1',
    min: 0,
    max: 0.999,
    step: 0.001,
    integer: false,
    scale: 'linear',
    flag: 'beta1',
    section: '6.1.6',
  },
  {
    kind: 'number',
    key: 'beta2',
    min: 0,
    max: 0.99999,
    step: 0.00001,
    integer: false,
    scale: 'linear',
    flag: 'beta2',
    section: '6.1.6',
  },
  {
    kind: 'number',
    key: 'rmsDecay',
    min: 0,
    max: 0.9999,
    step: 0.0001,
    integer: false,
    scale: 'linear',
    flag: 'rms-decay',
    section: '6.1.5',
  },
  { kind: 'choice', key: 'schedule', options: SCHEDULES, flag: 'schedule', section: '6.1.5' },
  {
    kind: 'number',
    key: 'scheduleStepEpochs',
    min: 1,
    max: 100,
    step: 1,
    integer: true,
    scale: 'linear',
    flag: 'schedule-step',
  },
  {
    kind: 'number',
    key: 'scheduleDecay',
    min: 0,
    max: 10,
    step: 0.001,
    integer: false,
    scale: 'linear',
    flag: 'schedule-decay',
  },
  { kind: 'choice', key: 'weightDecay', options: WEIGHT_DECAYS, flag: 'weight-decay', section: '6.4.2' },
  {
    kind: 'number',
    key: 'weightDecayLambda',
    min: 0,
    max: 1,
    step: 1e-4,
    integer: false,
    scale: 'linear',
    flag: 'lambda',
    section: '6.4.2',
  },
  {
    kind: 'number',
    key: 'dropout',
    min: 0,
    max: 0.9,
    step: 0.05,
    integer: false,
    scale: 'linear',
    flag: 'dropout',
    section: '6.4.3',
  },
  { kind: 'boolean', key: 'batchNorm', flag: 'batch-norm', section: '6.3' },
  {
    kind: 'number',
    key: 'batchSize',
    min: 1,
    max: 1000,
    step: 1,
    integer: true,
    scale: 'linear',
    flag: 'batch',
    section: '4.2.3',
  },
  { kind: 'choice', key: 'stopBy', options: STOP_BY, flag: 'stop-by' },
  {
    kind: 'number',
    key: 'epochs',
    min: 1,
    max: 200,
    step: 1,
    integer: true,
    scale: 'linear',
    flag: 'epochs',
    section: '4.5.3',
  },
  {
    kind: 'number',
    key: 'iterations',
    min: 1,
    max: 1_000_000,
    step: 100,
    integer: true,
    scale: 'linear',
    flag: 'iters',
    section: '4.5.2',
  },
  {
    kind: 'number',
    key: 'evalEvery',
    min: 1,
    max: 1_000_000,
    step: 1,
    integer: true,
    scale: 'linear',
    flag: 'eval-every',
    section: '4.5.3',
  },
  { kind: 'choice', key: 'sampling', options: SAMPLINGS, flag: 'sampling', section: '4.2.3' },
  {
    kind: 'number',
    key: 'trainSubset',
    min: 0,
    max: 60_000,
    step: 100,
    integer: true,
    scale: 'linear',
    flag: 'train-subset',
    section: '6.4.1',
  },
  {
    kind: 'number',
    key: 'validationSplit',
    min: 0,
    max: 0.5,
    step: 0.01,
    integer: false,
    scale: 'linear',
    flag: 'validation',
    section: '6.5.1',
  },
  {
    kind: 'number',
    key: 'patience',
    min: 0,
    max: 100,
    step: 1,
    integer: true,
    scale: 'linear',
    flag: 'patience',
  },
  {
    kind: 'number',
    key: 'noiseSigma',
    min: 0,
    max: 1,
    step: 0.01,
    integer: false,
    scale: 'linear',
    flag: 'noise',
  },
  {
    kind: 'number',
    key: 'augmentShift',
    min: 0,
    max: 4,
    step: 1,
    integer: true,
    scale: 'linear',
    flag: 'shift',
    section: '8.1.2',
  },
  {
    kind: 'number',
    key: 'augmentRotate',
    min: 0,
    max: 30,
    step: 1,
    integer: false,
    scale: 'linear',
    flag: 'rotate',
    section: '8.1.2',
  },
  {
    kind: 'number',
    key: 'seed',
    min: 0,
    max: 2 ** 31 - 1,
    step: 1,
    integer: true,
    scale: 'linear',
    flag: 'seed',
  },
];

/**
 * Why a control does not apply to this config, or null when it does. The value is an i18n key
 * (`why.*`); the UI disables the control and shows the reason on hover.
 */
export function notApplicable(key: keyof TrainConfig, c: TrainConfig): string | null {
  switch (key) {
    case 'initStd':
      return c.init === 'std' ? null : 'why.initStd';
    case 'momentum':
      return c.optimizer === 'momentum' || c.optimizer === 'nesterov' ? null : 'why.momentum';
    case 'beta1':
    case 'beta2':
      return c.optimizer === 'adam' ? null : 'why.adamOnly';
    case 'rmsDecay':
      return c.optimizer === 'rmsprop' ? null : 'why.rmspropOnly';
    case 'scheduleStepEpochs':
      return c.schedule === 'step' ? null : 'why.stepOnly';
    case 'scheduleDecay':
      return c.schedule === 'inverse' || c.schedule === 'exponential' ? null : 'why.decayOnly';
    case 'weightDecayLambda':
      return c.weightDecay === 'none' ? 'why.noWeightDecay' : null;
    case 'epochs':
      return c.stopBy === 'epochs' ? null : 'why.byIterations';
    case 'iterations':
      return c.stopBy === 'iterations' ? null : 'why.byEpochs';
    case 'patience':
      return c.validationSplit > 0 ? null : 'why.noValidation';
    default:
      return null;
  }
}

export type ConfigResult = { ok: true; config: TrainConfig } | { ok: false; errors: ConfigError[] };
export interface ConfigError {
  /** Dotted path of the field, e.g. `learningRate` or `hidden.1`. */
  path: string;
  message: string;
}

/** Validate untrusted input (a partial config is filled from the defaults). */
export function parseTrainConfig(input: unknown): ConfigResult {
  const merged =
    input && typeof input === 'object' && !Array.isArray(input)
      ? { ...DEFAULT_CONFIG, ...(input as Record<string, unknown>) }
      : input;
  const r = trainConfigSchema.safeParse(merged);
  if (r.success) return { ok: true, config: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/** One readable line for a failed config, for CLI and error events. */
export function describeConfigErrors(errors: ConfigError[]): string {
  return errors.map((e) => `${e.path || 'config'}: ${e.message}`).join('; ');
}
