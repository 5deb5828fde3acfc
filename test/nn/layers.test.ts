import { describe, expect, it } from 'vitest';
import {
  Affine,
  BatchNormalization,
  Dropout,
  IdentityWithLoss,
  Relu,
  Rng,
  Sigmoid,
  SoftmaxWithLoss,
  SparseAffine,
  Tanh,
  float64Backend,
  numericalGradient,
  type Layer,
  type Matrix,
} from '../../src/nn';

const backend = float64Backend;
/** Backprop vs central difference: float64, h = 1e-5, so agreement to ~1e-8 is expected. */
const TOL = 1e-7;

function randomMatrix(rng: Rng, rows: number, cols: number, scale = 1): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = scale * rng.normal();
  return { rows, cols, data };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * Checks one layer: with L = Σ y ⊙ r for a fixed random r, backward(r) must equal dL/dx numerically,
 * and each listed parameter gradient must equal dL/dparam numerically.
 */
function checkLayer(
  layer: Layer,
  x: Matrix,
  params: { value: Float64Array; grad: () => ArrayLike<number> }[],
  rng: Rng,
): void {
  const y0 = layer.forward(x, true);
  const r = randomMatrix(rng, y0.rows, y0.cols);
  const L = (): number => {
    const y = layer.forward(x, true);
    let s = 0;
    for (let i = 0; i < y.rows * y.cols; i++) s += y.data[i] * r.data[i];
    return s;
  };
  L();
  const dx = Float64Array.from(layer.backward(r).data.subarray(0, x.rows * x.cols));
  const grads = params.map((p) => Float64Array.from(p.grad()));
  expect(maxAbsDiff(dx, numericalGradient(L, x.data, 1e-5))).toBeLessThan(TOL);
  params.forEach((p, i) =>
    expect(maxAbsDiff(grads[i], numericalGradient(L, p.value, 1e-5))).toBeLessThan(TOL),
  );
}

describe('each layer alone: backprop matches the numerical gradient (float64, max |diff| < 1e-7)', () => {
  it('Affine: dx, dW, db', () => {
    const rng = new Rng(1);
    const W = randomMatrix(rng, 5, 4).data as Float64Array;
    const b = randomMatrix(rng, 1, 4).data as Float64Array;
    const dW = new Float64Array(20);
    const db = new Float64Array(4);
    const layer = new Affine('Affine1', { W: { rows: 5, cols: 4, data: W }, b, dW, db }, backend);
    checkLayer(
      layer,
      randomMatrix(rng, 3, 5),
      [
        { value: W, grad: () => dW },
        { value: b, grad: () => db },
      ],
      rng,
    );
  });

  for (const [name, Layer] of [
    ['Relu', Relu],
    ['Sigmoid', Sigmoid],
    ['Tanh', Tanh],
  ] as const) {
    it(`${name}: dx`, () => {
      const rng = new Rng(2);
      checkLayer(new Layer(name, backend), randomMatrix(rng, 4, 6), [], rng);
    });
  }

  it('Dropout with a frozen mask: dx, and the mask really drops about ratio of the units', () => {
    const rng = new Rng(3);
    const layer = new Dropout('Dropout1', 0.4, new Rng(9), backend);
    const x = randomMatrix(rng, 20, 50); // no exact zeros: a zero output is a dropped unit
    const y = Array.from(layer.forward(x, true).data.subarray(0, 1000));
    layer.frozen = true;
    const dropped = y.filter((v) => v === 0).length;
    expect(dropped / 1000).toBeGreaterThan(0.33);
    expect(dropped / 1000).toBeLessThan(0.47);
    checkLayer(layer, randomMatrix(rng, 20, 50), [], rng);
  });

  it('BatchNormalization: dx, dgamma, dbeta', () => {
    const rng = new Rng(4);
    const M = 5;
    const gamma = randomMatrix(rng, 1, M).data as Float64Array;
    const beta = randomMatrix(rng, 1, M).data as Float64Array;
    const dgamma = new Float64Array(M);
    const dbeta = new Float64Array(M);
    const layer = new BatchNormalization(
      'BatchNorm1',
      { gamma, beta, dgamma, dbeta, runningMean: new Float64Array(M), runningVar: new Float64Array(M) },
      backend,
    );
    checkLayer(
      layer,
      randomMatrix(rng, 6, M, 3),
      [
        { value: gamma, grad: () => dgamma },
        { value: beta, grad: () => dbeta },
      ],
      rng,
    );
  });

  for (const [name, make] of [
    ['SoftmaxWithLoss', () => new SoftmaxWithLoss(backend)],
    ['IdentityWithLoss', () => new IdentityWithLoss(backend)],
  ] as const) {
    it(`${name}: dx for label and one-hot targets`, () => {
      const rng = new Rng(5);
      const x = randomMatrix(rng, 4, 10, 2);
      const labels = Uint8Array.from([3, 0, 9, 3]);
      const oneHot = new Float64Array(40);
      labels.forEach((l, i) => (oneHot[i * 10 + l] = 1));
      for (const t of [labels, oneHot]) {
        const layer = make();
        layer.forward(x, t);
        const dx = Float64Array.from(layer.backward().data.subarray(0, 40));
        expect(
          maxAbsDiff(
            dx,
            numericalGradient(() => layer.forward(x, t), x.data, 1e-5),
          ),
        ).toBeLessThan(TOL);
      }
    });
  }
});

