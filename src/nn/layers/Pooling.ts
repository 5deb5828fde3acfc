/**
 * Max pooling (book §7.4.4, common/layers.py Pooling): each PH×PW window moved by `stride` gives its
 * maximum; backward sends each output's gradient to the input that was the maximum (the book's
 * `arg_max`). Padding counts as zeros, as the book's im2col pads them (the book's SimpleConvNet
 * pools 2×2 with stride 2 and no padding).
 */
import type { Backend } from '../backend';
import type { ConvGeometry } from '../kernels';
import type { Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import { outputSize, type ImageShape } from './Convolution';
import type { Layer } from './layer';

/** Pool size, stride and padding (the book's Pooling(pool_h, pool_w, stride, pad)). */
export interface PoolingOptions {
  PH: number;
  PW: number;
  stride: number;
  pad: number;
}

/** The max-pooling layer. */
export class Pooling implements Layer {
  readonly input: ImageShape;
  readonly output: ImageShape;
  private readonly geom: ConvGeometry;
  private arg: Int32Array = new Int32Array(0);
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  constructor(
    readonly name: string,
    input: ImageShape,
    readonly options: PoolingOptions,
    private readonly backend: Backend,
  ) {
    const { PH, PW, stride, pad } = options;
    this.input = input;
    const OH = outputSize(input.H, PH, stride, pad);
    const OW = outputSize(input.W, PW, stride, pad);
    if (!(OH >= 1 && OW >= 1))
      throw new Error(`${name}: a ${PH}x${PW} pool does not fit a ${input.H}x${input.W} image`);
    this.output = { C: input.C, H: OH, W: OW };
    this.geom = { N: 0, C: input.C, H: input.H, W: input.W, FH: PH, FW: PW, stride, pad, OH, OW };
  }

  /** x (N, C·H·W) → out (N, C·OH·OW). */
  forward(x: Matrix, _train = false): Matrix {
    const { C, H, W } = this.input;
    if (x.cols !== C * H * W)
      throw new Error(`${this.name}: input has ${x.cols} columns, expected ${C}x${H}x${W}`);
    const g = this.geom;
    g.N = x.rows;
    const len = x.rows * C * g.OH * g.OW;
    const out = (this.out = ensureMatrix(this.out, x.rows, C * g.OH * g.OW, this.backend.alloc));
    if (this.arg.length < len) this.arg = this.backend.alloc.ints(len);
    this.backend.kernels.maxPool(out.data, this.arg, x.data, g);
    return out;
  }

  /** dx (N, C·H·W): each dout entry at its window's maximum, 0 elsewhere. */
  backward(dout: Matrix): Matrix {
    const { C, H, W } = this.input;
    const N = dout.rows;
    const dx = (this.dx = ensureMatrix(this.dx, N, C * H * W, this.backend.alloc));
    this.backend.kernels.maxPoolBackward(dx.data, dout.data, this.arg, N * C * H * W, dout.rows * dout.cols);
    return dx;
  }
}
