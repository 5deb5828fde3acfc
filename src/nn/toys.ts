/**
 * The book's small examples of chapters 3 to 6, for the Labs view: the functions it plots, the
 * three-layer toy network with its printed weights, the losses on one output, numerical
 * differentiation, gradient descent and the optimizer race. Each one runs through the engine's
 * own layers, losses, `numericalGradient` and optimizers (in float64) wherever the engine has
 * them, so what a lab shows is what the trainer computes.
 *
 * Book names → ours: step_function → stepFunction, function_1 → f1, function_2 → f2, ch06's
 * `f` / `df` (x²/20 + y²) → f3 / df3, numerical_diff → numericalDiff, gradient_descent →
 * gradientDescent, init_network / forward (§3.4.3) → initNetwork / forwardNetwork,
 * mean_squared_error / cross_entropy_error (§4.2) → meanSquaredError / crossEntropyError.
 */
import { float64Backend } from './backend';
import { Affine } from './layers/Affine';
import { ACTIVATION_LAYERS, Sigmoid, type ActivationName } from './layers/activations';
import { IdentityWithLoss } from './layers/IdentityWithLoss';
import { softmaxRows } from './layers/SoftmaxWithLoss';
import { numericalGradient } from './gradient';
import { fillNormal, initScale, type InitName } from './init';
import { SGD, createOptimizer, type OptimizerName, type OptimizerOptions } from './optimizers';
import type { Network } from './network';
import type { Rng } from './rng';
import type { Matrix, NetInput, Targets } from './tensor';

/** A row vector (1, n) over a float64 copy of `v`. */
function row(v: ArrayLike<number>): Matrix {
  return { rows: 1, cols: v.length, data: Float64Array.from(v) };
}

// ---------------------------------------------------------------- §3.2 activation functions

/** The step function of §3.2.2: 1 where x > 0, else 0. Its derivative is 0 wherever it exists. */
export function stepFunction(x: number): number {
  return x > 0 ? 1 : 0;
}

/** The curves a lab plots: an activation and its derivative. */
export type CurveName = 'step' | ActivationName;

/** The activations the Activations lab draws, the step function first. */
export const CURVES: readonly CurveName[] = ['step', 'sigmoid', 'tanh', 'relu'];

/**
 * y = f(x) and dy/dx for every x, through the engine's activation layer (forward, then backward
 * with dout = 1); the step function is computed here (its derivative is 0, undefined at x = 0).
 */
export function activationCurve(
  name: CurveName,
  xs: ArrayLike<number>,
): { y: Float64Array; dydx: Float64Array } {
  if (name === 'step') {
    const y = Float64Array.from(xs, stepFunction);
    return { y, dydx: new Float64Array(xs.length) };
  }
  const layer = new ACTIVATION_LAYERS[name](name, float64Backend);
  const y = Float64Array.from(layer.forward(row(xs), false).data);
  const dydx = Float64Array.from(layer.backward(row(new Float64Array(xs.length).fill(1))).data);
  return { y, dydx };
}

/** The book's sigmoid(x) for an array, by the engine's Sigmoid layer: sigmoid([-1, 1, 2]) = [0.2689, 0.7311, 0.8808]. */
export function sigmoid(xs: ArrayLike<number>): Float64Array {
  return activationCurve('sigmoid', xs).y;
}

// ---------------------------------------------------------------- §3.3 shapes and np.dot

/** A matrix shape (rows, columns); a vector of n is (1, n) here, as np.dot treats x·W. */
export type Shape = readonly [number, number];

/** Whether A·B is defined: the result's shape, or the two inner sizes that differ. */
export type DotShape = { ok: true; shape: Shape } | { ok: false; inner: readonly [number, number] };

/** The shape rule of §3.3.2: (a, b)·(c, d) needs b = c and gives (a, d); (2,3)·(2,2) fails on 3 ≠ 2. */
export function dotShape(a: Shape, b: Shape): DotShape {
  return a[1] === b[0] ? { ok: true, shape: [a[0], b[1]] } : { ok: false, inner: [a[1], b[0]] };
}

