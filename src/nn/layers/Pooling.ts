/**
 * Max pooling (book §7.4.4, common/layers.py Pooling): each PH×PW window moved by `stride` gives its
 * maximum; backward sends each output's gradient to the input that was the maximum (the book's
 * `arg_max`). Padding counts as zeros, as the book's im2col pads them (the book's SimpleConvNet
 * pools 2×2 with stride 2 and no padding).
 *
 * A network whose ReLU feeds a max-pool (Relu1 → Pool1, as both book CNNs have it) runs the pair as
 * one step while training: max(relu(x)) = relu(max(x)), so the pool takes the ReLU's input and
 * applies the ReLU to its 4× smaller output, and backward gates dout by that output (the window's
 * maximum was > 0 exactly when the ReLU passed it) before sending it to the maximum. The same
 * numbers as the two layers apart (the same first maximum wins wherever it is > 0; where it is
 * not, no gradient flows either way), in a quarter of the ReLU's memory traffic.
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
  /** dout gated by the output, for a backward through the ReLU before this pool. */
  private gated: Matrix | null = null;
  /** Whether the last forward applied the ReLU before it (forward's withRelu). */
  private reluApplied = false;

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

  /** x (N, C·H·W) → out (N, C·OH·OW); withRelu: of relu(x), the ReLU layer before this one folded in. */
  forward(x: Matrix, _train = false, withRelu = false): Matrix {
    const { C, H, W } = this.input;
    if (x.cols !== C * H * W)
      throw new Error(`${this.name}: input has ${x.cols} columns, expected ${C}x${H}x${W}`);
    const g = this.geom;
    g.N = x.rows;
    const len = x.rows * C * g.OH * g.OW;
    const out = (this.out = ensureMatrix(this.out, x.rows, C * g.OH * g.OW, this.backend.alloc));
    if (this.arg.length < len) this.arg = this.backend.alloc.ints(len);
    this.backend.kernels.maxPool(out.data, this.arg, x.data, g);
    if (withRelu) this.backend.kernels.relu(out.data, out.data, len);
    this.reluApplied = withRelu;
    return out;
  }

  /**
   * dx (N, C·H·W): each dout entry at its window's maximum, 0 elsewhere. After a forward withRelu,
   * the gradient with respect to the ReLU's input: dout only where the output is > 0.
   */
  backward(dout: Matrix): Matrix {
    const { C, H, W } = this.input;
    const N = dout.rows;
    const k = this.backend.kernels;
    const dx = (this.dx = ensureMatrix(this.dx, N, C * H * W, this.backend.alloc));
    const outLen = dout.rows * dout.cols;
    let d = dout;
    if (this.reluApplied) {
      const out = this.out;
      if (out === null || out.rows !== N) throw new Error(`${this.name}: backward before forward`);
      d = this.gated = ensureMatrix(this.gated, dout.rows, dout.cols, this.backend.alloc);
      k.reluBackward(d.data, dout.data, out.data, outLen);
    }
    const g = this.geom;
    g.N = N;
    k.maxPoolBackward(dx.data, d.data, this.arg, g);
    return dx;
  }
}
