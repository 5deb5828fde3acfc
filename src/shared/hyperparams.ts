/**
 * The one hyperparameter schema: validation where a config crosses a process boundary, and what a
 * saved run records. hyperparam-controls.ts lists the same keys as controls and CLI flags.
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
