/**
 * The train command's flags, generated from the one hyperparameter list (PARAMS in
 * src/shared/hyperparams.ts): `--lr 0.1`, `--activation sigmoid`, `--batch-norm` / `--no-batch-norm`,
 * plus `--hidden 100,50`, `--out FILE`, `--dataset DIR`, `--quiet`.
 */
import { parseArgs } from 'node:util';
import { PARAMS } from '../shared/hyperparam-controls';
import { DEFAULT_CONFIG, describeConfigErrors, parseTrainConfig } from '../shared/hyperparams';
import type { TrainConfig } from '../shared/hyperparams';
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
}

type OptionSpec = { type: 'string' | 'boolean' };

const EXTRA: Record<string, OptionSpec> = {
  hidden: { type: 'string' },
  out: { type: 'string' },
  dataset: { type: 'string' },
  'data-dir': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
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
  lines.push(
    `  --hidden N,N,...       hidden layer sizes, 1..1024 each (default ${DEFAULT_CONFIG.hidden.join(',')})`,
  );
  for (const p of PARAMS) {
    const def = DEFAULT_CONFIG[p.key];
    const what =
      p.kind === 'choice'
        ? p.options.join(' | ')
        : p.kind === 'number'
          ? rangeText(p.min, p.max, p.integer)
          : `on/off (--no-${p.flag})`;
    lines.push(`  --${p.flag.padEnd(20)} ${what} (default ${String(def)})`);
  }
  lines.push(
    '',
    'Other:',
    `  --out FILE             save the trained weights; the extension picks the format (${OUT_EXTENSIONS.join(', ')})`,
    '  --dataset DIR          an MNIST folder (four IDX files, raw or .gz)',
    '  --data-dir DIR         keep the run in this run-history folder (as the app does)',
    '  --quiet                no progress bar',
    '  --help',
  );
  return lines.join('\n');
}

function rangeText(min: number, max: number, integer: boolean): string {
  return `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
}

/** All valid flag names, for the unknown-flag message. */
function flagList(): string {
  return Object.keys(options())
    .map((f) => `--${f}`)
    .join(', ');
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
    if (p.kind === 'choice') {
      if (!p.options.includes(raw))
        throw new UsageError(`--${p.flag} must be one of ${p.options.join(', ')} (got '${raw}').`);
      config[p.key] = raw;
    } else {
      const n = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(n) || (p.integer && !Number.isInteger(n)) || n < p.min || n > p.max) {
        throw new UsageError(`--${p.flag} must be ${rangeText(p.min, p.max, p.integer)} (got '${raw}').`);
      }
      config[p.key] = n;
    }
  }
  if (typeof values.hidden === 'string') {
    const sizes = values.hidden.split(',').map((s) => Number(s.trim()));
    if (
      sizes.length === 0 ||
      sizes.length > 8 ||
      sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1024)
    ) {
      throw new UsageError(
        `--hidden must be 1 to 8 comma-separated layer sizes, each an integer from 1 to 1024 (got '${values.hidden}').`,
      );
    }
    config.hidden = sizes;
  }
  const parsed = parseTrainConfig(config);
  if (!parsed.ok) throw new UsageError(`Invalid settings: ${describeConfigErrors(parsed.errors)}`);
  if (typeof values.out === 'string' && !outFormat(values.out)) {
    throw new UsageError(
      `--out ${values.out}: unknown weights file extension; choose one of ${OUT_EXTENSIONS.join(', ')}.`,
    );
  }
  return {
    config: parsed.config,
    out: values.out as string | undefined,
    dataset: values.dataset as string | undefined,
    dataDir: values['data-dir'] as string | undefined,
    quiet: values.quiet === true,
    help: values.help === true,
  };
}
