/**
 * Convolution (book §7.4.3, common/layers.py Convolution) through im2col:
 *   forward:  col (N·OH·OW, C·FH·FW) = im2col(x)
 *             out (N·OH·OW, FN) = col · col_W + b, col_W = W.reshape(FN, -1).T
 *             out → (N, FN, OH, OW)
 *   backward: dout (N, FN, OH·OW), read in place as the book's (N·OH·OW, FN) rows
 *             db = Σ_rows dout, dW (FN, C·FH·FW) = doutᵀ · col (the book's (col.T · dout).T)
 *             dcol = dout · col_Wᵀ, dx = col2im(dcol)
 * W (FN, C, FH, FW) is kept flat; as a matrix it is (FN, C·FH·FW), the book's `W.reshape(FN, -1)`.
 * A batch travels between layers as a Matrix (N, C·H·W): each image's channels, rows and columns
 * flattened in that order (NCHW), as NumPy lays out the book's 4-D arrays.
 */
import type { Backend } from '../backend';
import type { ConvGeometry } from '../kernels';
import type { Floats, Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import type { Layer } from './layer';

/** The input a convolution or pooling layer takes: one image of C channels of H×W. */
export interface ImageShape {
  C: number;
  H: number;
  W: number;
}

/** A convolution's filters and their gradients: views into the network's flat buffers. */
export interface ConvolutionParams {
  /** (FN, C, FH, FW) flat */
  W: Floats;
  /** (FN) */
  b: Floats;
  /** (FN, C, FH, FW), filled by backward. */
  dW: Floats;
  /** (FN), filled by backward. */
  db: Floats;
}

/** Filter count and size, stride and padding (the book's conv_param). */
export interface ConvolutionOptions {
  FN: number;
  FH: number;
  FW: number;
  stride: number;
  pad: number;
}

/** Output side length of a window of size f moved by stride over n + 2·pad: (n + 2·pad - f) / stride + 1. */
export function outputSize(n: number, f: number, stride: number, pad: number): number {
  return Math.floor((n + 2 * pad - f) / stride) + 1;
}

/** The convolution layer of book §7.4.3. */
export class Convolution implements Layer {
  readonly W: Floats;
  readonly b: Floats;
  readonly dW: Floats;
  readonly db: Floats;
  /** W as the matrix (FN, C·FH·FW) (the book's `W.reshape(FN, -1)`), for weight decay and norms. */
  readonly Wmatrix: Matrix;
  readonly input: ImageShape;
  readonly output: ImageShape;
  /** False for a network's first layer: nothing below it needs dx, so backward skips dcol and col2im. */
  readonly computeDx: boolean;
  private readonly geom: ConvGeometry;
  private col: Matrix | null = null;
  private rows: Matrix | null = null;
  private out: Matrix | null = null;
  private dcol: Matrix | null = null;
  private dx: Matrix | null = null;

  constructor(
    readonly name: string,
    params: ConvolutionParams,
    input: ImageShape,
    readonly options: ConvolutionOptions,
    private readonly backend: Backend,
    opts: { computeDx?: boolean } = {},
  ) {
    const { FN, FH, FW, stride, pad } = options;
    this.W = params.W;
    this.b = params.b;
    this.dW = params.dW;
    this.db = params.db;
    this.input = input;
    const OH = outputSize(input.H, FH, stride, pad);
    const OW = outputSize(input.W, FW, stride, pad);
    if (!(OH >= 1 && OW >= 1))
      throw new Error(
        `${name}: a ${FH}x${FW} filter does not fit a ${input.H}x${input.W} image with pad ${pad}`,
      );
    this.output = { C: FN, H: OH, W: OW };
    this.geom = { N: 0, C: input.C, H: input.H, W: input.W, FH, FW, stride, pad, OH, OW };
    this.Wmatrix = { rows: FN, cols: input.C * FH * FW, data: this.W };
    this.computeDx = opts.computeDx ?? true;
  }

  /** x (N, C·H·W) → out (N, FN·OH·OW). */
  forward(x: Matrix, _train = false): Matrix {
    const { C, H, W } = this.input;
    if (x.cols !== C * H * W)
      throw new Error(`${this.name}: input has ${x.cols} columns, expected ${C}x${H}x${W}`);
    const N = x.rows;
    const g = this.geom;
    g.N = N;
    const { FN } = this.options;
    const K = this.Wmatrix.cols;
    const P = g.OH * g.OW;
    const { kernels, alloc } = this.backend;
    const col = (this.col = ensureMatrix(this.col, N * P, K, alloc));
    kernels.im2col(col.data, x.data, g);
    const rows = (this.rows = ensureMatrix(this.rows, N * P, FN, alloc));
    // rows (N·P, FN) = col (N·P, K) · Wᵀ, W (FN, K)
    kernels.gemmBT(rows.data, col.data, this.W, N * P, FN, K);
    const out = (this.out = ensureMatrix(this.out, N, FN * P, alloc));
    kernels.rowsToChannels(out.data, rows.data, this.b, N, P, FN);
    return out;
  }

  /** dW, db from dout (N, FN·OH·OW); dx (N, C·H·W), 0 columns when computeDx is false. */
  backward(dout: Matrix): Matrix {
    const col = this.col;
    if (col === null) throw new Error(`${this.name}: backward before forward`);
    const g = this.geom;
    const N = dout.rows;
    const { FN } = this.options;
    const K = this.Wmatrix.cols;
    const P = g.OH * g.OW;
    const { kernels, alloc } = this.backend;
    // dout (N, FN, P) as it comes: dW (FN, K) = Σ_n dout_n · col_n, db = Σ dout (the book's
    // dout.transpose(0,2,3,1).reshape(-1, FN) is read in place instead of written out)
    kernels.convWeightGrad(this.dW, this.db, dout.data, col.data, N, P, FN, K);
    const { C, H, W } = this.input;
    const dx = (this.dx = ensureMatrix(this.dx, N, this.computeDx ? C * H * W : 0, alloc));
    if (this.computeDx) {
      const dcol = (this.dcol = ensureMatrix(this.dcol, N * P, K, alloc));
      // dcol (N·P, K) = dout as rows (N·P, FN) · W (FN, K)
      kernels.convColGrad(dcol.data, dout.data, this.W, N, P, FN, K);
      kernels.col2im(dx.data, dcol.data, g);
    }
    return dx;
  }
}
