/**
 * Weight initialisation (book §6.2). Weights are scale · N(0, 1); biases start at 0.
 *   'std'    scale = initStd (the book's weight_init_std = 0.01)
 *   'xavier' scale = √(1 / n_in) (Glorot; suits sigmoid and tanh)
 *   'he'     scale = √(2 / n_in) (suits ReLU)
 * n_in is the number of inputs of the layer (the book's `all_size_list[idx - 1]`).
 */
import type { Floats } from './kernels';
import { registryNames } from './registry';
import type { Rng } from './rng';

/** The init schemes by config name: each gives the scale from n_in and the configured initStd. */
export const INIT_SCALES = {
  std: (_fanIn: number, initStd: number) => initStd,
  xavier: (fanIn: number) => Math.sqrt(1 / fanIn),
  he: (fanIn: number) => Math.sqrt(2 / fanIn),
} as const satisfies Record<string, (fanIn: number, initStd: number) => number>;

/** An init scheme's config name. */
export type InitName = keyof typeof INIT_SCALES;

/** The init schemes' config names: the keys of INIT_SCALES. */
export const INITS = registryNames(INIT_SCALES);

/** The standard deviation of a layer's initial weights. */
export function initScale(init: InitName, fanIn: number, initStd: number): number {
  const scale: ((fanIn: number, initStd: number) => number) | undefined = INIT_SCALES[init];
  if (scale === undefined) throw new Error(`unknown init '${String(init)}'`);
  return scale(fanIn, initStd);
}

/** W ← scale · N(0, 1), drawing from rng in row-major order (like np.random.randn(D, M)). */
export function fillNormal(W: Floats, scale: number, rng: Rng): void {
  for (let i = 0; i < W.length; i++) W[i] = scale * rng.normal();
}
