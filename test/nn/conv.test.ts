/**
 * Convolution and Pooling (book §7.4) and the book's SimpleConvNet / DeepConvNet:
 * - the im2col convolution against a direct nested-loop convolution (float64, 1e-12), with stride and pad;
 * - each layer alone gradient-checked (central differences of L = Σ out ⊙ R, float64) for x, W and b,
 *   with strides and paddings, and a pooling layer with overlapping windows and padding;
 * - whole small SimpleConvNets (with batch norm, dropout, weight decay) gradient-checked like the MLPs;
 * - DeepConvNet's shapes and parameter count as the book builds it, and a sample of its gradients;
 * (the WebAssembly conv kernels against the TypeScript references: conv-kernels.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  Convolution,
  Pooling,
  Rng,
  createNetwork,
  float64Backend,
  gradientCheck,
  numericalGradient,
  type Matrix,
  type NetInput,
  type NetworkSpec,
} from '../../src/nn';

function randoms(n: number, rng: Rng, scale = 1): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = (rng.next() * 2 - 1) * scale;
  return a;
}

/** The definition: out[n,f,oy,ox] = b[f] + Σ_c,fy,fx W[f,c,fy,fx] · xpad[n,c,oy·s+fy,ox·s+fx]. */
function directConv(
  x: Float64Array,
  W: Float64Array,
  b: Float64Array,
  N: number,
  C: number,
  H: number,
  Wd: number,
  FN: number,
  F: number,
  s: number,
  pad: number,
): { out: Float64Array; OH: number; OW: number } {
  const OH = Math.floor((H + 2 * pad - F) / s) + 1;
  const OW = Math.floor((Wd + 2 * pad - F) / s) + 1;
  const out = new Float64Array(N * FN * OH * OW);
  for (let n = 0; n < N; n++)
    for (let f = 0; f < FN; f++)
      for (let oy = 0; oy < OH; oy++)
        for (let ox = 0; ox < OW; ox++) {
          let sum = b[f];
          for (let c = 0; c < C; c++)
            for (let fy = 0; fy < F; fy++)
              for (let fx = 0; fx < F; fx++) {
                const y = oy * s + fy - pad;
                const xx = ox * s + fx - pad;
                if (y < 0 || y >= H || xx < 0 || xx >= Wd) continue;
                sum += W[((f * C + c) * F + fy) * F + fx] * x[((n * C + c) * H + y) * Wd + xx];
              }
          out[((n * FN + f) * OH + oy) * OW + ox] = sum;
        }
  return { out, OH, OW };
}

const CONV_CASES: [
  string,
  { N: number; C: number; H: number; W: number; FN: number; F: number; s: number; pad: number },
][] = [
  ['5x5, stride 1, pad 0 (SimpleConvNet)', { N: 2, C: 1, H: 12, W: 12, FN: 3, F: 5, s: 1, pad: 0 }],
  ['3x3, stride 1, pad 1, 2 channels', { N: 2, C: 2, H: 7, W: 6, FN: 4, F: 3, s: 1, pad: 1 }],
  ['3x3, stride 2, pad 2', { N: 3, C: 2, H: 9, W: 8, FN: 2, F: 3, s: 2, pad: 2 }],
  ['4x4, stride 3, pad 1', { N: 1, C: 3, H: 10, W: 11, FN: 5, F: 4, s: 3, pad: 1 }],
];

function convLayer(c: (typeof CONV_CASES)[number][1], rng: Rng, computeDx = true): Convolution {
  const K = c.C * c.F * c.F;
  const params = {
    W: randoms(c.FN * K, rng),
    b: randoms(c.FN, rng),
    dW: new Float64Array(c.FN * K),
    db: new Float64Array(c.FN),
  };
  return new Convolution(
    'Conv1',
    params,
    { C: c.C, H: c.H, W: c.W },
    { FN: c.FN, FH: c.F, FW: c.F, stride: c.s, pad: c.pad },
    float64Backend,
    { computeDx },
  );
}

