/**
 * Affine: y = x · W + b (book §5.6.2, common/layers.py Affine).
 *   forward:  out (N, M) = x (N, D) · W (D, M) + b (M)
 *   backward: dx (N, D) = dout · Wᵀ,  dW (D, M) = xᵀ · dout,  db (M) = Σ_rows dout
 * A network's first layer on sparse pixel batches is SparseAffine (SparseAffine.ts).
 */
import type { Backend } from '../backend';
import type { Floats, Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import type { Layer } from './layer';

/** An Affine layer's parameters and their gradients: views into the network's flat buffers. */
export interface AffineParams {
  /** (D, M) */
  W: Matrix;
  /** (M) */
  b: Floats;
  /** (D, M), filled by backward. */
  dW: Floats;
  /** (M), filled by backward. */
  db: Floats;
}

/** The fully connected layer; its sizes D and M are those of W. */
export class Affine implements Layer {
  readonly W: Matrix;
  readonly b: Floats;
  readonly dW: Floats;
  readonly db: Floats;
  /** False for a network's first layer: nothing below it needs dx, so backward skips that product. */
  readonly computeDx: boolean;
  private x: Matrix | null = null;
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  constructor(
    readonly name: string,
    params: AffineParams,
    private readonly backend: Backend,
    options: { computeDx?: boolean } = {},
  ) {
    this.W = params.W;
    this.b = params.b;
    this.dW = params.dW;
    this.db = params.db;
    this.computeDx = options.computeDx ?? true;
  }

  /** out (N, M) = x (N, D) · W (D, M) + b. */
  forward(x: Matrix, _train = false): Matrix {
    const { rows: D, cols: M } = this.W;
    if (x.cols !== D) throw new Error(`${this.name}: input has ${x.cols} columns, expected ${D}`);
    this.x = x;
    const out = (this.out = ensureMatrix(this.out, x.rows, M, this.backend.alloc));
    this.backend.kernels.gemm(out.data, x.data, this.W.data, this.b, x.rows, D, M);
    return out;
  }

  /** dW = xᵀ · dout, db = Σ_rows dout, dx = dout · Wᵀ (N, D); dx has 0 columns when computeDx is false. */
  backward(dout: Matrix): Matrix {
    const x = this.x;
    if (x === null) throw new Error(`${this.name}: backward before forward`);
    const { rows: D, cols: M } = this.W;
    const N = dout.rows;
    const { kernels, alloc } = this.backend;
    kernels.gemmAT(this.dW, x.data, dout.data, N, D, M);
    kernels.colSum(this.db, dout.data, N, M);
    const dx = (this.dx = ensureMatrix(this.dx, N, this.computeDx ? D : 0, alloc));
    if (this.computeDx) kernels.gemmBT(dx.data, dout.data, this.W.data, N, D, M);
    return dx;
  }
}
