/**
 * What the app derives from the one hyperparameter list (hyperparam-list.ts): the zod schema that
 * validates a config where it enters main, the TrainConfig type, DEFAULT_CONFIG, the saved run's
 * config schema, the live learning-rate schema, and when a setting applies (notApplicable).
 */
import { z } from 'zod';
import type { TrainerConfig } from '../nn/trainer';
import { describeValues, type Hyperparam } from './hyperparam-kinds';
import type * as Kind from './hyperparam-kinds';
import type { KeyOf, OptionKey } from './i18n';
import { HYPERPARAMS } from './hyperparam-list';

export { describeValues, type Hyperparam };
export { HYPERPARAMS };
export { ACTIVATIONS, INITS, LOSSES, OPTIMIZERS, SCHEDULES, WEIGHT_DECAYS } from '../nn/index';
export { SAMPLINGS, STOP_BY } from '../nn/trainer';

type Entry = (typeof HYPERPARAMS)[number];
type Shape = { [E in Entry as E['key']]: E['schema'] };

function shapeOf(entries: readonly Entry[]): Shape {
  return Object.fromEntries(entries.map((e) => [e.key, e.schema])) as Shape;
}

/** Validation for a whole training config: one field per list entry, nothing else. */
export const trainConfigSchema = z.object(shapeOf(HYPERPARAMS)).strict();

/** A training config: one value per hyperparameter. */
export type TrainConfig = z.infer<typeof trainConfigSchema>;

// The engine's trainer takes a TrainConfig as it is: this fails the type check if they drift.
type Satisfies<T extends U, U> = T;
export type TrainConfigForTrainer = Satisfies<TrainConfig, TrainerConfig>;

type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
export type NumericKey = KeysOfType<TrainConfig, number>;
export type ChoiceKey = KeysOfType<TrainConfig, string>;
export type BooleanKey = KeysOfType<TrainConfig, boolean>;
export type SizesKey = KeysOfType<TrainConfig, number[]>;

export type Activation = TrainConfig['activation'];
export type OptimizerName = TrainConfig['optimizer'];
export type InitName = TrainConfig['init'];
export type ScheduleName = TrainConfig['schedule'];
export type WeightDecayName = TrainConfig['weightDecay'];
export type LossName = TrainConfig['loss'];
export type Sampling = TrainConfig['sampling'];

/** A number entry, its key typed against TrainConfig (as the panel, the store and the CLI use it). */
export type NumberParam = Kind.NumberParam<NumericKey>;
/** A choice entry, its key typed against TrainConfig. */
export type ChoiceParam = Kind.ChoiceParam<ChoiceKey>;
/** An on/off entry, its key typed against TrainConfig. */
export type BooleanParam = Kind.BooleanParam<BooleanKey>;
/** A list-of-sizes entry, its key typed against TrainConfig. */
export type SizesParam = Kind.SizesParam<SizesKey>;
/** Any entry, its key typed against TrainConfig. */
export type Param = NumberParam | ChoiceParam | BooleanParam | SizesParam;

// Every choice's option names have labels: this fails the type check if one is missing.
type OptionKeysOf<E> = E extends {
  kind: 'choice';
  key: infer K extends string;
  options: readonly (infer O)[];
}
  ? `option.${K}.${O & string}`
  : never;
export type OptionKeysOfTheList = Satisfies<OptionKeysOf<Entry>, OptionKey>;

/** The i18n key of one option's label (`option.optimizer.adam`). */
export function optionKey(param: ChoiceParam, option: string): OptionKey {
  // The options come from the entry, and OptionKeysOfTheList holds every entry's options to OptionKey.
  return `${param.optionKeyPrefix}.${option}` as OptionKey;
}

/** Every entry, in panel order. */
export const PARAMS: readonly Param[] = HYPERPARAMS;

/** The entry of `key`. */
export function paramOf<K extends keyof TrainConfig>(key: K): Extract<Param, { key: K }> {
  const entry = PARAMS.find((p): p is Extract<Param, { key: K }> => p.key === key);
  if (!entry) throw new Error(`no hyperparameter '${key}'`);
  return entry;
}

/** The defaults of every entry: the book's ch05 run. */
export const DEFAULT_CONFIG: TrainConfig = trainConfigSchema.parse(
  Object.fromEntries(HYPERPARAMS.map((e) => [e.key, e.default])),
);

/** The live learning rate (setLearningRate): the learning-rate entry's own range. */
export const learningRateSchema = trainConfigSchema.shape.learningRate;

/** Limits of the hidden-layer list (the `hidden` entry). */
export const HIDDEN_SIZES = paramOf('hidden');

/** A config as a saved run holds it: a setting the run predates reads back as its default. */
export const savedConfigSchema = z.preprocess(
  (value) => (isRecord(value) ? { ...DEFAULT_CONFIG, ...value } : value),
  trainConfigSchema,
);

/**
 * Why a control does not apply to this config, or null when it does: the entry's `when`, read as
 * data. The value is an i18n key (`why.*`); the UI disables the control and shows it on hover.
 */
export function notApplicable(key: keyof TrainConfig, c: TrainConfig): KeyOf<'why'> | null {
  const when = (PARAMS as readonly Hyperparam[]).find((p) => p.key === key)?.when;
  if (!when) return null;
  const value: unknown = c[when.setting as keyof TrainConfig];
  const applies =
    'oneOf' in when
      ? when.oneOf.includes(String(value))
      : 'noneOf' in when
        ? !when.noneOf.includes(String(value))
        : typeof value === 'number' && value > when.above;
  return applies ? null : when.reason;
}

export type ConfigResult = { ok: true; config: TrainConfig } | { ok: false; errors: ConfigError[] };
export interface ConfigError {
  /** Dotted path of the field, e.g. `learningRate` or `hidden.1`. */
  path: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Validate untrusted input (a partial config is filled from the defaults). */
export function parseTrainConfig(input: unknown): ConfigResult {
  const r = savedConfigSchema.safeParse(input);
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
