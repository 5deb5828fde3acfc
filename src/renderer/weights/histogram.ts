/** Histogram of a weight tensor: how the values spread, the way the book's ch06 plots them. */

export interface Histogram {
  min: number;
  max: number;
  /** Width of one bin. */
  binWidth: number;
  /** (bins) how many values fall in each bin; the last bin includes `max`. */
  counts: Uint32Array;
}

/**
 * Count `data` into `bins` equal bins over [min, max]. A constant tensor (min === max, e.g. zero
 * biases at the start) puts everything in one bin of width 1 centred on the value.
 */
export function histogram(data: ArrayLike<number>, bins = 40): Histogram {
  const counts = new Uint32Array(bins);
  if (data.length === 0) return { min: 0, max: 0, binWidth: 0, counts };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const binWidth = (max - min) / bins;
  for (let i = 0; i < data.length; i++) {
    const k = Math.floor((data[i] - min) / binWidth);
    counts[Math.min(bins - 1, Math.max(0, k))]++;
  }
  return { min, max, binWidth, counts };
}
