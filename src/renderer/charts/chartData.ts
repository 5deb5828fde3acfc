/**
 * Turning the store's series into recharts rows. Several runs share one x axis: iteration charts
 * bucket every run on one shared grid (see downsample.ts), so row k holds slot k of every line
 * (`{ x, from, to, "<runId>:raw": 2.1, "<otherId>:raw": 1.7 }`); a line with no value in a slot
 * lacks that key and is bridged (connectNulls). Per-run slot arrays are memoized per series object
 * (the store replaces a run's series on every write), so a finished run costs nothing on a redraw.
 */
import type { GrowableFloat32 } from '../store/growable';
import type { EpochMetrics } from '../../shared/runs';
import type { RunSeries } from '../store/metricsSlice';
import {
  bucketsForLines,
  chartGrid,
  IncrementalMinMax,
  MAX_CHART_POINTS,
  MAX_DRAWN_POINTS,
  MIN_BUCKETS,
  niceCeil,
  slotCount,
  slotRange,
  slotX,
  type Grid,
  type Point,
} from './downsample';
import { IncrementalEma } from './smoothing';

/** A recharts row: x plus one value per series key. Iteration rows also carry their bucket's range. */
export type ChartRow = { x: number; from?: number; to?: number } & Record<string, number>;

/** A named series to merge. */
export interface KeyedPoints {
  key: string;
  points: Point[];
}

/** A named line on a grid: one value (or NaN) per slot. */
export interface KeyedSlots {
  key: string;
  slots: Float32Array;
}

/** Merge several point lists into rows sorted by x (for per-epoch data, where x values are shared). */
export function mergeSeries(series: KeyedPoints[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const { key, points } of series) {
    for (const p of points) {
      let row = rows.get(p.x);
      if (!row) {
        row = { x: p.x } as ChartRow;
        rows.set(p.x, row);
      }
      row[key] = p.y;
    }
  }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}

