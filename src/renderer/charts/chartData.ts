/**
 * Turning the store's series into recharts rows. Several runs share one x axis, so their points
 * are merged into rows keyed by x (`{ x, "<runId>:raw": 2.1, "<otherId>:raw": 1.7 }`); a run with no
 * point at some x simply lacks that key and its line bridges the gap (connectNulls).
 * Results are memoized per series object: the store replaces a run's series on every write, so an
 * unchanged run costs nothing on a redraw.
 */
import type { RunSeries } from '../store/metricsSlice';
import { downsampleMinMax, MAX_DRAWN_POINTS, type Point } from './downsample';
import { emaSmooth } from './smoothing';

/** A recharts row: x plus one value per series key. */
export type ChartRow = { x: number } & Record<string, number>;

/** A named series to merge. */
export interface KeyedPoints {
  key: string;
  points: Point[];
}

/** Merge several point lists into rows sorted by x. */
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

const lossCache = new WeakMap<RunSeries, Map<string, { raw: Point[]; smooth: Point[] }>>();
const lrCache = new WeakMap<RunSeries, Point[]>();

/** Raw and EMA-smoothed loss of one run, each at most `maxPoints` points. */
export function lossPoints(series: RunSeries, smoothing: number, maxPoints = MAX_DRAWN_POINTS) {
  let perSmoothing = lossCache.get(series);
  if (!perSmoothing) {
    perSmoothing = new Map();
    lossCache.set(series, perSmoothing);
  }
  const cacheKey = `${smoothing}:${maxPoints}`;
  let hit = perSmoothing.get(cacheKey);
  if (!hit) {
    const losses = series.losses.view();
    hit = {
      raw: downsampleMinMax(losses, maxPoints),
      smooth: downsampleMinMax(emaSmooth(losses, smoothing), maxPoints),
    };
    perSmoothing.set(cacheKey, hit);
  }
  return hit;
}

/** Learning rate of one run per iteration, at most `maxPoints` points. */
export function learningRatePoints(series: RunSeries, maxPoints = MAX_DRAWN_POINTS): Point[] {
  let hit = lrCache.get(series);
  if (!hit) {
    hit = downsampleMinMax(series.learningRates.view(), maxPoints);
    lrCache.set(series, hit);
  }
  return hit;
}

/** Train, test and (when a validation split is held out) validation accuracy per evaluation. */
export function accuracyPoints(series: RunSeries): { train: Point[]; test: Point[]; validation: Point[] } {
  return {
    train: series.epochs.map((e) => ({ x: e.epoch, y: e.trainAccuracy })),
    test: series.epochs.map((e) => ({ x: e.epoch, y: e.testAccuracy })),
    validation: series.epochs.flatMap((e) =>
      e.validationAccuracy === undefined ? [] : [{ x: e.epoch, y: e.validationAccuracy }],
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
