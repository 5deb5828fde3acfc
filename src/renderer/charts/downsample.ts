/**
 * Downsampling for drawing: the store keeps every point, the chart draws at most `maxPoints` per
 * series. Min/max bucketing keeps each bucket's lowest and highest point (real points, in order),
 * so spikes - a diverging loss, a bad batch - survive, which plain striding would hide.
 */

/** One drawn point: x is the iteration (or epoch), y the value. */
export interface Point {
  x: number;
  y: number;
}

/** Default bound on drawn points per series. */
export const MAX_DRAWN_POINTS = 1000;

/**
 * Reduce `values` (value i at x = xStart + i) to at most `maxPoints` points by min/max buckets.
 * NaN entries (gaps) are skipped. Short series are returned whole.
 */
export function downsampleMinMax(
  values: ArrayLike<number>,
  maxPoints = MAX_DRAWN_POINTS,
  xStart = 1,
): Point[] {
  const n = values.length;
  const out: Point[] = [];
  if (n <= maxPoints) {
    for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) out.push({ x: xStart + i, y: values[i] });
    return out;
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let minIndex = -1;
    let maxIndex = -1;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (minIndex < 0 || v < values[minIndex]) minIndex = i;
      if (maxIndex < 0 || v > values[maxIndex]) maxIndex = i;
    }
    if (minIndex < 0) continue;
    const first = Math.min(minIndex, maxIndex);
    const second = Math.max(minIndex, maxIndex);
    out.push({ x: xStart + first, y: values[first] });
    if (second !== first) out.push({ x: xStart + second, y: values[second] });
  }
  return out;
}
