/**
 * Exponential moving average for noisy mini-batch losses:
 * s_i = α·s_(i-1) + (1-α)·x_i, starting from the first value. α = 0 draws the raw curve; α near 1
 * follows the trend. NaN entries are carried over as NaN and do not disturb the average.
 */

/** The EMA of `values` with factor `alpha` (0..0.99). */
export function emaSmooth(values: ArrayLike<number>, alpha: number): Float32Array {
  const out = new Float32Array(values.length);
  let s = NaN;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) {
      out[i] = NaN;
      continue;
    }
    s = Number.isNaN(s) ? x : alpha * s + (1 - alpha) * x;
    out[i] = s;
  }
  return out;
}