/** Checks a layer's backward against central differences of L(x, θ) = Σ forward(x) ⊙ R. */
function checkLayer(
  layer: { forward(x: Matrix, t: boolean): Matrix; backward(d: Matrix): Matrix },
  x: Matrix,
  rng: Rng,
  params: [string, Float64Array, Float64Array][],
): void {
  const y0 = layer.forward(x, true);
  const R = randoms(y0.rows * y0.cols, rng);
  const L = (): number => {
    const y = layer.forward(x, true);
    let s = 0;
    for (let i = 0; i < R.length; i++) s += y.data[i] * R[i];
    return s;
  };
  L();
  const dx = Float64Array.from(
    layer.backward({ rows: y0.rows, cols: y0.cols, data: R }).data.subarray(0, x.rows * x.cols),
  );
  const grads = params.map(([, , g]) => Float64Array.from(g));
  const numX = numericalGradient(L, x.data);
  let maxDx = 0;
  for (let i = 0; i < numX.length; i++) maxDx = Math.max(maxDx, Math.abs(numX[i] - dx[i]));
  expect(maxDx, 'dx').toBeLessThan(1e-7);
  expect(dx.some((v) => Math.abs(v) > 1e-3)).toBe(true);
  params.forEach(([name, p], k) => {
    const num = numericalGradient(L, p);
    let max = 0;
    for (let i = 0; i < num.length; i++) max = Math.max(max, Math.abs(num[i] - grads[k][i]));
    expect(max, name).toBeLessThan(1e-7);
    expect(
      grads[k].some((v) => Math.abs(v) > 1e-3),
      name,
    ).toBe(true);
  });
}

describe('Convolution (im2col) against a direct convolution', () => {
  for (const [name, c] of CONV_CASES) {
    it(name, () => {
      const rng = new Rng(5, 1);
      const conv = convLayer(c, rng);
      const x = randoms(c.N * c.C * c.H * c.W, rng);
      const y = conv.forward({ rows: c.N, cols: c.C * c.H * c.W, data: x }, false);
      const want = directConv(
        x,
        conv.W as Float64Array,
        conv.b as Float64Array,
        c.N,
        c.C,
        c.H,
        c.W,
        c.FN,
        c.F,
        c.s,
        c.pad,
      );
      expect([conv.output.H, conv.output.W]).toEqual([want.OH, want.OW]);
      expect(y.cols).toBe(c.FN * want.OH * want.OW);
      let err = 0;
      for (let i = 0; i < want.out.length; i++) err = Math.max(err, Math.abs(y.data[i] - want.out[i]));
      expect(err).toBeLessThan(1e-12);
    });
  }
});

describe('gradient check of each layer alone (float64)', () => {
  for (const [name, c] of CONV_CASES) {
    it(`Convolution ${name}`, () => {
      const rng = new Rng(9, 2);
      const conv = convLayer(c, rng);
      const x = { rows: c.N, cols: c.C * c.H * c.W, data: randoms(c.N * c.C * c.H * c.W, rng) };
      checkLayer(conv, x, rng, [
        ['W', conv.W as Float64Array, conv.dW as Float64Array],
        ['b', conv.b as Float64Array, conv.db as Float64Array],
      ]);
    });
  }
  const POOLS: [string, { C: number; H: number; W: number; P: number; s: number; pad: number }][] = [
    ['2x2 stride 2 (SimpleConvNet)', { C: 3, H: 8, W: 6, P: 2, s: 2, pad: 0 }],
    ['3x3 stride 2, overlapping', { C: 2, H: 7, W: 9, P: 3, s: 2, pad: 0 }],
    ['2x2 stride 1, pad 1', { C: 2, H: 5, W: 4, P: 2, s: 1, pad: 1 }],
  ];
  for (const [name, p] of POOLS) {
    it(`Pooling ${name}`, () => {
      const rng = new Rng(11, 3);
      const pool = new Pooling(
        'Pool1',
        { C: p.C, H: p.H, W: p.W },
        { PH: p.P, PW: p.P, stride: p.s, pad: p.pad },
        float64Backend,
      );
      const N = 2;
      // Distinct values (no ties, so the maximum is differentiable), shifted so some windows are all negative.
      const x = randoms(N * p.C * p.H * p.W, rng).map((v) => v - 0.3);
      const m = { rows: N, cols: p.C * p.H * p.W, data: x };
      checkLayer(pool, m, rng, []);
      // Each output is the maximum of its window (padding counting as 0).
      const y = pool.forward(m, false);
      expect(y.cols).toBe(p.C * pool.output.H * pool.output.W);
      const OH = pool.output.H;
      const OW = pool.output.W;
      for (let c = 0; c < p.C; c++)
        for (let oy = 0; oy < OH; oy++)
          for (let ox = 0; ox < OW; ox++) {
            let best = -Infinity;
            for (let fy = 0; fy < p.P; fy++)
              for (let fx = 0; fx < p.P; fx++) {
                const yy = oy * p.s - p.pad + fy;
                const xx = ox * p.s - p.pad + fx;
                const inside = yy >= 0 && yy < p.H && xx >= 0 && xx < p.W;
                best = Math.max(best, inside ? x[(c * p.H + yy) * p.W + xx] : 0);
              }
            expect(y.data[(c * OH + oy) * OW + ox]).toBe(best);
          }
    });
  }
});

