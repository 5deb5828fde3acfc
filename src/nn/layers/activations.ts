/**
 * The element-wise activation layers of book §5.5: Relu, Sigmoid, Tanh. Each backward uses only
 * its own output y, which is why these layers keep `out` (the book's Sigmoid keeps `self.out` too).
 * Shapes: x, out, dout, dx are all (N, M).
 */
import type { Backend } from '../backend';
import type { Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import { registryNames } from '../registry';
import type { Layer } from './layer';

/**
 * ReLU: out = max(0, x); dx = dout where x > 0, else 0 (book §5.5.1). The book's default activation
 * runs on every training step, so both directions are kernels (SIMD in WebAssembly). out > 0
 * exactly when x > 0, which is the book's `mask = (x <= 0)` without storing a mask.
 */
export class Relu implements Layer {
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  constructor(
    readonly name: string,
    private readonly backend: Backend,
  ) {}

  forward(x: Matrix, _train = false): Matrix {
    const out = (this.out = ensureMatrix(this.out, x.rows, x.cols, this.backend.alloc));
    this.backend.kernels.relu(out.data, x.data, x.rows * x.cols);
    return out;
  }

  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error(`${this.name}: backward before forward`);
    const dx = (this.dx = ensureMatrix(this.dx, dout.rows, dout.cols, this.backend.alloc));
    this.backend.kernels.reluBackward(dx.data, dout.data, out.data, dout.rows * dout.cols);
    return dx;
  }
}

/** Sigmoid: out = 1 / (1 + exp(-x)); dx = dout · (1 - out) · out (book §5.5.2). */
export class Sigmoid implements Layer {
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  constructor(
    readonly name: string,
    private readonly backend: Backend,
  ) {}

  forward(x: Matrix, _train = false): Matrix {
    const out = (this.out = ensureMatrix(this.out, x.rows, x.cols, this.backend.alloc));
    this.backend.kernels.sigmoid(out.data, x.data, x.rows * x.cols);
    return out;
  }

  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error(`${this.name}: backward before forward`);
    const dx = (this.dx = ensureMatrix(this.dx, dout.rows, dout.cols, this.backend.alloc));
    const g = dx.data;
    const d = dout.data;
    const y = out.data;
    for (let i = 0, len = dout.rows * dout.cols; i < len; i++) g[i] = d[i] * (1 - y[i]) * y[i];
    return dx;
  }
}

/** Tanh: out = tanh(x); dx = dout · (1 - out²). */
export class Tanh implements Layer {
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  constructor(
    readonly name: string,
    private readonly backend: Backend,
  ) {}

  forward(x: Matrix, _train = false): Matrix {
    const out = (this.out = ensureMatrix(this.out, x.rows, x.cols, this.backend.alloc));
    const y = out.data;
    const xd = x.data;
    for (let i = 0, len = x.rows * x.cols; i < len; i++) y[i] = Math.tanh(xd[i]);
    return out;
  }

  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error(`${this.name}: backward before forward`);
    const dx = (this.dx = ensureMatrix(this.dx, dout.rows, dout.cols, this.backend.alloc));
    const g = dx.data;
    const d = dout.data;
    const y = out.data;
    for (let i = 0, len = dout.rows * dout.cols; i < len; i++) g[i] = d[i] * (1 - y[i] * y[i]);
    return dx;
  }
}

/** The activation layers by config name. */
export const ACTIVATION_LAYERS = { relu: Relu, sigmoid: Sigmoid, tanh: Tanh } as const;

/** An activation's config name. */
export type ActivationName = keyof typeof ACTIVATION_LAYERS;

/** The activations' config names: the keys of ACTIVATION_LAYERS. */
export const ACTIVATIONS = registryNames(ACTIVATION_LAYERS);
