/** A run's recorded metrics: every iteration's loss and learning rate, and every evaluation point. */
import type { EpochMetrics, IterationBatch, RunMetrics } from '../../shared/runs';

/** A Float32Array that doubles its capacity as values are appended. */
export class GrowableFloats {
  private data: Float32Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float32Array(initialCapacity);
  }

  /** Writes `values` starting at `index` (0-based), growing as needed; gaps stay NaN-free zeros. */
  setAt(index: number, values: Float32Array): void {
    const end = index + values.length;
    if (end > this.data.length) {
      let capacity = this.data.length;
      while (capacity < end) capacity *= 2;
      const grown = new Float32Array(capacity);
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(values, index);
    this.length = Math.max(this.length, end);
  }

  /** A copy of values [from, to). */
  slice(from: number, to: number): Float32Array {
    return this.data.slice(from, Math.min(to, this.length));
  }

  /** A copy of the values so far. */
  toArray(): Float32Array {
    return this.data.slice(0, this.length);
  }
}

/** Records what a run's worker reports, so a client that connects later can draw the whole curve. */
export class MetricsRecorder {
  readonly losses = new GrowableFloats();
  readonly learningRates = new GrowableFloats();
  readonly epochs: EpochMetrics[] = [];

  /** Adds one batch of iterations (batch.start is 1-based). */
  addIterations(batch: IterationBatch): void {
    this.losses.setAt(batch.start - 1, batch.losses);
    this.learningRates.setAt(batch.start - 1, batch.learningRates);
  }

  addEpoch(metrics: EpochMetrics): void {
    this.epochs.push(metrics);
  }

  /** A copy of everything recorded. */
  snapshot(): RunMetrics {
    return {
      losses: this.losses.toArray(),
      learningRates: this.learningRates.toArray(),
      epochs: [...this.epochs],
    };
  }
}