describe('SparseAffine (the first layer on a sparse CSR batch)', () => {
  it('gives the same output, dW and db as Affine on the dense input', () => {
    const rng = new Rng(6);
    const D = 12;
    const M = 3;
    const N = 4;
    const x = randomMatrix(rng, N, D);
    for (let i = 0; i < x.data.length; i++) if (rng.next() < 0.7) x.data[i] = 0;
    // Float32 values: round the dense copy the same way so both see identical inputs.
    for (let i = 0; i < x.data.length; i++) x.data[i] = Math.fround(x.data[i]);
    const csr = backend.alloc.csr(N, N * D);
    let e = 0;
    for (let i = 0; i < N; i++) {
      csr.rowPtr[i] = e;
      for (let p = 0; p < D; p++)
        if (x.data[i * D + p] !== 0) {
          csr.colIdx[e] = p;
          csr.values[e++] = x.data[i * D + p];
        }
    }
    csr.rowPtr[N] = e;
    csr.n = N;
    const W = randomMatrix(rng, D, M);
    const b = randomMatrix(rng, 1, M).data;
    const params = () => ({ W, b, dW: new Float64Array(D * M), db: new Float64Array(M) });
    const dense = new Affine('Affine1', params(), backend);
    const sparse = new SparseAffine('Affine1', params(), backend);
    const yd = dense.forward(x);
    const ys = sparse.forward(csr);
    expect(maxAbsDiff(yd.data.subarray(0, N * M), ys.data.subarray(0, N * M))).toBeLessThan(1e-12);
    const dout = randomMatrix(rng, N, M);
    dense.backward(dout);
    sparse.backward(dout);
    expect(maxAbsDiff(dense.dW, sparse.dW)).toBeLessThan(1e-12);
    expect(maxAbsDiff(dense.db, sparse.db)).toBeLessThan(1e-12);
    // A network's dense first Affine skips dx (nothing is below it) but fills the same dW and db.
    const first = new Affine('Affine1', params(), backend, { computeDx: false });
    first.forward(x);
    expect(first.backward(dout).cols).toBe(0);
    expect(maxAbsDiff(first.dW, dense.dW)).toBe(0);
    expect(maxAbsDiff(first.db, dense.db)).toBe(0);
  });
});

