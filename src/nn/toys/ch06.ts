/** The book's toys, Chapter 6: the optimizer race, initial weights and activations. (See ./index.ts.) */
import { f3, df3, type DescentPath } from './ch04';
import { float64Backend } from '../backend';
import { Affine } from '../layers/Affine';
import { ACTIVATION_LAYERS, type ActivationName } from '../layers/activations';
import { fillNormal, initScale, type InitName } from '../init';
import { createOptimizer, type OptimizerName, type OptimizerOptions } from '../optimizers';
import type { Rng } from '../rng';
import type { Matrix } from '../tensor';

// ---------------------------------------------------------------- §6.1 the optimizer race

/** The book's learning rates for the race on f3 from (-7, 2) (optimizer_compare_naive.py). */
export const RACE_LEARNING_RATES: Record<OptimizerName, number> = {
  sgd: 0.95,
  momentum: 0.1,
  nesterov: 0.1,
  adagrad: 1.5,
  rmsprop: 0.1,
  adam: 0.3,
};

/** The race's start and length, as the book's: (-7, 2), 30 updates. */
export const RACE_START = [-7, 2] as const;
export const RACE_STEPS = 30;

/**
 * One optimizer's path on f3 from `start`: `steps` updates of the engine's optimizer with the
 * hand-written gradient df3, as ch06/optimizer_compare_naive.py does.
 */
export function optimizerPath(
  name: OptimizerName,
  lr: number,
  start: ArrayLike<number> = RACE_START,
  steps = RACE_STEPS,
  options: Omit<OptimizerOptions, 'lr' | 'backend'> = {},
): DescentPath {
  const x = Float64Array.from(start);
  const optimizer = createOptimizer(name, { ...options, lr, backend: float64Backend });
  const points: [number, number][] = [[x[0], x[1]]];
  const values = [f3(x)];
  for (let i = 0; i < steps; i++) {
    optimizer.update({ x }, { x: df3(x) });
    points.push([x[0], x[1]]);
    values.push(f3(x));
  }
  return { points, values };
}

// ---------------------------------------------------------------- §6.2 initial weights and activations

/** The weight scales of §6.2's experiment: std 1, std 0.01, Xavier, He. */
export const INIT_CHOICES = ['std1', 'std0.01', 'xavier', 'he'] as const;
export type InitChoice = (typeof INIT_CHOICES)[number];

/** The engine's init scheme and initStd for each choice. */
const INIT_OF: Record<InitChoice, [InitName, number]> = {
  std1: ['std', 1],
  'std0.01': ['std', 0.01],
  xavier: ['xavier', 0],
  he: ['he', 0],
};

/**
 * The book's weight_init_activation_histogram.py (§6.2.2): `samples` random inputs (N(0, 1),
 * 100 features) through `layers` layers of `nodes` units, weights from the engine's initScale and
 * fillNormal, no bias, the engine's activation layer. Returns each layer's activations (N, nodes).
 */
export function activationsByLayer(
  init: InitChoice,
  activation: ActivationName,
  rng: Rng,
  options: { samples?: number; nodes?: number; layers?: number } = {},
): Float64Array[] {
  const { samples = 1000, nodes = 100, layers = 5 } = options;
  const [scheme, std] = INIT_OF[init];
  let x: Matrix = { rows: samples, cols: nodes, data: new Float64Array(samples * nodes) };
  fillNormal(x.data, 1, rng);
  const out: Float64Array[] = [];
  for (let l = 0; l < layers; l++) {
    const W = new Float64Array(nodes * nodes);
    fillNormal(W, initScale(scheme, nodes, std), rng);
    const affine = new Affine(
      `Affine${l + 1}`,
      {
        W: { rows: nodes, cols: nodes, data: W },
        b: new Float64Array(nodes),
        dW: W,
        db: new Float64Array(nodes),
      },
      float64Backend,
    );
    const act = new ACTIVATION_LAYERS[activation](`${activation}${l + 1}`, float64Backend);
    const z = act.forward(affine.forward(x, false), false);
    const copy = Float64Array.from(z.data.subarray(0, samples * nodes));
    out.push(copy);
    x = { rows: samples, cols: nodes, data: copy };
  }
  return out;
}
