/**
 * The optimizers of book chapter 6.1, update rules exactly as in the book's common/optimizer.py.
 * Each `update(params, grads)` walks the named buffers (W1, b1, ...) and updates params in place;
 * per-parameter state (v, h, m) is created the first time a name is seen.
 * `lr` is a plain field: set it at any time (the trainer does, for schedules and live changes).
 * An optimizer gets the network's backend: its state comes from the backend's allocator, and SGD
 * and Momentum take their last step through its `axpy` kernel (SIMD in WebAssembly).
 */
import type { Backend } from './backend';
import type { Floats } from './kernels';
import { registryNames } from './registry';

/** Named parameter (or gradient) buffers, as the book's `params` / `grads` dictionaries. */
export type ParamMap = Record<string, Floats>;

/** The hyperparameters any optimizer may read; each uses the ones it needs. */
export interface OptimizerOptions {
  lr: number;
  /** Momentum / Nesterov: α in v = αv - η·g (book default 0.9). */
  momentum?: number;
  /** Adam β1, β2 (book defaults 0.9, 0.999). */
  beta1?: number;
  beta2?: number;
  /** RMSprop decay rate ρ (book default 0.99). */
  rmsDecay?: number;
  /** The backend the parameters live in: the state buffers come from its allocator. */
  backend: Backend;
}

/** What every optimizer has. */
export interface Optimizer {
  /** The learning rate η used by the next update. */
  lr: number;
  /** params[key] -= (rule)(grads[key]) for every key of grads. */
  update(params: ParamMap, grads: ParamMap): void;
}

/** Per-name state, zeroed on first use like the book's `if self.v is None: ...`. */
class StateBuffers {
  private readonly byName = new Map<string, Floats>();
  constructor(private readonly backend: Backend) {}

  /** The state for parameter `key`, as long as `p`. */
  of(key: string, p: Floats): Floats {
    let s = this.byName.get(key);
    if (s === undefined) {
      s = this.backend.alloc.floats(p.length);
      this.byName.set(key, s);
    }
    return s;
  }
}

/** SGD (§6.1.2): W ← W - η·∂L/∂W, i.e. W += (-η)·dW, one axpy per parameter. */
export class SGD implements Optimizer {
  lr: number;
  private readonly backend: Backend;
  constructor(opts: OptimizerOptions) {
    this.lr = opts.lr;
    this.backend = opts.backend;
  }
  update(params: ParamMap, grads: ParamMap): void {
    const a = -this.lr;
    for (const key in grads) {
      const p = params[key];
      this.backend.kernels.axpy(p, a, grads[key], p.length);
    }
  }
}

/** Momentum (§6.1.4): v ← αv - η·g; W ← W + v (the second half one axpy). */
export class Momentum implements Optimizer {
  lr: number;
  readonly momentum: number;
  private readonly backend: Backend;
  private readonly v: StateBuffers;
  constructor(opts: OptimizerOptions) {
    this.lr = opts.lr;
    this.momentum = opts.momentum ?? 0.9;
    this.backend = opts.backend;
    this.v = new StateBuffers(opts.backend);
  }
  update(params: ParamMap, grads: ParamMap): void {
    const { lr, momentum } = this;
    for (const key in grads) {
      const p = params[key];
      const g = grads[key];
      const v = this.v.of(key, p);
      for (let i = 0; i < p.length; i++) v[i] = momentum * v[i] - lr * g[i];
      this.backend.kernels.axpy(p, 1, v, p.length);
    }
  }
}

/**
 * Nesterov's accelerated gradient, in the book's form (common/optimizer.py, after
 * arXiv:1212.0901): v ← αv - η·g; W ← W + α²·v - (1 + α)·η·g.
 */
export class Nesterov implements Optimizer {
  lr: number;
  readonly momentum: number;
  private readonly v: StateBuffers;
  constructor(opts: OptimizerOptions) {
    this.lr = opts.lr;
    this.momentum = opts.momentum ?? 0.9;
    this.v = new StateBuffers(opts.backend);
  }
  update(params: ParamMap, grads: ParamMap): void {
    const { lr, momentum } = this;
    for (const key in grads) {
      const p = params[key];
      const g = grads[key];
      const v = this.v.of(key, p);
      for (let i = 0; i < p.length; i++) {
        v[i] = momentum * v[i] - lr * g[i];
        p[i] += momentum * momentum * v[i] - (1 + momentum) * lr * g[i];
      }
    }
  }
}

