/**
 * Downsampling for drawing on a grid that every run shares. The store keeps every point; a chart
 * draws at most two points per bucket and line. Bucket b covers iterations
 * [1 + b·width, (b+1)·width], and the width comes from the longest visible run, so a short run and
 * a long one fall into the same buckets: merging their lines gives one row per slot, not one row
 * per run and point (recharts' cost grows with rows × lines).
 *
 * Each bucket keeps its lowest and its highest value in the order they occurred (min/max
 * bucketing), so spikes - a diverging loss, a bad batch - survive, which plain striding would hide.
 */

/** One drawn point: x is the iteration (or epoch), y the value. */
export interface Point {
  x: number;
  y: number;
}

/** Most buckets across a chart: two slots each, so at most 2 × MAX_BUCKETS drawn points a line. */
export const MAX_BUCKETS = 150;

/** Bound on drawn points per line. */
export const MAX_DRAWN_POINTS = 2 * MAX_BUCKETS;

/**
 * Bound on the points one chart hands recharts per redraw, over all its lines (rows x lines: each
 * line walks every row). A redraw's cost grows with it - recharts builds several objects per row
 * and line - so the more runs a chart shows, the fewer buckets each gets, and a redraw with four
 * runs costs what one with a single run does. A run's loss chart (raw + smoothed) keeps MAX_BUCKETS.
 */
export const MAX_CHART_POINTS = 2 * MAX_DRAWN_POINTS;

/** Fewest buckets a line gets however many lines share its chart (past that the bound gives way). */
export const MIN_BUCKETS = 20;

/** Buckets per line for a chart of `lines` lines: at most MAX_BUCKETS, within MAX_CHART_POINTS. */
export function bucketsForLines(lines: number): number {
  const share = Math.floor(MAX_CHART_POINTS / (2 * Math.max(1, lines)));
  return Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, share));
}

/** A shared bucketing of iterations 1..buckets·width into `slots` drawn positions. */
export interface Grid {
  /** Iterations per bucket: 1, 2 or 5 × 10^k, so the grid stays put while runs grow. */
  width: number;
  buckets: number;
  /** Drawn positions per bucket: 1 when width is 1 (every point), else 2 (min and max). */
  slotsPerBucket: 1 | 2;
}

/** The smallest "nice" width (1, 2, 5, 10, 20, 50, ...) that is at least `x`. */
export function niceCeil(x: number): number {
  if (x <= 1) return 1;
  let decade = 1;
  while (decade * 10 < x) decade *= 10;
  for (const step of [1, 2, 5, 10]) if (step * decade >= x) return step * decade;
  return 10 * decade;
}

/** The grid for runs whose longest has `longest` points, with at most `maxBuckets` buckets. */
export function chartGrid(longest: number, maxBuckets = MAX_BUCKETS): Grid {
  const width = niceCeil(longest / maxBuckets);
  return { width, buckets: Math.ceil(longest / width), slotsPerBucket: width === 1 ? 1 : 2 };
}

/** Number of drawn positions of a grid. */
export function slotCount(grid: Grid): number {
  return grid.buckets * grid.slotsPerBucket;
}

/** The x (iteration) where slot `slot` is drawn: a bucket's start, and its middle for the second. */
export function slotX(grid: Grid, slot: number): number {
  const bucket = Math.floor(slot / grid.slotsPerBucket);
  const start = 1 + bucket * grid.width;
  return slot % grid.slotsPerBucket === 0 ? start : start + Math.floor(grid.width / 2);
}

/** The iterations [from, to] that the bucket holding `slot` covers. */
export function slotRange(grid: Grid, slot: number): [number, number] {
  const bucket = Math.floor(slot / grid.slotsPerBucket);
  return [1 + bucket * grid.width, (bucket + 1) * grid.width];
}

/**
 * `values` (value i at iteration i+1) on `grid`: per bucket its min and max, earlier one first;
 * NaN where a bucket has no (second) value. Values are real points of the series.
 */
export function bucketMinMax(values: ArrayLike<number>, grid: Grid): Float32Array {
  const out = new Float32Array(slotCount(grid)).fill(NaN);
  const n = Math.min(values.length, grid.buckets * grid.width);
  if (grid.slotsPerBucket === 1) {
    for (let i = 0; i < n; i++) out[i] = values[i];
    return out;
  }
  for (let b = 0; b * grid.width < n; b++) minMaxOfBucket(values, b, grid.width, n, out);
  return out;
}

/**
 * `bucketMinMax` of a series that only grows at its end, kept up to date in O(new values): full
 * buckets are scanned once, and each update rescans only the last, still filling one. One instance
 * serves one series at one bucket width; when the series was rewritten (its `revision` moved, or it
 * got shorter) it starts over.
 */
export class IncrementalMinMax {
  /** Two slots per bucket, as bucketMinMax lays them out (NaN where a bucket has no second value). */
  private slots = new Float32Array(0);
  /** Buckets that were full at the last update: their slots are final. */
  private fullBuckets = 0;
  private seen = 0;
  private revision = 0;

  constructor(readonly width: number) {}

  /** Equal to bucketMinMax(values, grid); `grid.width` must be this instance's width. */
  update(values: ArrayLike<number>, grid: Grid, revision = 0): Float32Array {
    if (grid.width !== this.width) throw new Error(`grid width ${grid.width} is not ${this.width}`);
    const n = Math.min(values.length, grid.buckets * grid.width);
    if (n < this.seen || revision !== this.revision) {
      this.fullBuckets = 0;
      this.revision = revision;
    }
    this.seen = n;
    const out = new Float32Array(slotCount(grid)).fill(NaN);
    if (grid.slotsPerBucket === 1) {
      for (let i = 0; i < n; i++) out[i] = values[i];
      return out;
    }
    const buckets = Math.ceil(n / this.width);
    if (this.slots.length < 2 * buckets) {
      const grown = new Float32Array(Math.max(2 * buckets, 2 * this.slots.length)).fill(NaN);
      grown.set(this.slots.subarray(0, 2 * this.fullBuckets));
      this.slots = grown;
    }
    for (let b = this.fullBuckets; b < buckets; b++) minMaxOfBucket(values, b, this.width, n, this.slots);
    this.fullBuckets = Math.floor(n / this.width);
    out.set(this.slots.subarray(0, Math.min(out.length, 2 * buckets)));
    return out;
  }
}

/** Bucket `b` of `values` (first `n`) into slots 2b and 2b+1: min and max, earlier one first. */
function minMaxOfBucket(values: ArrayLike<number>, b: number, width: number, n: number, slots: Float32Array) {
  const from = b * width;
  const to = Math.min(n, from + width);
  let minIndex = -1;
  let maxIndex = -1;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (minIndex < 0 || v < values[minIndex]) minIndex = i;
    if (maxIndex < 0 || v > values[maxIndex]) maxIndex = i;
  }
  slots[2 * b] = minIndex < 0 ? NaN : values[Math.min(minIndex, maxIndex)];
  slots[2 * b + 1] = minIndex < 0 || minIndex === maxIndex ? NaN : values[Math.max(minIndex, maxIndex)];
}

/** The drawn points of one line on `grid` (NaN slots left out), e.g. for tests and summaries. */
export function slotPoints(slots: Float32Array, grid: Grid): Point[] {
  const points: Point[] = [];
  for (let k = 0; k < slots.length; k++)
    if (!Number.isNaN(slots[k])) points.push({ x: slotX(grid, k), y: slots[k] });
  return points;
}