// ---------------------------------------------------------------- §3.4.3 the three-layer network

/** The toy network's parameters: W1 (2,3), b1 (3), W2 (3,2), b2 (2), W3 (2,2), b3 (2), row-major. */
export interface ToyNetwork {
  W1: number[];
  b1: number[];
  W2: number[];
  b2: number[];
  W3: number[];
  b3: number[];
}

/** The shapes of the toy network's parameters, for display. */
export const TOY_NETWORK_SHAPES: Record<keyof ToyNetwork, Shape> = {
  W1: [2, 3],
  b1: [1, 3],
  W2: [3, 2],
  b2: [1, 2],
  W3: [2, 2],
  b3: [1, 2],
};

/** The book's init_network() with its printed weights (§3.4.3). */
export function initNetwork(): ToyNetwork {
  return {
    W1: [0.1, 0.3, 0.5, 0.2, 0.4, 0.6],
    b1: [0.1, 0.2, 0.3],
    W2: [0.1, 0.4, 0.2, 0.5, 0.3, 0.6],
    b2: [0.1, 0.2],
    W3: [0.1, 0.3, 0.2, 0.4],
    b3: [0.1, 0.2],
  };
}

/** Every intermediate of the toy network's forward pass (each a row vector). */
export interface ToyForward {
  A1: Float64Array;
  Z1: Float64Array;
  A2: Float64Array;
  Z2: Float64Array;
  A3: Float64Array;
  y: Float64Array;
}

/**
 * The book's forward(network, x): A1 = x·W1 + b1, Z1 = sigmoid(A1), A2 = Z1·W2 + b2,
 * Z2 = sigmoid(A2), A3 = Z2·W3 + b3, y = identity(A3), with the engine's Affine and Sigmoid.
 * From x = [1.0, 0.5]: A1 = [0.3, 0.7, 1.1], Z1 = [0.5744, 0.6682, 0.7503], y = [0.3168, 0.6963].
 */
export function forwardNetwork(net: ToyNetwork, x: ArrayLike<number>): ToyForward {
  const affine = (name: string, W: number[], b: number[], D: number, M: number) =>
    new Affine(
      name,
      {
        W: { rows: D, cols: M, data: Float64Array.from(W) },
        b: Float64Array.from(b),
        dW: new Float64Array(D * M),
        db: new Float64Array(M),
      },
      float64Backend,
    );
  const step = (layer: { forward(x: Matrix, train: boolean): Matrix }, input: Float64Array) =>
    Float64Array.from(layer.forward(row(input), false).data);
  const A1 = step(affine('Affine1', net.W1, net.b1, 2, 3), Float64Array.from(x));
  const Z1 = step(new Sigmoid('Sigmoid1', float64Backend), A1);
  const A2 = step(affine('Affine2', net.W2, net.b2, 3, 2), Z1);
  const Z2 = step(new Sigmoid('Sigmoid2', float64Backend), A2);
  const A3 = step(affine('Affine3', net.W3, net.b3, 2, 2), Z2);
  return { A1, Z1, A2, Z2, A3, y: A3.slice() };
}

// ---------------------------------------------------------------- §3.5 softmax

/**
 * The book's first softmax, exp(a) / Σ exp(a), without the max subtraction: it overflows for
 * large logits (softmax([1010, 1000, 990]) is [NaN, NaN, NaN]). Shown only to show why not.
 */
export function naiveSoftmax(a: ArrayLike<number>, temperature = 1): Float64Array {
  const e = Float64Array.from(a, (v) => Math.exp(v / temperature));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/**
 * softmax(a / T) by the engine's softmaxRows (max subtracted first, §3.5.2), with temperature T
 * (1 = the book's softmax): softmax([0.3, 2.9, 4.0]) = [0.0182, 0.2452, 0.7366].
 */
export function softmax(a: ArrayLike<number>, temperature = 1): Float64Array {
  const x = Float64Array.from(a, (v) => v / temperature);
  const y = new Float64Array(x.length);
  softmaxRows(x, y, 1, x.length);
  return y;
}

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
