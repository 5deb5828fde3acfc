/**
 * Numerical gradients (book §4.3–4.4) and the gradient check of §5.7.3: backpropagation is fast
 * but easy to get wrong; the central difference (f(x+h) - f(x-h)) / 2h is slow but hard to get
 * wrong, so comparing the two validates the backward rules.
 */
import type { Network } from './network';
import type { Floats, NetInput, Targets } from './tensor';

/**
 * ∂f/∂x[i] ≈ (f(x + h·e_i) - f(x - h·e_i)) / 2h for every i, the book's `numerical_gradient`.
 * x is perturbed in place and restored; f is called as f(x) (a closure that reads x works too).
 * Returns a Float64Array of x's length.
 */
export function numericalGradient(f: (x: Floats) => number, x: Floats, h = 1e-4): Float64Array {
  const grad = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const saved = x[i];
    x[i] = saved + h;
    const fPlus = f(x);
    x[i] = saved - h;
    const fMinus = f(x);
    x[i] = saved;
    grad[i] = (fPlus - fMinus) / (2 * h);
  }
  return grad;
}

/** One parameter's comparison: mean |backprop - numerical| over its entries. */
export interface GradientCheckResult {
  name: string;
  meanAbsDiff: number;
  /** max |backprop - numerical|, for a stricter look. */
  maxAbsDiff: number;
}

/**
 * The book's gradient_check: backprop gradients vs numerical ones, per trainable parameter
 * (W1, b1, ...). Use a float64 network. Dropout masks are frozen at the backprop pass's mask so
 * both sides differentiate the same function; BatchNormalization running stats are restored after.
 * `onResult`, when given, hears each parameter's result as soon as it is known (for progress).
 */
export function gradientCheck(
  network: Network,
  x: NetInput,
  t: Targets,
  h = 1e-4,
  onResult?: (result: GradientCheckResult, index: number, total: number) => void,
): GradientCheckResult[] {
  const flat = network.flatParams();
  const saved = flat.slice();
  network.gradient(x, t);
  network.freezeDropout(true);
  const results: GradientCheckResult[] = [];
  try {
    const f = (): number => network.loss(x, t, true);
    for (const name in network.params) {
      const numeric = numericalGradient(f, network.params[name], h);
      const backprop = network.grads[name];
      let sum = 0;
      let max = 0;
      for (let i = 0; i < numeric.length; i++) {
        const d = Math.abs(backprop[i] - numeric[i]);
        sum += d;
        if (d > max) max = d;
      }
      const result = { name, meanAbsDiff: sum / numeric.length, maxAbsDiff: max };
      results.push(result);
      onResult?.(result, results.length - 1, Object.keys(network.params).length);
    }
  } finally {
    network.freezeDropout(false);
    flat.set(saved);
  }
  return results;
}