const SMALL: NetworkSpec = {
  arch: 'simple-convnet',
  inputSize: 100,
  hidden: [50],
  outputSize: 4,
  activation: 'relu',
  loss: 'softmax-cross-entropy',
  init: 'std',
  initStd: 0.3,
  batchNorm: false,
  dropout: 0,
  weightDecay: 'none',
  weightDecayLambda: 0,
  filters: 3,
  filterSize: 3,
  stride: 1,
  pad: 0,
  pool: 2,
  convHidden: 6,
};

function batch(seed: number, n: number, d: number): { x: NetInput; labels: Uint8Array } {
  const rng = new Rng(seed, 7);
  const data = new Float64Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = rng.next();
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) labels[i] = rng.int(4);
  return { x: { kind: 'dense', n, data }, labels };
}

describe('gradient check of whole SimpleConvNets (float64)', () => {
  const CASES: [string, Partial<NetworkSpec>][] = [
    ['conv 3x3 → pool 2 → 6 → 4', {}],
    ['stride 2, pad 1, he init', { stride: 2, pad: 1, init: 'he', filterSize: 4 }],
    ['batch normalization and dropout', { batchNorm: true, dropout: 0.3 }],
    ['L2 weight decay', { weightDecay: 'l2', weightDecayLambda: 0.1 }],
  ];
  for (const [name, override] of CASES) {
    it(name, () => {
      const spec = { ...SMALL, ...override };
      const net = createNetwork(spec, { backend: float64Backend, rng: new Rng(42) });
      const { x, labels } = batch(3, 3, spec.inputSize);
      const results = gradientCheck(net, x, labels);
      expect(results.map((r) => r.name).slice(0, 6)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
      for (const r of results) {
        expect(r.meanAbsDiff, r.name).toBeLessThan(1e-7);
        expect(r.maxAbsDiff, r.name).toBeLessThan(1e-5);
      }
      expect(net.grads.W1.some((g) => Math.abs(g) > 1e-6)).toBe(true);
    });
  }

  it('a sparse batch gives the same loss and gradients as the same images dense', () => {
    const net = createNetwork(SMALL, { backend: float64Backend, rng: new Rng(4) });
    const { x, labels } = batch(5, 3, SMALL.inputSize);
    const dense = (x as { data: Float64Array }).data.map((v) => (v < 0.5 ? 0 : v));
    const l1 = net.gradient({ kind: 'dense', n: 3, data: dense }, labels);
    const g1 = net.flatGrads().slice();
    const rowPtr = new Int32Array(4);
    const colIdx: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (let p = 0; p < 100; p++) {
        if (dense[i * 100 + p] !== 0) {
          colIdx.push(p);
          values.push(dense[i * 100 + p]);
        }
      }
      rowPtr[i + 1] = colIdx.length;
    }
    const csr = { n: 3, rowPtr, colIdx: Int32Array.from(colIdx), values: Float32Array.from(values) };
    const l2 = net.gradient({ kind: 'sparse', csr }, labels);
    // The CSR values are float32: compare at float32 precision.
    expect(l2).toBeCloseTo(l1, 5);
    const g2 = net.flatGrads();
    for (let i = 0; i < g1.length; i++) expect(g2[i]).toBeCloseTo(g1[i], 5);
  });
});

