/** The book's toys, Chapter 3: activation functions, shapes and np.dot, the three-layer network, softmax. (See ./index.ts.) */
import { float64Backend } from '../backend';
import { Affine } from '../layers/Affine';
import { ACTIVATION_LAYERS, Sigmoid, type ActivationName } from '../layers/activations';
import { softmaxRows } from '../layers/SoftmaxWithLoss';
import type { Matrix } from '../tensor';

/** A row vector (1, n) over a float64 copy of `v` (the other chapters' toys use it too). */
export function row(v: ArrayLike<number>): Matrix {
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
