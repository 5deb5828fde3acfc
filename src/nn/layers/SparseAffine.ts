/**
 * The first Affine of a network when its input is a sparse (CSR) batch of pixels: the same
 * y = X · W + b as Affine, but the product and the weight gradient visit only the non-zero pixels
 * (about 19 % of an MNIST image). It computes no dx: nothing below the first layer needs one.
 *   forward:  out (N, M) = X (N, D) · W (D, M) + b (M),  X sparse
 *   backward: dW (D, M) = Xᵀ · dout,  db (M) = Σ_rows dout
 */
import type { Backend } from '../backend';
import type { PixelRows } from '../kernels';
import type { CsrBatch, Floats, Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import type { AffineParams } from './Affine';

/** Affine on a sparse batch, sharing W, b, dW, db with the network's dense first Affine. */
export class SparseAffine {
  readonly W: Matrix;
  readonly b: Floats;
  readonly dW: Floats;
  readonly db: Floats;
  private x: CsrBatch | null = null;
  private out: Matrix | null = null;

  constructor(
    readonly name: string,
    params: AffineParams,
    private readonly backend: Backend,
  ) {
    this.W = params.W;
    this.b = params.b;
    this.dW = params.dW;
    this.db = params.db;
  }

  /** out (N, M) = X (N, D) · W (D, M) + b, X with N = x.n rows. */
  forward(x: CsrBatch): Matrix {
    const { rows: D, cols: M } = this.W;
    this.x = x;
    const out = (this.out = ensureMatrix(this.out, x.n, M, this.backend.alloc));
    this.backend.kernels.spmm(out.data, x, this.W.data, this.b, D, M);
    return out;
  }

  /**
   * The same out for pixel rows straight from a split's index (evaluation: no batch gathered).
   * Inference only: there is no CSR batch to take dW from, so backward must follow a `forward`.
   */
  forwardPixels(x: PixelRows): Matrix {
    const { rows: D, cols: M } = this.W;
    this.x = null;
    const out = (this.out = ensureMatrix(this.out, x.n, M, this.backend.alloc));
    this.backend.kernels.spmmPixels(out.data, x, this.W.data, this.b, D, M);
    return out;
  }

  /** dW = Xᵀ · dout (skipping zero pixels), db = Σ_rows dout. */
  backward(dout: Matrix): void {
    const x = this.x;
    if (x === null) throw new Error(`${this.name}: backward before forward`);
    const { rows: D, cols: M } = this.W;
    this.backend.kernels.spmmAT(this.dW, x, dout.data, D, M);
    this.backend.kernels.colSum(this.db, dout.data, dout.rows, M);
  }
}
