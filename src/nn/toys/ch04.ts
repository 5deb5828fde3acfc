/** The book's toys, Chapter 4: losses, numerical differentiation, gradients and gradient descent. (See ./index.ts.) */
import { softmax } from './ch03';
import { float64Backend } from '../backend';
import { IdentityWithLoss } from '../layers/IdentityWithLoss';
import { numericalGradient } from '../gradient';
import { SGD } from '../optimizers';
import { row } from './ch03';

// ---------------------------------------------------------------- §4.2 losses

/** The one-hot row of `label` among `classes`. */
export function oneHot(label: number, classes = 10): Float64Array {
  const t = new Float64Array(classes);
  t[label] = 1;
  return t;
}

/** The book's example output of §4.2.1 (the network says "2" with 0.6). */
export const BOOK_OUTPUT = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0] as const;

/**
 * mean_squared_error(y, t) = ½ Σ (y - t)² (§4.2.1), by the engine's IdentityWithLoss on one row:
 * 0.0975 for the book's output against label 2, 0.5975 against label 7.
 */
export function meanSquaredError(y: ArrayLike<number>, t: ArrayLike<number>): number {
  return new IdentityWithLoss(float64Backend).forward(row(y), Float64Array.from(t));
}

/**
 * cross_entropy_error(y, t) = -Σ t log(y + 1e-7) (§4.2.2) on probabilities y (the trainer's
 * SoftmaxWithLoss takes logits instead and needs no 1e-7): 0.5108 for label 2, 2.3026 for label 7.
 */
export function crossEntropyError(y: ArrayLike<number>, t: ArrayLike<number>): number {
  const delta = 1e-7;
  let sum = 0;
  for (let k = 0; k < y.length; k++) if (t[k] !== 0) sum -= t[k] * Math.log(y[k] + delta);
  return sum;
}

/**
 * Why accuracy cannot be the loss (§4.2.5): two points on a line, classified by the sign of w·x,
 * as the one weight w sweeps `ws`. Accuracy moves in steps (its derivative is 0 almost
 * everywhere); the cross-entropy of softmax([0, w·x]) moves smoothly.
 */
export function accuracyVersusLoss(ws: ArrayLike<number>): { accuracy: Float64Array; loss: Float64Array } {
  const xs = [1, -0.5];
  const labels = [1, 0];
  const accuracy = new Float64Array(ws.length);
  const loss = new Float64Array(ws.length);
  for (let i = 0; i < ws.length; i++) {
    let correct = 0;
    let sum = 0;
    for (let k = 0; k < xs.length; k++) {
      const p = softmax([0, ws[i] * xs[k]]);
      if ((p[1] > p[0] ? 1 : 0) === labels[k]) correct++;
      sum += crossEntropyError(p, oneHot(labels[k], 2));
    }
    accuracy[i] = correct / xs.length;
    loss[i] = sum / xs.length;
  }
  return { accuracy, loss };
}

// ---------------------------------------------------------------- §4.3 numerical differentiation

/** The book's function_1 (§4.3.2): f1(x) = 0.01x² + 0.1x. Its exact derivative is 0.02x + 0.1. */
export function f1(x: number): number {
  return 0.01 * x ** 2 + 0.1 * x;
}

/** f1'(x) = 0.02x + 0.1, exactly. */
export function df1(x: number): number {
  return 0.02 * x + 0.1;
}

/** Arithmetic in float64, or float32 (every value rounded by Math.fround, as np.float32 would). */
export type Precision = 'float32' | 'float64';

/** How a number is stored in `precision`. */
export function rounder(precision: Precision): (v: number) => number {
  return precision === 'float32' ? Math.fround : (v) => v;
}

/**
 * numerical_diff (§4.3.1): the central difference (f(x + h) - f(x - h)) / 2h, or the forward
 * difference (f(x + h) - f(x)) / h, with every value stored in `precision`. In float32,
 * h = 1e-50 rounds to 0, so x + h = x: nothing moves and the estimate is 0 (in float64 too,
 * 5 + 1e-50 is 5: the book's example of rounding error).
 */
export function numericalDiff(
  f: (x: number) => number,
  x: number,
  h = 1e-4,
  options: { precision?: Precision; scheme?: 'central' | 'forward' } = {},
): number {
  const r = rounder(options.precision ?? 'float64');
  const hh = r(h);
  const xr = r(x);
  if (hh === 0) return 0; // h itself rounded away: f(x + h) - f(x - h) is exactly 0
  if (options.scheme === 'forward') return r(r(r(f(r(xr + hh))) - r(f(xr))) / hh);
  return r(r(r(f(r(xr + hh))) - r(f(r(xr - hh)))) / r(2 * hh));
}

/** The tangent of f at x by numerical differentiation (the book's tangent_line): slope and y = slope·t + intercept. */
export function tangentLine(f: (x: number) => number, x: number): { slope: number; intercept: number } {
  const slope = numericalDiff(f, x);
  return { slope, intercept: f(x) - slope * x };
}

// ---------------------------------------------------------------- §4.4 gradients and descent

/** The book's function_2 (§4.3.3): f2(x) = x0² + x1². Its gradient is (2x0, 2x1). */
export function f2(x: ArrayLike<number>): number {
  return x[0] ** 2 + x[1] ** 2;
}

/** ch06's f(x, y) = x²/20 + y² (§6.1.2, optimizer_compare_naive.py): a bowl stretched along x. */
export function f3(x: ArrayLike<number>): number {
  return x[0] ** 2 / 20 + x[1] ** 2;
}

/** ch06's df: ∇f3 = (x/10, 2y), as the book differentiates it by hand. */
export function df3(x: ArrayLike<number>): Float64Array {
  return Float64Array.of(x[0] / 10, 2 * x[1]);
}

/** The 2-D toy functions by name, for the gradient-field lab. */
export const TOY_FUNCTIONS = { f2, f3 } as const;
export type ToyFunctionName = keyof typeof TOY_FUNCTIONS;

/** ∇f at a point by the engine's numericalGradient (h = 1e-4): ∇f2 at (3, 4) is [6, 8]. */
export function gradientAt(f: (x: ArrayLike<number>) => number, point: ArrayLike<number>): Float64Array {
  return numericalGradient(f, Float64Array.from(point));
}

/** A descent's path: the points visited (the start first) and f at each. */
export interface DescentPath {
  points: [number, number][];
  values: number[];
}

/**
 * The book's gradient_descent(f, init_x, lr, step_num) (§4.4.1): step_num times, x ← x - lr·∇f(x)
 * with the numerical gradient, the update taken by the engine's SGD. From (-3, 4) on f2, lr 0.1
 * for 100 steps ends near the origin; lr 10 diverges; lr 1e-10 barely moves.
 */
export function gradientDescent(
  f: (x: ArrayLike<number>) => number,
  initX: ArrayLike<number>,
  lr = 0.01,
  stepNum = 100,
): DescentPath {
  const x = Float64Array.from(initX);
  const sgd = new SGD({ lr, backend: float64Backend });
  const points: [number, number][] = [[x[0], x[1]]];
  const values = [f(x)];
  for (let i = 0; i < stepNum; i++) {
    sgd.update({ x }, { x: numericalGradient(f, x) });
    points.push([x[0], x[1]]);
    values.push(f(x));
  }
  return { points, values };
}
