/** The book's toys, Chapters 4.5 and 5.7: why backprop (its time against numerical gradients). (See ./index.ts.) */
import { numericalGradient } from '../gradient';
import type { Network } from '../network';
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
