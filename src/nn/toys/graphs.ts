/**
 * The book's toys, Chapter 5 (§5.2–5.6): computational graphs, forward and then backward node by
 * node. The apple-and-orange shopping graph of §5.4.2 (ch05/buy_apple_orange.py) on the book's
 * MulLayer and AddLayer, and a tiny batch through the engine's own Affine → Relu →
 * SoftmaxWithLoss. Every pass records each edge's forward value and, per backward step, the
 * gradient arriving at the node, each input's local gradient and the product that flows on.
 * (See ./index.ts.)
 */
import { float64Backend } from '../backend';
import { Affine } from '../layers/Affine';
import { Relu } from '../layers/activations';
import { SoftmaxWithLoss } from '../layers/SoftmaxWithLoss';
import type { Matrix } from '../tensor';
import { initNetwork } from './ch03';
import { AddLayer, MulLayer } from './layer-naive';

/** A value on an edge: a float64 matrix (a scalar is 1×1). */
export interface GraphValue extends Matrix {
  data: Float64Array;
}

/** How an input's local gradient is formed (the words beside it name the rule). */
export type LocalRule =
  | 'mulOther' // × node: ∂(xy)/∂x = y, the other input
  | 'add' // + node: ∂(x+y)/∂x = 1
  | 'softmaxWithLoss' // (y − t) / N
  | 'reluMask' // 1 where the forward input was > 0, else 0
  | 'affineX' // dx = dout · Wᵀ
  | 'affineW' // dW = xᵀ · dout
  | 'affineB'; // db = Σ over the batch of dout

/** One input of a node in a backward step. */
export interface BackwardInput {
  /** The edge the gradient flows into. */
  edge: string;
  rule: LocalRule;
  /** The local gradient where it is a value (the other input, the mask, Wᵀ, xᵀ); null for 1 and Σ. */
  local: GraphValue | null;
  /** The product flowing back along the edge: dL/d(edge). */
  grad: GraphValue;
}

/** One node's backward step: the gradient arriving at its output and what it sends to its inputs. */
export interface BackwardStep {
  node: string;
  /** The edge the gradient arrives on (the node's output). */
  outEdge: string;
  dout: GraphValue;
  inputs: BackwardInput[];
}

/** A graph's forward values by edge, its backward steps in order, and every edge's gradient. */
export interface GraphPass {
  forward: Record<string, GraphValue>;
  steps: BackwardStep[];
  grads: Record<string, GraphValue>;
}

/** A 1×1 value. */
function scalar(v: number): GraphValue {
  return { rows: 1, cols: 1, data: Float64Array.of(v) };
}

/** A float64 copy of the first rows·cols entries of m. */
function copy(m: Matrix): GraphValue {
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data.subarray(0, m.rows * m.cols)) };
}

/** mᵀ. */
function transpose(m: Matrix): GraphValue {
  const out = new Float64Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++)
    for (let j = 0; j < m.cols; j++) out[j * m.rows + i] = m.data[i * m.cols + j];
  return { rows: m.cols, cols: m.rows, data: out };
}

// ---------------------------------------------------------------- §5.4.2 the shopping graph

/** The inputs of the shopping graph: 2 apples at 100, 3 oranges at 150, tax 1.1. */
export interface ShoppingInputs {
  apple: number;
  appleNum: number;
  orange: number;
  orangeNum: number;
  tax: number;
}

/** The book's values (§5.4.2): the price is 715. */
export const BOOK_SHOPPING: Readonly<ShoppingInputs> = {
  apple: 100,
  appleNum: 2,
  orange: 150,
  orangeNum: 3,
  tax: 1.1,
};

/** The edges of the shopping graph, inputs first. */
export const SHOPPING_EDGES = [
  'apple',
  'appleNum',
  'orange',
  'orangeNum',
  'tax',
  'applePrice',
  'orangePrice',
  'allPrice',
  'price',
] as const;
export type ShoppingEdge = (typeof SHOPPING_EDGES)[number];

/**
 * buy_apple_orange.py: apple_price = apple × apple_num, orange_price = orange × orange_num,
 * all_price = apple_price + orange_price, price = all_price × tax; then backward from dprice = 1
 * through mul_tax, add, mul_orange, mul_apple. The book's values give price 715 and
 * d apple 2.2, d apple_num 110, d orange 3.3, d orange_num 165, d tax 650.
 */
