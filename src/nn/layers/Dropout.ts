/**
 * Dropout (book §6.4.3): during training each unit is kept with probability 1 - ratio.
 *
 * Scaling: we use *inverted* dropout. Kept units are multiplied by 1 / (1 - ratio) during
 * training and inference passes x through unchanged. The book instead multiplies by (1 - ratio)
 * at inference (`x * (1.0 - self.dropout_ratio)`). Both give the same expected activations; ours
 * means the trained weights work unchanged in any plain MLP (exported to NumPy, ONNX, ...).
 */
import type { Backend } from '../backend';
import type { Rng } from '../rng';
import type { Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import type { Layer } from './layer';

/**
 * How kept units are scaled: 'inverted' (ours: 1 / (1 - ratio) in training, nothing at inference)
 * or 'book' (the book's Dropout, used by its DeepConvNet: nothing in training, (1 - ratio) at
 * inference), so a network imported from the book predicts exactly as the book's code does.
 */
export type DropoutScaling = 'inverted' | 'book';

/** Dropout with a mask drawn from the run's seeded Rng. */
export class Dropout implements Layer {
  /** When true, training forwards reuse the last mask, so gradientCheck differentiates one function. */
  frozen = false;
  /** 1 = kept, 0 = dropped, for each entry of the last training forward (N·M). */
  private mask: Uint8Array = new Uint8Array(0);
  private out: Matrix | null = null;
  private dx: Matrix | null = null;
  /** Whether the last forward was a training one (backward then follows the mask). */
  private lastTrain = false;

  constructor(
    readonly name: string,
    readonly ratio: number,
    private readonly rng: Rng,
    private readonly backend: Backend,
    readonly scaling: DropoutScaling = 'inverted',
  ) {}

  /** train: out (N, M) = x · mask / (1 - ratio); inference: out = x. */
  forward(x: Matrix, train: boolean): Matrix {
    const len = x.rows * x.cols;
    const out = (this.out = ensureMatrix(this.out, x.rows, x.cols, this.backend.alloc));
    const xd = x.data;
    const y = out.data;
    this.lastTrain = train;
    if (!train) {
      const keep = this.scaling === 'book' ? 1 - this.ratio : 1;
      for (let i = 0; i < len; i++) y[i] = xd[i] * keep;
      return out;
    }
    if (this.mask.length < len) {
      if (this.frozen) throw new Error(`${this.name}: frozen mask is smaller than the batch`);
      this.mask = new Uint8Array(len);
    }
    const mask = this.mask;
    if (!this.frozen) {
      // The book: mask = np.random.rand(*x.shape) > self.dropout_ratio
      for (let i = 0; i < len; i++) mask[i] = this.rng.next() > this.ratio ? 1 : 0;
    }
    const scale = this.scaling === 'book' ? 1 : 1 / (1 - this.ratio);
    for (let i = 0; i < len; i++) y[i] = mask[i] === 1 ? xd[i] * scale : 0;
    return out;
  }

  /** dx (N, M) = dout · mask / (1 - ratio); after an inference forward, dout times its inference scale. */
  backward(dout: Matrix): Matrix {
    const len = dout.rows * dout.cols;
    const dx = (this.dx = ensureMatrix(this.dx, dout.rows, dout.cols, this.backend.alloc));
    if (!this.lastTrain) {
      const keep = this.scaling === 'book' ? 1 - this.ratio : 1;
      for (let i = 0; i < len; i++) dx.data[i] = dout.data[i] * keep;
      return dx;
    }
    const scale = this.scaling === 'book' ? 1 : 1 / (1 - this.ratio);
    const mask = this.mask;
    const d = dout.data;
    for (let i = 0; i < len; i++) dx.data[i] = mask[i] === 1 ? d[i] * scale : 0;
    return dx;
  }
}
