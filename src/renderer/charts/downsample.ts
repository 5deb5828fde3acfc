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
  for (let b = 0; b * grid.width < n; b++) {
    const from = b * grid.width;
    const to = Math.min(n, from + grid.width);
    let minIndex = -1;
    let maxIndex = -1;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (minIndex < 0 || v < values[minIndex]) minIndex = i;
      if (maxIndex < 0 || v > values[maxIndex]) maxIndex = i;
    }
    if (minIndex < 0) continue;
    out[2 * b] = values[Math.min(minIndex, maxIndex)];
    if (minIndex !== maxIndex) out[2 * b + 1] = values[Math.max(minIndex, maxIndex)];
  }
  return out;
}

/** The drawn points of one line on `grid` (NaN slots left out), e.g. for tests and summaries. */
export function slotPoints(slots: Float32Array, grid: Grid): Point[] {
  const points: Point[] = [];
  for (let k = 0; k < slots.length; k++)
    if (!Number.isNaN(slots[k])) points.push({ x: slotX(grid, k), y: slots[k] });
  return points;
}
