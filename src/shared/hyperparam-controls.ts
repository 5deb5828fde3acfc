/**
 * The hyperparameters as controls and flags: every scalar one with its range, scale, CLI flag and
 * book section (PARAMS), and when one does not apply to a config (notApplicable). The panel and
 * the CLI are built from this list; validation stays in hyperparams.ts.
 */
import type { KeyOf } from './i18n';
import {
  ACTIVATIONS,
  INITS,
  LOSSES,
  OPTIMIZERS,
  SAMPLINGS,
  SCHEDULES,
  STOP_BY,
  WEIGHT_DECAYS,
  type BooleanKey,
  type ChoiceKey,
  type NumericKey,
  type TrainConfig,
} from './hyperparams';

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
export function notApplicable(key: keyof TrainConfig, c: TrainConfig): KeyOf<'why'> | null {
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
