/**
 * Exponential moving average for noisy mini-batch losses:
 * s_i = α·s_(i-1) + (1-α)·x_i, starting from the first value. α = 0 draws the raw curve; α near 1
 * follows the trend. NaN entries are carried over as NaN and do not disturb the average.
 */

/**
 * The EMA of a series that only grows: each call smooths just the values appended since the last
 * one (s continues from the last value), so a redraw costs O(new points), not O(all points).
 * If the series got shorter (it was replaced), it starts over.
 */
export class IncrementalEma {
  private out = new Float32Array(1024);
  private done = 0;
  private s = NaN;

  constructor(readonly alpha: number) {}

  /** The EMA of `values`, valid until the next call (a view into a growing buffer). */
  update(values: ArrayLike<number>): Float32Array {
    if (values.length < this.done) {
      this.done = 0;
      this.s = NaN;
    }
    if (values.length > this.out.length) {
      let capacity = this.out.length;
      while (capacity < values.length) capacity *= 2;
      const grown = new Float32Array(capacity);
      grown.set(this.out.subarray(0, this.done));
      this.out = grown;
    }
    const { alpha, out } = this;
    let s = this.s;
    for (let i = this.done; i < values.length; i++) {
      const x = values[i];
      if (Number.isNaN(x)) {
        out[i] = NaN;
        continue;
      }
      s = Number.isNaN(s) ? x : alpha * s + (1 - alpha) * x;
      out[i] = s;
    }
    this.s = s;
    this.done = values.length;
    return out.subarray(0, values.length);
  }
}

/** The EMA of `values` with factor `alpha` (0..0.99), as a new array. */
export function emaSmooth(values: ArrayLike<number>, alpha: number): Float32Array {
  return new IncrementalEma(alpha).update(values).slice();
}
