/**
 * A Float32Array that grows by doubling, so appending tens of thousands of iteration losses costs
 * amortised O(1) and never copies the whole history per batch.
 */
export class GrowableFloat32 {
  private buffer: Float32Array;
  /** Number of valid entries (the rest of the buffer is spare capacity). */
  length = 0;
  /** Counts writes over existing entries (appends keep it), so incremental readers know to start over. */
  revision = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Float32Array(Math.max(16, initialCapacity));
  }

  /** Write `values` starting at index `offset` (0-based); gaps before it are filled with NaN. */
  writeAt(offset: number, values: ArrayLike<number>): void {
    const end = offset + values.length;
    this.ensureCapacity(end);
    if (offset < this.length && values.length > 0) this.revision++;
    if (offset > this.length) this.buffer.fill(NaN, this.length, offset);
    this.buffer.set(values, offset);
    if (end > this.length) this.length = end;
  }

  /** Append values at the end. */
  append(values: ArrayLike<number>): void {
    this.writeAt(this.length, values);
  }

  /** A view of the valid entries (no copy; valid until the next write that grows the buffer). */
  view(): Float32Array {
    return this.buffer.subarray(0, this.length);
  }

  /** The entry at index i, or NaN past the end. */
  at(i: number): number {
    return i >= 0 && i < this.length ? this.buffer[i] : NaN;
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length;
    while (capacity < needed) capacity *= 2;
    const next = new Float32Array(capacity);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

/** A growable array filled from a plain Float32Array. */
export function growableFrom(values: Float32Array): GrowableFloat32 {
  const g = new GrowableFloat32(values.length * 2);
  g.append(values);
  return g;
}
