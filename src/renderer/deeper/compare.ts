/**
 * The run comparison table's data: which hyperparameters differ between the compared runs (in the
 * panel's order, from the one hyperparameter list), each run's final and best accuracies and
 * losses, its speed and wall time, sorting, and the table as CSV (RFC 4180).
 */
import Papa from 'papaparse';
import { HYPERPARAMS } from '../../shared/hyperparam-list';
import type { TrainConfig } from '../../shared/hyperparams';
import type { EpochMetrics, RunSummary } from '../../shared/runs';

export type ConfigKey = keyof TrainConfig;

/** Two config values as equal: numbers and strings by value, lists (hidden sizes) entry by entry. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The hyperparameters whose values are not the same in every config, in the panel's order. */
export function differingKeys(configs: readonly TrainConfig[]): ConfigKey[] {
  if (configs.length < 2) return [];
  return HYPERPARAMS.map((p) => p.key as ConfigKey).filter((key) =>
    configs.some((c) => !sameValue(c[key], configs[0][key])),
  );
}

/** The panel's label key of a hyperparameter (`param.<key>.label`, `hidden.label`). */
export function labelKeyOf(key: ConfigKey): (typeof HYPERPARAMS)[number]['labelKey'] {
  const param = HYPERPARAMS.find((p) => p.key === key);
  if (!param) throw new Error(`no hyperparameter '${key}'`);
  return param.labelKey;
}

/** A config value as the table and the CSV show it (hidden sizes as 100-50). */
export function formatValue(value: unknown): string {
  return Array.isArray(value) ? value.join('-') : String(value);
}

/** The measured columns, in the table's order. */
export const METRIC_COLUMNS = [
  'finalTrainAccuracy',
  'bestTrainAccuracy',
  'finalTestAccuracy',
  'bestTestAccuracy',
  'finalTrainLoss',
  'finalTestLoss',
  'bestTestLoss',
  'iterationsPerSecond',
  'wallMs',
] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];

/** One compared run: its name and config, and each measured column (null: no evaluation yet). */
export interface CompareRow {
  id: string;
  name: string;
  config: TrainConfig;
  metrics: Record<MetricColumn, number | null>;
}

const best = (xs: number[], pick: (a: number, b: number) => number) =>
  xs.length === 0 ? null : xs.reduce((x, y) => pick(x, y));

/** A run's row from its evaluation points (the summary's last one when its metrics are not loaded). */
export function compareRow(run: RunSummary, epochs: readonly EpochMetrics[] | undefined): CompareRow {
  const points = epochs && epochs.length > 0 ? epochs : run.lastEpoch ? [run.lastEpoch] : [];
  const last = points.at(-1);
  const finite = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
  const seconds = last ? last.elapsedMs / 1000 : 0;
  return {
    id: run.id,
    name: run.name,
    config: run.config,
    metrics: {
      finalTrainAccuracy: last?.trainAccuracy ?? null,
      bestTrainAccuracy: best(finite(points.map((e) => e.trainAccuracy)), Math.max),
      finalTestAccuracy: last?.testAccuracy ?? null,
      bestTestAccuracy: best(finite(points.map((e) => e.testAccuracy)), Math.max),
      finalTrainLoss: last?.trainLoss ?? null,
      finalTestLoss: last?.testLoss ?? null,
      bestTestLoss: best(finite(points.map((e) => e.testLoss)), Math.min),
      iterationsPerSecond: last && seconds > 0 ? last.iteration / seconds : null,
      wallMs: last ? last.elapsedMs : null,
    },
  };
}

/** What the table is sorted by: the run name, a differing hyperparameter or a measured column. */
export type SortKey =
  { kind: 'name' } | { kind: 'param'; key: ConfigKey } | { kind: 'metric'; key: MetricColumn };
export interface SortOrder {
  by: SortKey;
  descending: boolean;
}

function sortValue(row: CompareRow, by: SortKey): string | number | null {
  if (by.kind === 'name') return row.name;
  if (by.kind === 'metric') return row.metrics[by.key];
  const v = row.config[by.key];
  return typeof v === 'number' ? v : formatValue(v);
}

/** The rows sorted (stably) by `order`; rows without a value go last either way. */
export function sortRows(rows: readonly CompareRow[], order: SortOrder): CompareRow[] {
  const sign = order.descending ? -1 : 1;
  return rows
    .map((row, i) => ({ row, i, v: sortValue(row, order.by) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : String(a.v).localeCompare(String(b.v), undefined, { numeric: true });
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.row);
}

/** The table as CSV (RFC 4180, by papaparse): run, the differing hyperparameters (by config key), the measured columns; CRLF lines. */
export function compareCsv(rows: readonly CompareRow[], keys: readonly ConfigKey[]): string {
  const header = ['run', ...keys, ...METRIC_COLUMNS.map(snakeCase)];
  const lines = rows.map((r) => [
    r.name,
    ...keys.map((k) => formatValue(r.config[k])),
    ...METRIC_COLUMNS.map((m) => r.metrics[m] ?? ''),
  ]);
  return `${Papa.unparse([header, ...lines], { newline: '\r\n' })}\r\n`;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
