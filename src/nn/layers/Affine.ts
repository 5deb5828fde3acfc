/**
 * Affine: y = x · W + b (book §5.6.2). The first Affine of a network can also take a sparse (CSR)
 * batch of pixels: its product and its weight gradient then skip the ~81 % zero pixels of MNIST,
 * and it computes no dx (nothing below it needs one).
 */
import type { Alloc, CsrBatch, Floats, Kernels, Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import type { Layer } from './layer';

/** The fully connected layer. W (D, M) and b (M) are views into the network's flat parameters. */
export class Affine implements Layer {
  /** Last input: a dense (N, D) matrix or a sparse batch. */
  private x: Matrix | CsrBatch | null = null;
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  constructor(
    readonly name: string,
    /** (D, M) */
    readonly W: Floats,
    /** (M) */
    readonly b: Floats,
    /** (D, M) gradient, filled by backward. */
    readonly dW: Floats,
    /** (M) gradient, filled by backward. */
    readonly db: Floats,
    readonly inputSize: number,
    readonly outputSize: number,
    private readonly kernels: Kernels,
    private readonly alloc: Alloc,
    /** False for a network's first layer: nothing below it needs dx, so skip that product. */
    readonly computeDx = true,
  ) {}

  /** x (N, D) · W (D, M) + b -> (N, M); x may be a CsrBatch. */
  forward(x: Matrix | CsrBatch, _train = false): Matrix {
    const D = this.inputSize;
    const M = this.outputSize;
    this.x = x;
    if ('rowPtr' in x) {
      this.out = ensureMatrix(this.out, x.n, M, this.alloc);
      this.kernels.spmm(this.out.data, x, this.W, this.b, D, M);
    } else {
      if (x.cols !== D) throw new Error(`${this.name}: input has ${x.cols} columns, expected ${D}`);
      this.out = ensureMatrix(this.out, x.rows, M, this.alloc);
      this.kernels.gemm(this.out.data, x.data, this.W, this.b, x.rows, D, M);
    }
    return this.out;
  }

  /**
   * dW (D, M) = xᵀ · dout, db (M) = Σ_rows dout, dx (N, D) = dout · Wᵀ.
   * For a sparse input (or computeDx false) dx is not computed (the returned matrix has 0 columns).
   */
  backward(dout: Matrix): Matrix {
    const x = this.x;
    if (x === null) throw new Error(`${this.name}: backward before forward`);
    const D = this.inputSize;
    const M = this.outputSize;
    const n = dout.rows;
    this.kernels.colSum(this.db, dout.data, n, M);
    if ('rowPtr' in x) {
      this.kernels.spmmAT(this.dW, x, dout.data, D, M);
      this.dx = ensureMatrix(this.dx, n, 0, this.alloc);
      return this.dx;
    }
    this.kernels.gemmAT(this.dW, x.data, dout.data, n, D, M);
    if (!this.computeDx) {
      this.dx = ensureMatrix(this.dx, n, 0, this.alloc);
      return this.dx;
    }
    this.dx = ensureMatrix(this.dx, n, D, this.alloc);
    this.kernels.gemmBT(this.dx.data, dout.data, this.W, n, D, M);
    return this.dx;
  }
}