/** Rows of lines on one grid: one row per slot that any line has a value in. */
export function gridRows(grid: Grid, lines: KeyedSlots[]): ChartRow[] {
  const rows: ChartRow[] = [];
  const n = slotCount(grid);
  for (let k = 0; k < n; k++) {
    let row: ChartRow | undefined;
    for (const { key, slots } of lines) {
      const v = slots[k];
      if (Number.isNaN(v)) continue;
      if (!row) {
        const [from, to] = slotRange(grid, k);
        row = { x: slotX(grid, k), from, to } as ChartRow;
      }
      row[key] = v;
    }
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * The grid for these series: sized by the longest of `lengths`, with as many buckets as a chart of
 * `linesPerSeries` lines per series may draw within MAX_CHART_POINTS (see bucketsForLines).
 */
export function gridFor(lengths: number[], linesPerSeries = 1): Grid {
  return chartGrid(Math.max(1, ...lengths), bucketsForLines(lengths.length * linesPerSeries));
}

const slotCache = new WeakMap<RunSeries, Map<string, Float32Array>>();

/** A smoothed copy of a run's losses, extended as the run grows. */
interface Smoothed {
  ema: IncrementalEma;
  /** The smoothed values' buckets at the current width. */
  buckets?: IncrementalMinMax;
}
const emaCache = new WeakMap<GrowableFloat32, Map<number, Smoothed>>();
/** A series' buckets at the width it is drawn at now (the old width is dropped when it changes). */
const bucketCache = new WeakMap<GrowableFloat32, IncrementalMinMax>();

/** `values` on `grid` through the bucketer `held` (a new one, kept by `hold`, when the width moved). */
function bucketsOf(
  values: ArrayLike<number>,
  grid: Grid,
  revision: number,
  held: IncrementalMinMax | undefined,
  hold: (b: IncrementalMinMax) => void,
): Float32Array {
  let buckets = held;
  if (buckets?.width !== grid.width) {
    buckets = new IncrementalMinMax(grid.width);
    hold(buckets);
  }
  return buckets.update(values, grid, revision);
}

/** A growable series on `grid`, bucketed incrementally (min and max per bucket). */
function growableSlots(values: GrowableFloat32, grid: Grid): Float32Array {
  return bucketsOf(values.view(), grid, values.revision, bucketCache.get(values), (b) =>
    bucketCache.set(values, b),
  );
}

function cached(series: RunSeries, key: string, compute: () => Float32Array): Float32Array {
  let perKey = slotCache.get(series);
  if (!perKey) {
    perKey = new Map();
    slotCache.set(series, perKey);
  }
  let hit = perKey.get(key);
  if (!hit) {
    hit = compute();
    perKey.set(key, hit);
  }
  return hit;
}

function smoothedOf(losses: GrowableFloat32, smoothing: number): Smoothed {
  let perAlpha = emaCache.get(losses);
  if (!perAlpha) {
    perAlpha = new Map();
    emaCache.set(losses, perAlpha);
  }
  let smoothed = perAlpha.get(smoothing);
  if (!smoothed) {
    smoothed = { ema: new IncrementalEma(smoothing) };
    perAlpha.set(smoothing, smoothed);
  }
  return smoothed;
}

/** The EMA of a run's losses, extended over new iterations only (one smoother per series and α). */
export function smoothedLosses(losses: GrowableFloat32, smoothing: number): Float32Array {
  return smoothedOf(losses, smoothing).ema.update(losses.view());
}

/**
 * Raw and EMA-smoothed loss of one run on `grid`, as slot arrays. Both are bucketed incrementally,
 * so a redraw costs the iterations that arrived since the last one, not the run's whole history.
 */
export function lossSlots(series: RunSeries, smoothing: number, grid: Grid) {
  const id = `${grid.width}:${grid.buckets}`;
  const { losses } = series;
  return {
    raw: cached(series, `raw:${id}`, () => growableSlots(losses, grid)),
    smooth: cached(series, `smooth:${smoothing}:${id}`, () => {
      const smoothed = smoothedOf(losses, smoothing);
      const values = smoothed.ema.update(losses.view());
      return bucketsOf(values, grid, losses.revision, smoothed.buckets, (b) => (smoothed.buckets = b));
    }),
  };
}

/**
 * `slots` with the inner slots of every run of equal values set to NaN: the line through the
 * remaining ones (connectNulls) is the same, drawn from a handful of points instead of hundreds.
 */
export function keepBends(slots: Float32Array): Float32Array {
  const out = slots.slice();
  let before = NaN; // the previous value, and the index of the current one
  let at = -1;
  for (let k = 0; k < slots.length; k++) {
    const v = slots[k];
    if (Number.isNaN(v)) continue;
    if (at >= 0 && before === slots[at] && slots[at] === v) out[at] = NaN;
    if (at >= 0) before = slots[at];
    at = k;
  }
  return out;
}

/**
 * Learning rate of one run on `grid`, as a slot array. It is flat most of the time (a constant
 * rate, a step schedule), so only the slots where it changes are kept.
 */
export function learningRateSlots(series: RunSeries, grid: Grid): Float32Array {
  return cached(series, `lr:${grid.width}:${grid.buckets}`, () =>
    keepBends(growableSlots(series.learningRates, grid)),
  );
}

/**
 * Every how many evaluations a chart draws a point, so no line exceeds MAX_DRAWN_POINTS and the
 * chart's `lines` lines together stay within MAX_CHART_POINTS: 1 up to that many evaluations, then
 * a nice stride (2, 5, 10, ...) shared by every run so their points fall on the same rows.
 * `longest` is the most evaluations of any run.
 */
export function evaluationStride(longest: number, lines = 1): number {
  const share = Math.floor(MAX_CHART_POINTS / Math.max(1, lines));
  const most = Math.min(MAX_DRAWN_POINTS, Math.max(2 * MIN_BUCKETS, share));
  return longest <= most ? 1 : niceCeil(longest / most);
}

/**
 * Where an evaluation sits in epochs (passes over the training images): its iteration divided by
 * the run's iterations per epoch, to 2 decimals - the same count the progress line gives. The
 * book's run evaluates once an epoch, so there it is 1, 2, 3, ...; a run evaluated every 100
 * iterations of 600 a pass gets 0.17, 0.33, ... Without iterationsPerEpoch: the evaluation's number.
 */
export function epochOf(e: EpochMetrics, iterationsPerEpoch: number): number {
  return iterationsPerEpoch > 0 ? Math.round((e.iteration / iterationsPerEpoch) * 100) / 100 : e.epoch;
}

/**
 * Train, test and (when a validation split is held out) validation accuracy per evaluation, at
 * x = epochOf, drawing every `stride`-th evaluation and always the latest. Drawn points are real
 * evaluations.
 */
export function accuracyPoints(
  series: RunSeries,
  stride = 1,
  iterationsPerEpoch = 0,
): { train: Point[]; test: Point[]; validation: Point[] } {
  const last = series.epochs.length - 1;
  const drawn =
    stride === 1 ? series.epochs : series.epochs.filter((e, i) => e.epoch % stride === 0 || i === last);
  const x = (e: EpochMetrics) => epochOf(e, iterationsPerEpoch);
  return {
    train: drawn.map((e) => ({ x: x(e), y: e.trainAccuracy })),
    test: drawn.map((e) => ({ x: x(e), y: e.testAccuracy })),
    validation: drawn.flatMap((e) =>
      e.validationAccuracy === undefined ? [] : [{ x: x(e), y: e.validationAccuracy }],
    ),
  };
}

/** A number for a tooltip or summary: 4 significant digits, no float noise. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/** An accuracy as a percentage with two decimals. */
export function formatPercent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/** A tooltip label for an iteration row: "Iteration 12", or the bucket's range "Iteration 1201–1400". */
export function iterationLabel(word: string, row: Partial<ChartRow> | undefined, x: unknown): string {
  if (row?.from !== undefined && row.to !== undefined && row.to > row.from) {
    return `${word} ${row.from.toLocaleString()}–${row.to.toLocaleString()}`;
  }
  return `${word} ${typeof x === 'number' ? x.toLocaleString() : String(x)}`;
}