/** AdaGrad (§6.1.5): h ← h + g²; W ← W - η·g / (√h + 1e-7). */
export class AdaGrad implements Optimizer {
  lr: number;
  private readonly h: StateBuffers;
  constructor(opts: OptimizerOptions) {
    this.lr = opts.lr;
    this.h = new StateBuffers(opts.backend);
  }
  update(params: ParamMap, grads: ParamMap): void {
    const lr = this.lr;
    for (const key in grads) {
      const p = params[key];
      const g = grads[key];
      const h = this.h.of(key, p);
      for (let i = 0; i < p.length; i++) {
        h[i] += g[i] * g[i];
        p[i] -= (lr * g[i]) / (Math.sqrt(h[i]) + 1e-7);
      }
    }
  }
}

/** RMSprop: h ← ρh + (1 - ρ)·g²; W ← W - η·g / (√h + 1e-7). */
export class RMSprop implements Optimizer {
  lr: number;
  readonly decayRate: number;
  private readonly h: StateBuffers;
  constructor(opts: OptimizerOptions) {
    this.lr = opts.lr;
    this.decayRate = opts.rmsDecay ?? 0.99;
    this.h = new StateBuffers(opts.backend);
  }
  update(params: ParamMap, grads: ParamMap): void {
    const { lr, decayRate } = this;
    for (const key in grads) {
      const p = params[key];
      const g = grads[key];
      const h = this.h.of(key, p);
      for (let i = 0; i < p.length; i++) {
        h[i] = h[i] * decayRate + (1 - decayRate) * g[i] * g[i];
        p[i] -= (lr * g[i]) / (Math.sqrt(h[i]) + 1e-7);
      }
    }
  }
}

/**
 * Adam (§6.1.6, arXiv:1412.6980) as the book writes it:
 *   t ← t + 1; η_t = η·√(1 - β2^t) / (1 - β1^t)
 *   m ← m + (1 - β1)(g - m); v ← v + (1 - β2)(g² - v); W ← W - η_t·m / (√v + 1e-7)
 */
export class Adam implements Optimizer {
  lr: number;
  readonly beta1: number;
  readonly beta2: number;
  /** Number of updates so far (the book's `self.iter`). */
  iter = 0;
  private readonly m: StateBuffers;
  private readonly v: StateBuffers;
  private readonly backend: Backend;
  constructor(opts: OptimizerOptions) {
    this.lr = opts.lr;
    this.backend = opts.backend;
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.m = new StateBuffers(opts.backend);
    this.v = new StateBuffers(opts.backend);
  }
  update(params: ParamMap, grads: ParamMap): void {
    const { beta1, beta2 } = this;
    this.iter++;
    const lrT = (this.lr * Math.sqrt(1 - beta2 ** this.iter)) / (1 - beta1 ** this.iter);
    for (const key in grads) {
      const p = params[key];
      const g = grads[key];
      // m += (1-β1)(g - m); v += (1-β2)(g² - v); p -= lr_t·m / (√v + 1e-7): one kernel per parameter
      this.backend.kernels.adam(p, g, this.m.of(key, p), this.v.of(key, p), p.length, lrT, beta1, beta2);
    }
  }
}

/** The optimizers by config name. */
export const OPTIMIZER_CLASSES = {
  sgd: SGD,
  momentum: Momentum,
  nesterov: Nesterov,
  adagrad: AdaGrad,
  rmsprop: RMSprop,
  adam: Adam,
} as const satisfies Record<string, new (opts: OptimizerOptions) => Optimizer>;

/** An optimizer's config name. */
export type OptimizerName = keyof typeof OPTIMIZER_CLASSES;

/** The optimizers' config names: the keys of OPTIMIZER_CLASSES. */
export const OPTIMIZERS = registryNames(OPTIMIZER_CLASSES);

/** A new optimizer by name, e.g. createOptimizer('adam', { lr: 0.001 }). */
export function createOptimizer(name: OptimizerName, opts: OptimizerOptions): Optimizer {
  const Class = OPTIMIZER_CLASSES[name];
  if (Class === undefined) throw new Error(`unknown optimizer '${String(name)}'`);
  return new Class(opts);
}
