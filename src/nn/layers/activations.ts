/**
 * The element-wise activation layers of book §5.5: Relu, Sigmoid, Tanh. Each backward uses only
 * its own output y, which is why these layers keep y rather than x.
 */
import type { Backend } from '../backend';
import type { Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import { registryNames } from '../registry';
import type { Layer } from './layer';

/** Shared plumbing: an output buffer y and a gradient buffer dx that grow with the batch. */
abstract class Elementwise implements Layer {
  protected out: Matrix | null = null;
  protected dx: Matrix | null = null;

  constructor(
    readonly name: string,
    protected readonly backend: Backend,
  ) {}

  /** y (N, M) = f(x) element-wise. */
  forward(x: Matrix, _train = false): Matrix {
    const out = (this.out = ensureMatrix(this.out, x.rows, x.cols, this.backend.alloc));
    this.apply(x.data, out.data, x.rows * x.cols);
    return out;
  }

  /** dx (N, M) = dout · f'(x), from the output y. */
  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error(`${this.name}: backward before forward`);
    const dx = (this.dx = ensureMatrix(this.dx, dout.rows, dout.cols, this.backend.alloc));
    this.derive(dout.data, out.data, dx.data, dout.rows * dout.cols);
    return dx;
  }

  /** y[i] = f(x[i]) for i < len. */
  protected abstract apply(x: Matrix['data'], y: Matrix['data'], len: number): void;
  /** dx[i] = dout[i] · f'(x[i]), written in terms of y[i]. */
  protected abstract derive(dout: Matrix['data'], y: Matrix['data'], dx: Matrix['data'], len: number): void;
}

/**
 * ReLU: y = max(0, x); dx = dout where x > 0, else 0 (book §5.5.1). The book's default activation
 * runs on every training step, so it is a kernel (SIMD in WebAssembly); y > 0 exactly when x > 0,
 * which is the book's `mask = (x <= 0)` without storing a mask.
 */
export class Relu extends Elementwise {
  protected apply(x: Matrix['data'], y: Matrix['data'], len: number): void {
    this.backend.kernels.relu(y, x, len);
  }
  protected derive(dout: Matrix['data'], y: Matrix['data'], dx: Matrix['data'], len: number): void {
    this.backend.kernels.reluBackward(dx, dout, y, len);
  }
}

/** Sigmoid: y = 1 / (1 + exp(-x)); dx = dout · (1 - y) · y (book §5.5.2). */
export class Sigmoid extends Elementwise {
  protected apply(x: Matrix['data'], y: Matrix['data'], len: number): void {
    for (let i = 0; i < len; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
  }
  protected derive(dout: Matrix['data'], y: Matrix['data'], dx: Matrix['data'], len: number): void {
    for (let i = 0; i < len; i++) dx[i] = dout[i] * (1 - y[i]) * y[i];
  }
}

/** Tanh: y = tanh(x); dx = dout · (1 - y²). */
export class Tanh extends Elementwise {
  protected apply(x: Matrix['data'], y: Matrix['data'], len: number): void {
    for (let i = 0; i < len; i++) y[i] = Math.tanh(x[i]);
  }
  protected derive(dout: Matrix['data'], y: Matrix['data'], dx: Matrix['data'], len: number): void {
    for (let i = 0; i < len; i++) dx[i] = dout[i] * (1 - y[i] * y[i]);
  }
}

/** The activation layers by config name. */
export const ACTIVATION_LAYERS = { relu: Relu, sigmoid: Sigmoid, tanh: Tanh } as const;

/** An activation's config name. */
export type ActivationName = keyof typeof ACTIVATION_LAYERS;

/** The activations' config names: the keys of ACTIVATION_LAYERS. */
export const ACTIVATIONS = registryNames(ACTIVATION_LAYERS);
