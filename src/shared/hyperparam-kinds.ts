/**
 * The kinds of entry in the hyperparameter list (hyperparam-list.ts): a number, a choice, an on/off
 * switch and a list of sizes. Each constructor takes the facts of one setting and builds its
 * validation from them, so the range is written once and the schema cannot drift from it.
 *
 * String keys follow the key: a setting's label and help are `param.<key>.label` / `.help`, a
 * choice's option names `option.<key>.<option>`, a list of sizes has its own namespace `<key>.*`.
 * A key is typed against the English dictionary, so a setting without its strings (or a registry
 * name without its option label) fails the type check.
 */
import { z } from 'zod';
import type { Dictionary, KeyOf } from './i18n';

/** Settings with a label and help under `param.*`. */
export type ParamKey = Extract<keyof Dictionary['param'], string>;
/** Settings with option labels under `option.*`. */
type OptionSetting = Extract<keyof Dictionary['option'], string>;
/** The option names a choice setting has labels for. */
type OptionName<K extends OptionSetting> = Extract<keyof Dictionary['option'][K], string>;
/** Namespaces with their own label and help (a list of sizes, e.g. `hidden.*`). */
type SizesNamespace = {
  [N in keyof Dictionary]: Dictionary[N] extends { label: string; help: string } ? N : never;
}[keyof Dictionary] &
  string;

/** When a setting takes effect: on the selected run right away, or from the next run. */
export type Applies = 'live' | 'next-run';

/**
 * When a setting is used at all, as data: it applies while `setting` is one of `oneOf`, none of
 * `noneOf`, or above `above`. Otherwise the panel disables it and shows `reason` (an i18n key).
 */
export type AppliesWhen = { setting: string; reason: KeyOf<'why'> } & (
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
}

/** The i18n keys of a setting's label and one-line help. */
interface ParamStrings<K extends ParamKey> {
  labelKey: `param.${K}.label`;
  helpKey: `param.${K}.help`;
}

/** What the constructors take besides the kind's own facts. */
type Options = Partial<Pick<Common<string>, 'section' | 'applies' | 'when'>> & { flag: string };

/** A number in [min, max], typed into a box and set with a slider (linear or log steps). */
export interface NumberParam<K extends ParamKey = ParamKey> extends Common<K>, ParamStrings<K> {
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
export interface ChoiceParam<
  K extends ParamKey & OptionSetting = ParamKey & OptionSetting,
  O extends string = string,
>
  extends Common<K>, ParamStrings<K> {
  kind: 'choice';
  options: readonly [O, ...O[]];
  default: O;
  /** i18n key prefix of the option labels: `${optionKeyPrefix}.${option}`. */
  optionKeyPrefix: `option.${K}`;
  schema: z.ZodEnum<{ [V in O]: V }>;
}

/** On or off: a checkbox, `--flag` / `--no-flag`. */
export interface BooleanParam<K extends ParamKey = ParamKey> extends Common<K>, ParamStrings<K> {
  kind: 'boolean';
  default: boolean;
  schema: z.ZodBoolean;
}

/** A list of integer sizes (the hidden layers): minCount..maxCount entries, each in [min, max]. */
export interface SizesParam<K extends SizesNamespace = SizesNamespace> extends Common<K> {
  kind: 'sizes';
  labelKey: `${K}.label`;
  helpKey: `${K}.help`;
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
  return { key, flag: o.flag, section: o.section, applies: o.applies ?? 'next-run', when: o.when };
}

function paramStrings<K extends ParamKey>(key: K): ParamStrings<K> {
  return { labelKey: `param.${key}.label`, helpKey: `param.${key}.help` };
}

/** A number entry; `integer` defaults to false, `step` to 1, `scale` to linear. */
export function numberParam<const K extends ParamKey>(
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
    ...paramStrings(key),
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

/** A choice entry over `options` (pass an engine registry's names; each needs its option label). */
export function choiceParam<const K extends ParamKey & OptionSetting, const O extends OptionName<K>>(
  key: K,
  options: readonly [O, ...O[]],
  spec: Options & { default: NoInfer<O> },
): ChoiceParam<K, O> {
  return {
    ...common(key, spec),
    ...paramStrings(key),
    kind: 'choice',
    options,
    default: spec.default,
    optionKeyPrefix: `option.${key}`,
    schema: z.enum(options),
  };
}

/** An on/off entry. */
export function booleanParam<const K extends ParamKey>(
  key: K,
  spec: Options & { default: boolean },
): BooleanParam<K> {
  return {
    ...common(key, spec),
    ...paramStrings(key),
    kind: 'boolean',
    default: spec.default,
    schema: z.boolean(),
  };
}

/** A list-of-sizes entry. */
export function sizesParam<const K extends SizesNamespace>(
  key: K,
  spec: Options & { min: number; max: number; minCount: number; maxCount: number; default: number[] },
): SizesParam<K> {
  const size = z.number().int().min(spec.min).max(spec.max);
  return {
    ...common(key, spec),
    labelKey: `${key}.label`,
    helpKey: `${key}.help`,
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