describe('SoftmaxWithLoss', () => {
  it("is stable for the book's [1010, 1000, 990] (no overflow) and matches the shifted softmax", () => {
    const layer = new SoftmaxWithLoss(backend);
    const x = { rows: 1, cols: 3, data: Float64Array.from([1010, 1000, 990]) };
    const loss = layer.forward(x, Uint8Array.from([0]));
    const y = Array.from(layer.y.data.subarray(0, 3));
    const e = [1, Math.exp(-10), Math.exp(-20)];
    const s = e[0] + e[1] + e[2];
    y.forEach((v, i) => expect(v).toBeCloseTo(e[i] / s, 15));
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo(Math.log(s), 12);
  });

  it('stays finite on a big batch of huge scores, including a target with probability ~0', () => {
    const rng = new Rng(7);
    const N = 1000;
    const x = randomMatrix(rng, N, 10, 500);
    const t = new Uint8Array(N);
    for (let i = 0; i < N; i++) t[i] = rng.int(10);
    const layer = new SoftmaxWithLoss(backend);
    const loss = layer.forward(x, t);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(100); // many rows put ~0 probability on their target
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let j = 0; j < 10; j++) s += layer.y.data[i * 10 + j];
      expect(s).toBeCloseTo(1, 12);
    }
  });

  it('cross-entropy with label indices equals cross-entropy with one-hot rows, and so do the gradients', () => {
    const rng = new Rng(8);
    const x = randomMatrix(rng, 50, 10, 3);
    const labels = new Int32Array(50);
    const oneHot = new Float64Array(500);
    for (let i = 0; i < 50; i++) oneHot[i * 10 + (labels[i] = rng.int(10))] = 1;
    const a = new SoftmaxWithLoss(backend);
    const b = new SoftmaxWithLoss(backend);
    expect(a.forward(x, labels)).toBeCloseTo(b.forward(x, oneHot), 14);
    expect(maxAbsDiff(a.backward().data, b.backward().data)).toBeLessThan(1e-16);
    // and both equal the textbook definition -Σ log y_t / N
    let ce = 0;
    for (let i = 0; i < 50; i++) ce -= Math.log(a.y.data[i * 10 + labels[i]]);
    expect(a.forward(x, labels)).toBeCloseTo(ce / 50, 12);
  });
});

describe('IdentityWithLoss', () => {
  it('is 0.5 · Σ (y - t)² / N', () => {
    const layer = new IdentityWithLoss(backend);
    const x = { rows: 2, cols: 2, data: Float64Array.from([1, 2, 3, 4]) };
    expect(layer.forward(x, Float64Array.from([0, 2, 1, 1]))).toBeCloseTo((0.5 * (1 + 0 + 4 + 9)) / 2, 14);
    expect(Array.from(layer.backward().data)).toEqual([0.5, 0, 1, 1.5]);
  });
});

describe('train vs inference behaviour', () => {
  it('Dropout: training zeroes about ratio of units and scales the rest by 1/(1-ratio); inference is identity', () => {
    const layer = new Dropout('Dropout1', 0.5, new Rng(10), backend);
    const x = { rows: 100, cols: 100, data: new Float64Array(10_000).fill(1) };
    const train = Array.from(layer.forward(x, true).data);
    expect(new Set(train)).toEqual(new Set([0, 2]));
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    expect(mean).toBeGreaterThan(0.95);
    expect(mean).toBeLessThan(1.05);
    expect(Array.from(layer.forward(x, false).data).every((v) => v === 1)).toBe(true);
  });

  it('BatchNormalization: training normalises by batch statistics; inference uses the running averages', () => {
    const M = 3;
    const gamma = new Float64Array(M).fill(1);
    const runningMean = new Float64Array(M);
    const runningVar = new Float64Array(M);
    const layer = new BatchNormalization(
      'BatchNorm1',
      {
        gamma,
        beta: new Float64Array(M),
        dgamma: new Float64Array(M),
        dbeta: new Float64Array(M),
        runningMean,
        runningVar,
      },
      backend,
    );
    const rng = new Rng(11);
    const x = randomMatrix(rng, 200, M, 4);
    for (let i = 0; i < x.data.length; i++) x.data[i] += 10;
    const y = layer.forward(x, true);
    for (let j = 0; j < M; j++) {
      let mu = 0;
      let sq = 0;
      for (let i = 0; i < 200; i++) {
        mu += y.data[i * M + j];
        sq += y.data[i * M + j] ** 2;
      }
      expect(mu / 200).toBeCloseTo(0, 10);
      expect(sq / 200).toBeCloseTo(1, 5);
    }
    // After one step with momentum 0.9 from 0, the running mean is 0.1 · batch mean (≈ 1).
    expect(runningMean[0]).toBeGreaterThan(0.9);
    expect(runningMean[0]).toBeLessThan(1.1);
    for (let k = 0; k < 200; k++) layer.forward(x, true);
    // The running stats have converged, so inference on the same batch ≈ training output.
    const yTrain = Float64Array.from(layer.forward(x, true).data);
    const yInfer = layer.forward(x, false).data;
    expect(maxAbsDiff(yTrain, yInfer)).toBeLessThan(1e-3);
    // A single row in inference mode is normalised by the running stats, not by itself.
    const one = layer.forward({ rows: 1, cols: M, data: x.data.slice(0, M) }, false);
    expect(Math.abs(one.data[0] - yTrain[0])).toBeLessThan(1e-3);
  });
});
