/** The book's toys, Chapters 4.5 and 5.7: why backprop (its time against numerical gradients), and training both ways. (See ./index.ts.) */
import { numericalGradient } from '../gradient';
import type { Network } from '../network';
import type { Optimizer } from '../optimizers';
import type { NetInput, Targets } from '../tensor';

// ---------------------------------------------------------------- §4.5 / §5.7 why backprop

/** One gradient's cost both ways and how far apart the two answers are. */
export interface GradientTimes {
  /** Clock time of one backprop gradient (network.gradient), in the clock's unit. */
  backprop: number;
  /** Clock time of the numerical gradient of every parameter (numericalGradient), same unit. */
  numerical: number;
  /** Per parameter (W1, b1, ...): mean |backprop - numerical| (the book's gradient_check). */
  meanAbsDiff: { name: string; value: number }[];
}

/**
 * The book's point of §4.5 and §5.7: the same gradient by backpropagation and by numerical
 * differentiation (two forward passes per parameter), each timed with `now` (e.g.
 * performance.now; the engine reads no clock of its own), and their mean difference per
 * parameter. Use a float64 network without dropout.
 */
export function gradientTimes(network: Network, x: NetInput, t: Targets, now: () => number): GradientTimes {
  const start = now();
  network.gradient(x, t);
  const backprop = now() - start;
  const f = (): number => network.loss(x, t, false);
  const numericStart = now();
  const numeric: Record<string, Float64Array> = {};
  for (const name in network.params) numeric[name] = numericalGradient(f, network.params[name]);
  const numerical = now() - numericStart;
  const meanAbsDiff = Object.keys(numeric).map((name) => {
    const g = network.grads[name];
    let sum = 0;
    for (let i = 0; i < g.length; i++) sum += Math.abs(g[i] - numeric[name][i]);
    return { name, value: sum / g.length };
  });
  return { backprop, numerical, meanAbsDiff };
}

// ---------------------------------------------------------------- §4.5 training both ways

/** How an iteration gets its gradient: backpropagation (§5.7.4) or numerical differentiation (§4.5). */
export type GradientMethod = 'backprop' | 'numerical';

/** One training iteration: the loss on its batch (before the update) and its clock time. */
export interface TimedIteration {
  loss: number;
  /** Clock time of the gradient and the update, in the clock's unit. */
  time: number;
}

/**
 * One iteration of the book's train_neuralnet.py: the loss on the batch, the gradient of every
 * parameter by `method` (network.gradient, or numericalGradient over network.loss as §4.5's
 * TwoLayerNet.numerical_gradient does), then optimizer.update; timed with `now`. Started from
 * the same weights with the same batches, both methods trace the same loss curve.
 */
export function timedIteration(
  network: Network,
  optimizer: Optimizer,
  x: NetInput,
  t: Targets,
  method: GradientMethod,
  now: () => number,
): TimedIteration {
  const start = now();
  let loss: number;
  if (method === 'backprop') {
    loss = network.gradient(x, t);
    optimizer.update(network.params, network.grads);
  } else {
    const f = (): number => network.loss(x, t, true);
    loss = f();
    const grads: Record<string, Float64Array> = {};
    for (const name in network.params) grads[name] = numericalGradient(f, network.params[name]);
    optimizer.update(network.params, grads);
  }
  return { loss, time: now() - start };
}
