/**
 * The train command's flags, generated from the one hyperparameter list (src/shared/hyperparam-list.ts):
 * `--lr 0.1`, `--activation sigmoid`, `--batch-norm` / `--no-batch-norm`, `--hidden 100,50`, each
 * checked by its entry's schema; plus `--out FILE`, `--lang en|ja|ko` (the prose of a notebook or script),
 * `--dataset DIR`, `--data-dir DIR`, `--quiet`.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_CONFIG,
  describeConfigErrors,
  describeValues,
  PARAMS,
  parseTrainConfig,
  type Param,
  type TrainConfig,
} from '../shared/hyperparams';
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from '../shared/shell';
import { OUT_EXTENSIONS, outFormat } from './out-format';

/** A command-line mistake: the message is for the user; the process exits with code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What `npm run train -- ...` asked for. */
export interface TrainFlags {
  config: TrainConfig;
  out?: string;
  dataset?: string;
  /** Save the run history here (default: none, the run lives in memory). */
  dataDir?: string;
  quiet: boolean;
  help: boolean;
  /** The language of a notebook's or training script's prose (--lang; default English). */
  language: UiLanguage;
}

type OptionSpec = { type: 'string' | 'boolean' };

const EXTRA: Record<string, OptionSpec> = {
  out: { type: 'string' },
  dataset: { type: 'string' },
  'data-dir': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
  // --out run.ipynb / run.py: the prose's language (issue 15)
  lang: { type: 'string' },
};

function options(): Record<string, OptionSpec> {
  const opts: Record<string, OptionSpec> = {};
  for (const p of PARAMS) {
    if (p.kind === 'boolean') {
      opts[p.flag] = { type: 'boolean' };
      opts[`no-${p.flag}`] = { type: 'boolean' };
    } else opts[p.flag] = { type: 'string' };
  }
  return { ...opts, ...EXTRA };
}

/** One line per flag: its values or range and its default. */
export function trainUsage(): string {
  const lines = ['Usage: npm run train -- [flags]', '', "Hyperparameters (defaults: the book's ch05 run):"];
  for (const p of PARAMS) {
    const def = DEFAULT_CONFIG[p.key];
    const what = p.kind === 'choice' ? p.options.join(' | ') : describeValues(p);
    const shown = Array.isArray(def) ? def.join(',') : String(def);
    lines.push(
      `  --${(p.kind === 'sizes' ? `${p.flag} N,N,...` : p.flag).padEnd(20)} ${what} (default ${shown})`,
    );
  }
  lines.push(
    '',
    'Other:',
    `  --out FILE             save the trained weights, or a Jupyter notebook (.ipynb) or NumPy training script (.py) of the run; the extension picks the format (${OUT_EXTENSIONS.join(', ')})`,
    '  --dataset DIR          an MNIST folder (four IDX files, raw or .gz)',
    '  --data-dir DIR         keep the run in this run-history folder (as the app does)',
    `  --lang LANG            the language of a notebook's or training script's prose: ${UI_LANGUAGES.join(' | ')} (default en)`,
    '  --quiet                no progress bar',
    '  --help',
  );
  return lines.join('\n');
}

/** All valid flag names, for the unknown-flag message. */
function flagList(): string {
  return Object.keys(options())
    .map((f) => `--${f}`)
    .join(', ');
}

/** The value a flag's text stands for, before the entry's schema checks it. */
function flagValue(p: Param, raw: string): unknown {
  if (p.kind === 'choice') return raw;
  if (p.kind === 'sizes') return raw.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  return raw.trim() === '' ? NaN : Number(raw);
}

/** Parses the arguments after `train`; throws UsageError with a message naming what is wrong and what is valid. */
export function parseTrainFlags(argv: string[]): TrainFlags {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: options(), strict: true, allowPositionals: false }));
  } catch (error) {
    const e = error as Error & { code?: string };
    const flag = /'([^']+)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`Unknown flag ${flag ?? ''}. Valid flags: ${flagList()}.`);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${e.message.split('\n')[0]}`);
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`Unexpected argument ${flag ?? ''}: every value needs its flag, e.g. --lr 0.1.`);
    throw new UsageError(e.message);
  }
  const config: Record<string, unknown> = {};
  for (const p of PARAMS) {
    if (p.kind === 'boolean') {
      if (values[p.flag] && values[`no-${p.flag}`])
        throw new UsageError(`--${p.flag} and --no-${p.flag} contradict each other; give one.`);
      if (values[p.flag]) config[p.key] = true;
      if (values[`no-${p.flag}`]) config[p.key] = false;
      continue;
    }
    const raw = values[p.flag];
    if (typeof raw !== 'string') continue;
    const checked = p.schema.safeParse(flagValue(p, raw));
    if (!checked.success) throw new UsageError(`--${p.flag} must be ${describeValues(p)} (got '${raw}').`);
    config[p.key] = checked.data;
  }
  const parsed = parseTrainConfig(config);
  if (!parsed.ok) throw new UsageError(`Invalid settings: ${describeConfigErrors(parsed.errors)}`);
  if (typeof values.out === 'string' && !outFormat(values.out)) {
    throw new UsageError(
      `--out ${values.out}: unknown export file extension; choose one of ${OUT_EXTENSIONS.join(', ')}.`,
    );
  }
  const language = values.lang ?? 'en';
  if (!isUiLanguage(language))
    throw new UsageError(`--lang must be one of ${UI_LANGUAGES.join(', ')} (got '${String(language)}').`);
  return {
    config: parsed.config,
    out: values.out as string | undefined,
    dataset: values.dataset as string | undefined,
    dataDir: values['data-dir'] as string | undefined,
    quiet: values.quiet === true,
    help: values.help === true,
    language,
  };
}