export function shoppingGraph(inputs: ShoppingInputs = BOOK_SHOPPING): GraphPass {
  const mulApple = new MulLayer();
  const mulOrange = new MulLayer();
  const add = new AddLayer();
  const mulTax = new MulLayer();
  const { apple, appleNum, orange, orangeNum, tax } = inputs;
  const applePrice = mulApple.forward(apple, appleNum);
  const orangePrice = mulOrange.forward(orange, orangeNum);
  const allPrice = add.forward(applePrice, orangePrice);
  const price = mulTax.forward(allPrice, tax);

  const dprice = 1;
  const [dallPrice, dtax] = mulTax.backward(dprice);
  const [dapplePrice, dorangePrice] = add.backward(dallPrice);
  const [dorange, dorangeNum] = mulOrange.backward(dorangePrice);
  const [dapple, dappleNum] = mulApple.backward(dapplePrice);

  const forward: Record<ShoppingEdge, number> = {
    apple,
    appleNum,
    orange,
    orangeNum,
    tax,
    applePrice,
    orangePrice,
    allPrice,
    price,
  };
  const grads: Record<ShoppingEdge, number> = {
    apple: dapple,
    appleNum: dappleNum,
    orange: dorange,
    orangeNum: dorangeNum,
    tax: dtax,
    applePrice: dapplePrice,
    orangePrice: dorangePrice,
    allPrice: dallPrice,
    price: dprice,
  };
  const mul = (edge: ShoppingEdge, other: ShoppingEdge): BackwardInput => ({
    edge,
    rule: 'mulOther',
    local: scalar(forward[other]),
    grad: scalar(grads[edge]),
  });
  const plus = (edge: ShoppingEdge): BackwardInput => ({
    edge,
    rule: 'add',
    local: null,
    grad: scalar(grads[edge]),
  });
  const steps: BackwardStep[] = [
    {
      node: 'mulTax',
      outEdge: 'price',
      dout: scalar(dprice),
      inputs: [mul('allPrice', 'tax'), mul('tax', 'allPrice')],
    },
    {
      node: 'add',
      outEdge: 'allPrice',
      dout: scalar(dallPrice),
      inputs: [plus('applePrice'), plus('orangePrice')],
    },
    {
      node: 'mulOrange',
      outEdge: 'orangePrice',
      dout: scalar(dorangePrice),
      inputs: [mul('orange', 'orangeNum'), mul('orangeNum', 'orange')],
    },
    {
      node: 'mulApple',
      outEdge: 'applePrice',
      dout: scalar(dapplePrice),
      inputs: [mul('apple', 'appleNum'), mul('appleNum', 'apple')],
    },
  ];
  const asValues = (r: Record<ShoppingEdge, number>) =>
    Object.fromEntries(SHOPPING_EDGES.map((e) => [e, scalar(r[e])])) as Record<ShoppingEdge, GraphValue>;
  return { forward: asValues(forward), steps, grads: asValues(grads) };
}

// ---------------------------------------------------------------- §5.6 Affine → ReLU → SoftmaxWithLoss

/** A tiny batch for the layer graph: x (N, D), W (D, M), b (M) and N labels in 0..M-1. */
export interface LayerGraphInputs {
  x: number[][];
  W: number[][];
  b: number[];
  labels: number[];
}

/**
 * The default batch: two rows of two features into three classes, with the book's W1 and b1 of
 * §3.4.3, so the first row is the book's x = [1.0, 0.5] and its Affine output the book's
 * A1 = [0.3, 0.7, 1.1]; the second row makes two of ReLU's inputs negative.
 */
export function bookLayerGraph(): LayerGraphInputs {
  const { W1, b1 } = initNetwork();
  return {
    x: [
      [1.0, 0.5],
      [-1.0, 0.2],
    ],
    W: [W1.slice(0, 3), W1.slice(3, 6)],
    b: b1,
    labels: [2, 0],
  };
}

/** The edges of the layer graph. */
export const LAYER_EDGES = ['x', 'W', 'b', 'a', 'r', 'L'] as const;
export type LayerEdge = (typeof LAYER_EDGES)[number];

/**
 * a = Affine(x; W, b), r = Relu(a), L = SoftmaxWithLoss(r, t), by the engine's own layers in
 * float64; then backward from dL = 1: SoftmaxWithLoss gives (y − t)/N, Relu masks it, Affine
 * gives dx, dW and db. `forward` also holds y, the softmax probabilities.
 */
export function layerGraph(inputs: LayerGraphInputs): GraphPass {
  const N = inputs.x.length;
  const D = inputs.W.length;
  const M = inputs.b.length;
  const x: GraphValue = { rows: N, cols: D, data: Float64Array.from(inputs.x.flat()) };
  const W: GraphValue = { rows: D, cols: M, data: Float64Array.from(inputs.W.flat()) };
  const b: GraphValue = { rows: 1, cols: M, data: Float64Array.from(inputs.b) };
  const labels = Int32Array.from(inputs.labels);
  const affine = new Affine(
    'Affine1',
    {
      W: { rows: D, cols: M, data: W.data.slice() },
      b: b.data.slice(),
      dW: new Float64Array(D * M),
      db: new Float64Array(M),
    },
    float64Backend,
  );
  const relu = new Relu('Relu1', float64Backend);
  const last = new SoftmaxWithLoss(float64Backend);
  const a = copy(affine.forward(x, true));
  const r = copy(relu.forward(a, true));
  const L = scalar(last.forward(r, labels));
  const y = copy(last.y);

  const dr = copy(last.backward());
  const da = copy(relu.backward(dr));
  const dx = copy(affine.backward(da));
  const dW: GraphValue = { rows: D, cols: M, data: Float64Array.from(affine.dW) };
  const db: GraphValue = { rows: 1, cols: M, data: Float64Array.from(affine.db) };
  const mask: GraphValue = { rows: N, cols: M, data: a.data.map((v) => (v > 0 ? 1 : 0)) };

  const steps: BackwardStep[] = [
    {
      node: 'softmaxWithLoss',
      outEdge: 'L',
      dout: scalar(1),
      inputs: [{ edge: 'r', rule: 'softmaxWithLoss', local: null, grad: dr }],
    },
    {
      node: 'relu',
      outEdge: 'r',
      dout: dr,
      inputs: [{ edge: 'a', rule: 'reluMask', local: mask, grad: da }],
    },
    {
      node: 'affine',
      outEdge: 'a',
      dout: da,
      inputs: [
        { edge: 'x', rule: 'affineX', local: transpose(W), grad: dx },
        { edge: 'W', rule: 'affineW', local: transpose(x), grad: dW },
        { edge: 'b', rule: 'affineB', local: null, grad: db },
      ],
    },
  ];
  return {
    forward: { x, W, b, a, r, L, y },
    steps,
    grads: { x: dx, W: dW, b: db, a: da, r: dr, L: scalar(1) },
  };
}
