/**
 * Weight initialisation (book §6.2). Weights are scale · N(0, 1); biases start at 0.
 *   'std'    scale = initStd (the book's weight_init_std = 0.01)
 *   'xavier' scale = √(1 / n_in) (Glorot; suits sigmoid and tanh)
 *   'he'     scale = √(2 / n_in) (suits ReLU)
 * n_in is the number of inputs of the layer (the book's `all_size_list[idx - 1]`).
 */
import type { Floats } from './kernels';
import type { Rng } from './rng';

/** An init scheme's config name. */
export type InitName = 'std' | 'xavier' | 'he';

/** The standard deviation of a layer's initial weights. */
export function initScale(init: InitName, fanIn: number, initStd: number): number {
  switch (init) {
    case 'std':
      return initStd;
    case 'xavier':
      return Math.sqrt(1 / fanIn);
    case 'he':
      return Math.sqrt(2 / fanIn);
    default:
      throw new Error(`unknown init '${String(init)}'`);
  }
}

/** W ← scale · N(0, 1), drawing from rng in row-major order (like np.random.randn(D, M)). */
export function fillNormal(W: Floats, scale: number, rng: Rng): void {
  for (let i = 0; i < W.length; i++) W[i] = scale * rng.normal();
}
