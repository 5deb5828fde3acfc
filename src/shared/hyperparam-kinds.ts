/**
 * The kinds of entry in the hyperparameter list (hyperparam-list.ts): a number, a choice, an on/off
 * switch and a list of sizes. Each constructor takes the facts of one setting and builds its
 * validation from them, so the range is written once and the schema cannot drift from it.
 */
import { z } from 'zod';

/** When a setting takes effect: on the selected run right away, or from the next run. */
export type Applies = 'live' | 'next-run';

/**
 * When a setting is used at all, as data: it applies while `setting` is one of `oneOf`, none of
 * `noneOf`, or above `above`. Otherwise the panel disables it and shows `reason` (an i18n key).
 */
export type AppliesWhen = { setting: string; reason: string } & (
  { oneOf: readonly string[] } | { noneOf: readonly string[] } | { above: number }
);

/** What every entry declares. */
interface Common<K extends string> {
  key: K;
  /** The CLI flag, without the leading dashes. */
  flag: string;
  /** The book's section that explains it, shown beside the control. */
  section?: string;
  applies: Applies;
  /** Absent: always used. */
  when?: AppliesWhen;
  /** i18n keys of the control's label and one-line help. */
  labelKey: string;
  helpKey: string;
}

/** What the constructors take besides the kind's own facts (the string keys default to `param.<key>.*`). */
type Options = Partial<Pick<Common<string>, 'section' | 'applies' | 'when' | 'labelKey' | 'helpKey'>> & {
  flag: string;
};

/** A number in [min, max], typed into a box and set with a slider (linear or log steps). */
export interface NumberParam<K extends string = string> extends Common<K> {
  kind: 'number';
  min: number;
  max: number;
  step: number;
  integer: boolean;
  scale: 'linear' | 'log';
  default: number;
  schema: z.ZodNumber;
}

/** One of a fixed list of names (an engine registry's keys). */
export interface ChoiceParam<K extends string = string, O extends string = string> extends Common<K> {
  kind: 'choice';
  options: readonly [O, ...O[]];
  default: O;
  /** i18n key prefix of the option labels: `${optionKeyPrefix}.${option}`. */
  optionKeyPrefix: string;
  schema: z.ZodEnum<{ [V in O]: V }>;
}

/** On or off: a checkbox, `--flag` / `--no-flag`. */
export interface BooleanParam<K extends string = string> extends Common<K> {
  kind: 'boolean';
  default: boolean;
  schema: z.ZodBoolean;
}

/** A list of integer sizes (the hidden layers): minCount..maxCount entries, each in [min, max]. */
export interface SizesParam<K extends string = string> extends Common<K> {
  kind: 'sizes';
  min: number;
  max: number;
  minCount: number;
  maxCount: number;
  default: number[];
  schema: z.ZodArray<z.ZodNumber>;
}

/** Any entry of the list. */
export type Hyperparam = NumberParam | ChoiceParam | BooleanParam | SizesParam;

function common<const K extends string>(key: K, o: Options): Common<K> {
  return {
    key,
    flag: o.flag,
    section: o.section,
    applies: o.applies ?? 'next-run',
    when: o.when,
    labelKey: o.labelKey ?? `param.${key}.label`,
    helpKey: o.helpKey ?? `param.${key}.help`,
  };
}

/** A number entry; `integer` defaults to false, `step` to 1, `scale` to linear. */
export function numberParam<const K extends string>(
  key: K,
  spec: Options & {
    min: number;
    max: number;
    default: number;
    step?: number;
    integer?: boolean;
    scale?: 'linear' | 'log';
  },
): NumberParam<K> {
  const integer = spec.integer ?? false;
  const base = integer ? z.number().int() : z.number().finite();
  return {
    ...common(key, spec),
    kind: 'number',
    min: spec.min,
    max: spec.max,
    step: spec.step ?? 1,
    integer,
    scale: spec.scale ?? 'linear',
    default: spec.default,
    schema: base.min(spec.min).max(spec.max),
  };
}

/** A choice entry over `options` (pass an engine registry's names). */
export function choiceParam<const K extends string, const O extends string>(
  key: K,
  options: readonly [O, ...O[]],
  spec: Options & { default: NoInfer<O> },
): ChoiceParam<K, O> {
  return {
    ...common(key, spec),
    kind: 'choice',
    options,
    default: spec.default,
    optionKeyPrefix: `option.${key}`,
    schema: z.enum(options),
  };
}

/** An on/off entry. */
export function booleanParam<const K extends string>(
  key: K,
  spec: Options & { default: boolean },
): BooleanParam<K> {
  return { ...common(key, spec), kind: 'boolean', default: spec.default, schema: z.boolean() };
}

/** A list-of-sizes entry. */
export function sizesParam<const K extends string>(
  key: K,
  spec: Options & { min: number; max: number; minCount: number; maxCount: number; default: number[] },
): SizesParam<K> {
  const size = z.number().int().min(spec.min).max(spec.max);
  return {
    ...common(key, spec),
    kind: 'sizes',
    min: spec.min,
    max: spec.max,
    minCount: spec.minCount,
    maxCount: spec.maxCount,
    default: spec.default,
    schema: z.array(size).min(spec.minCount).max(spec.maxCount),
  };
}

/** The values an entry accepts, in words: for `--help`, CLI errors and the docs. */
export function describeValues(p: Hyperparam): string {
  switch (p.kind) {
    case 'number':
      return `${p.integer ? 'an integer' : 'a number'} from ${p.min} to ${p.max}`;
    case 'choice':
      return `one of ${p.options.join(', ')}`;
    case 'boolean':
      return `on/off (--no-${p.flag})`;
    case 'sizes':
      return `${p.minCount} to ${p.maxCount} comma-separated sizes, each an integer from ${p.min} to ${p.max}`;
  }
}