describe("the book's networks", () => {
  const BOOK: NetworkSpec = {
    ...SMALL,
    inputSize: 784,
    outputSize: 10,
    initStd: 0.01,
    filters: 30,
    filterSize: 5,
    convHidden: 100,
  };
  it('SimpleConvNet has the book shapes W1 (30,1,5,5) … W3 (100,10)', () => {
    const net = createNetwork(BOOK, { backend: float64Backend, rng: new Rng(1) });
    expect(net.tensors().map((t) => `${t.name}:${t.shape.join('x')}`)).toEqual([
      'W1:30x1x5x5',
      'b1:30',
      'W2:4320x100',
      'b2:100',
      'W3:100x10',
      'b3:10',
    ]);
    const maps = net.featureMaps(new Float64Array(784).fill(0.5));
    expect(maps.map((m) => `${m.name}:${m.C}x${m.H}x${m.W}`)).toEqual([
      'Conv1:30x24x24',
      'Relu1:30x24x24',
      'Pool1:30x12x12',
    ]);
  });

  it('DeepConvNet has the shapes of deep_convnet.py and a gradient that checks', () => {
    const net = createNetwork(
      { ...BOOK, arch: 'deep-convnet' },
      { backend: float64Backend, rng: new Rng(1) },
    );
    expect(net.tensors().map((t) => `${t.name}:${t.shape.join('x')}`)).toEqual([
      'W1:16x1x3x3',
      'b1:16',
      'W2:16x16x3x3',
      'b2:16',
      'W3:32x16x3x3',
      'b3:32',
      'W4:32x32x3x3',
      'b4:32',
      'W5:64x32x3x3',
      'b5:64',
      'W6:64x64x3x3',
      'b6:64',
      'W7:1024x50',
      'b7:50',
      'W8:50x10',
      'b8:10',
    ]);
    // He initialisation: std of W1 is √(2/9), of W7 √(2/1024).
    const std = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0) / a.length);
    expect(std(net.params.W6)).toBeCloseTo(Math.sqrt(2 / 576), 2);
    expect(std(net.params.W7)).toBeCloseTo(Math.sqrt(2 / 1024), 3);
    // Inference scales the last Dropout's output by 0.5 (the book's Dropout): logits are half of train-mode ones
    // with every unit kept, so the predictions equal the book's.
    const { x, labels } = batch(2, 2, 784);
    const rngCheck = new Rng(3, 3);
    // A sample of entries of every parameter, by central differences (the full check is 120k entries).
    net.gradient(x, labels);
    net.freezeDropout(true);
    const f = () => net.loss(x, labels, true);
    try {
      for (const name of Object.keys(net.params)) {
        const p = net.params[name];
        const g = net.grads[name];
        for (let k = 0; k < 4; k++) {
          const i = rngCheck.int(p.length);
          const saved = p[i];
          // h = 1e-6: with 12 ReLU and pooling layers over 28×28 images, a step of 1e-4 often crosses a kink.
          p[i] = saved + 1e-6;
          const fp = f();
          p[i] = saved - 1e-6;
          const fm = f();
          p[i] = saved;
          expect(Math.abs((fp - fm) / 2e-6 - g[i]), `${name}[${i}]`).toBeLessThan(1e-7);
        }
      }
    } finally {
      net.freezeDropout(false);
    }
  });
});

describe('a ReLU feeding a max-pool runs as one step in forward() and gradient()', () => {
  /** The loss and gradients through each layer's own forward and backward, nothing folded. */
  function layerByLayer(net: ReturnType<typeof createNetwork>, x: NetInput, labels: Uint8Array) {
    if (x.kind !== 'dense') throw new Error('dense only');
    let h: Matrix = { rows: x.n, cols: net.spec.inputSize, data: x.data };
    for (const layer of net.layers) h = layer.forward(h, true);
    const loss = net.lastLayer.forward(h, labels) + net.decayPenalty();
    let dout = net.lastLayer.backward();
    for (let i = net.layers.length - 1; i >= 0; i--) dout = net.layers[i].backward(dout);
    return { loss, grads: net.flatGrads().slice() };
  }

  const CASES: [string, Partial<NetworkSpec>][] = [
    ['SimpleConvNet', {}],
    ['SimpleConvNet, stride 2, pad 1, pool 3', { stride: 2, pad: 1, filterSize: 3, pool: 3 }],
    [
      'DeepConvNet (Relu → Conv and Relu → Pool pairs)',
      { arch: 'deep-convnet', inputSize: 784, outputSize: 10, init: 'he' },
    ],
  ];
  for (const [name, override] of CASES) {
    it(`${name}: the same loss, gradients and outputs as the layers one by one`, () => {
      const spec = { ...SMALL, ...override };
      const net = createNetwork(spec, { backend: float64Backend, rng: new Rng(9) });
      // Inputs centred on 0, so many windows have all-negative maxima (no gradient through them).
      const { x, labels } = batch(5, 4, spec.inputSize);
      const data = (x as { data: Float64Array }).data;
      for (let i = 0; i < data.length; i++) data[i] -= 0.5;
      for (let i = 0; i < labels.length; i++) labels[i] %= spec.outputSize;
      // The same dropout masks in both passes (DeepConvNet has dropout).
      net.gradient(x, labels);
      net.freezeDropout(true);
      const folded = net.gradient(x, labels);
      const foldedGrads = net.flatGrads().slice();
      const scores = net.forward(x, false).data.slice();
      const apart = layerByLayer(net, x, labels);
      expect(folded).toBe(apart.loss);
      expect(foldedGrads).toEqual(apart.grads);
      expect(foldedGrads.some((g) => g !== 0)).toBe(true);
      let h: Matrix = { rows: 4, cols: spec.inputSize, data };
      for (const layer of net.layers) h = layer.forward(h, false);
      expect(scores).toEqual(h.data.slice(0, scores.length));
    });
  }
});
