import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  OPTIMIZERS,
  OPTIMIZER_CLASSES,
  createOptimizer,
  float64Backend,
  tsBackend,
  type OptimizerName,
} from '../../src/nn';
import { wasmBackendFromBytes } from '../../src/nn/kernels-wasm';

const WASM = resolve(__dirname, '../../build/kernels.wasm');

/**
 * Each optimizer on one parameter p = [1, -2] with the gradient sequence g1 = [0.5, -1],
 * g2 = [0.2, 0.4], g3 = [-0.3, 0.1], against values worked out by hand from the book's rules.
 */
const GRADS = [
  [0.5, -1],
  [0.2, 0.4],
  [-0.3, 0.1],
];

function run(name: OptimizerName, opts: Record<string, number>): number[][] {
  const opt = createOptimizer(name, { lr: 0.1, backend: float64Backend, ...opts });
  const params = { W1: Float64Array.from([1, -2]) };
  const seq: number[][] = [];
  for (const g of GRADS) {
    opt.update(params, { W1: Float64Array.from(g) });
    seq.push(Array.from(params.W1));
  }
  return seq;
}

function expectSeq(actual: number[][], expected: number[][]): void {
  actual.forEach((row, i) =>
    row.forEach((v, j) => expect(v, `step ${i + 1}[${j}]`).toBeCloseTo(expected[i][j], 12)),
  );
}

describe("optimizers follow the book's update rules (lr 0.1)", () => {
  it('SGD: p -= lr·g', () => {
    // [1 - 0.05, -2 + 0.1] = [0.95, -1.9]; then [0.93, -1.94]; then [0.96, -1.95]
    expectSeq(run('sgd', {}), [
      [0.95, -1.9],
      [0.93, -1.94],
      [0.96, -1.95],
    ]);
  });

  it('Momentum 0.9: v = 0.9v - lr·g; p += v', () => {
    // v1 = [-0.05, 0.1] p=[0.95,-1.9]; v2 = [-0.045-0.02, 0.09-0.04] = [-0.065, 0.05] p=[0.885,-1.85]
    // v3 = [-0.0585+0.03, 0.045-0.01] = [-0.0285, 0.035] p=[0.8565,-1.815]
    expectSeq(run('momentum', { momentum: 0.9 }), [
      [0.95, -1.9],
      [0.885, -1.85],
      [0.8565, -1.815],
    ]);
  });

  it('Nesterov 0.9: v = 0.9v - lr·g; p += 0.81·v - 1.9·lr·g', () => {
    // step1: v=[-0.05,0.1]; p = [1 - 0.0405 - 0.095, -2 + 0.081 + 0.19] = [0.8645, -1.729]
    // step2: v=[-0.065,0.05]; p = [0.8645 - 0.05265 - 0.038, -1.729 + 0.0405 - 0.076] = [0.77385, -1.7645]
    // step3: v=[-0.0285,0.035]; p = [0.77385 - 0.023085 + 0.057, -1.7645 + 0.02835 - 0.019] = [0.807765, -1.75515]
    expectSeq(run('nesterov', { momentum: 0.9 }), [
      [0.8645, -1.729],
      [0.77385, -1.7645],
      [0.807765, -1.75515],
    ]);
  });

  it('AdaGrad: h += g²; p -= lr·g/(√h + 1e-7)', () => {
    const h1 = [0.25, 1];
    const p1 = [1 - (0.1 * 0.5) / (0.5 + 1e-7), -2 + 0.1 / (1 + 1e-7)];
    const h2 = [h1[0] + 0.04, h1[1] + 0.16];
    const p2 = [
      p1[0] - (0.1 * 0.2) / (Math.sqrt(h2[0]) + 1e-7),
      p1[1] - (0.1 * 0.4) / (Math.sqrt(h2[1]) + 1e-7),
    ];
    const h3 = [h2[0] + 0.09, h2[1] + 0.01];
    const p3 = [
      p2[0] + (0.1 * 0.3) / (Math.sqrt(h3[0]) + 1e-7),
      p2[1] - (0.1 * 0.1) / (Math.sqrt(h3[1]) + 1e-7),
    ];
    expectSeq(run('adagrad', {}), [p1, p2, p3]);
    expect(p1[0]).toBeCloseTo(0.9, 6); // first AdaGrad step moves each weight by ~lr
  });

  it('RMSprop 0.99: h = 0.99h + 0.01g²; p -= lr·g/(√h + 1e-7)', () => {
    const p = [1, -2];
    const h = [0, 0];
    const expected: number[][] = [];
    for (const g of GRADS) {
      for (let j = 0; j < 2; j++) {
        h[j] = 0.99 * h[j] + 0.01 * g[j] * g[j];
        p[j] -= (0.1 * g[j]) / (Math.sqrt(h[j]) + 1e-7);
      }
      expected.push([...p]);
    }
    // step 1 by hand: h = [0.0025, 0.01], p = [1 - 0.05/0.05, -2 + 0.1/0.1] = [0, -1]
    expect(expected[0][0]).toBeCloseTo(0, 5);
    expect(expected[0][1]).toBeCloseTo(-1, 5);
    expectSeq(run('rmsprop', { rmsDecay: 0.99 }), expected);
  });

  it('Adam: bias-corrected lr_t, m += (1-β1)(g-m), v += (1-β2)(g²-v)', () => {
    const [b1, b2] = [0.9, 0.999];
    const p = [1, -2];
    const m = [0, 0];
    const v = [0, 0];
    const expected: number[][] = [];
    GRADS.forEach((g, t) => {
      const lrT = (0.1 * Math.sqrt(1 - b2 ** (t + 1))) / (1 - b1 ** (t + 1));
      for (let j = 0; j < 2; j++) {
        m[j] += (1 - b1) * (g[j] - m[j]);
        v[j] += (1 - b2) * (g[j] ** 2 - v[j]);
        p[j] -= (lrT * m[j]) / (Math.sqrt(v[j]) + 1e-7);
      }
      expected.push([...p]);
    });
    // step 1 by hand: m = 0.1g, v = 0.001g², lr_t = 0.1·√0.001/0.1, so p moves by lr·sign(g) = 0.1
    expect(expected[0][0]).toBeCloseTo(0.9, 5);
    expect(expected[0][1]).toBeCloseTo(-1.9, 5);
    expectSeq(run('adam', { beta1: b1, beta2: b2 }), expected);
  });

  for (const name of ['sgd', 'momentum', 'adam'] as const) {
    it(`${name} on the WASM backend (axpy or adam kernel, state in its memory) matches the TypeScript update (float32)`, () => {
      expect(existsSync(WASM), 'build/kernels.wasm is missing: run `npm run build:wasm`').toBe(true);
      const wasm = wasmBackendFromBytes(readFileSync(WASM), { reserveBytes: 1 << 20 });
      const lengths = { W1: 39_250, b1: 50, W2: 503 }; // not multiples of 4
      const fast = createOptimizer(name, { lr: 0.1, backend: wasm });
      const slow = createOptimizer(name, { lr: 0.1, backend: tsBackend });
      const pf: Record<string, Float32Array> = {};
      const ps: Record<string, Float32Array> = {};
      const g: Record<string, Float32Array> = {};
      for (const [key, n] of Object.entries(lengths)) {
        pf[key] = wasm.alloc.floats(n) as Float32Array;
        g[key] = wasm.alloc.floats(n) as Float32Array;
        for (let i = 0; i < n; i++) {
          pf[key][i] = Math.sin(i + n);
          g[key][i] = Math.cos(3 * i);
        }
        ps[key] = Float32Array.from(pf[key]);
      }
      for (let step = 0; step < 3; step++) {
        fast.update(pf, g);
        slow.update(ps, g);
      }
      for (const [key, n] of Object.entries(lengths)) {
        let worst = 0;
        for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(pf[key][i] - ps[key][i]));
        // Adam's kernel computes in float32 (the TypeScript update in float64, stored as float32):
        // m / √v amplifies the rounding where g is near 0, still far below one step's 0.1
        expect(worst, key).toBeLessThan(name === 'adam' ? 1e-5 : 1e-6);
        expect(pf[key][7]).not.toBe(Math.fround(Math.sin(7 + n))); // it did move
      }
    });
  }

  it('learning rate can be changed between updates', () => {
    const opt = createOptimizer('sgd', { lr: 0.1, backend: float64Backend });
    const params = { W1: Float64Array.from([1]) };
    opt.update(params, { W1: Float64Array.from([1]) });
    opt.lr = 0.5;
    opt.update(params, { W1: Float64Array.from([1]) });
    expect(params.W1[0]).toBeCloseTo(0.4, 14);
  });

  it('every registered optimizer (OPTIMIZERS, the choices of the setting) steps against the gradient', () => {
    expect(OPTIMIZERS).toEqual(Object.keys(OPTIMIZER_CLASSES));
    for (const name of OPTIMIZERS) {
      const opt = createOptimizer(name, { lr: 0.1, backend: float64Backend });
      expect(opt).toBeInstanceOf(OPTIMIZER_CLASSES[name]);
      const params = { W1: Float64Array.from([1, -1]) };
      opt.update(params, { W1: Float64Array.from([2, -2]) });
      expect(params.W1[0], name).toBeLessThan(1);
      expect(params.W1[1], name).toBeGreaterThan(-1);
    }
  });

  it('keeps separate state per parameter name', () => {
    const opt = createOptimizer('momentum', { lr: 1, momentum: 0.5, backend: float64Backend });
    const params = { W1: Float64Array.from([0]), b1: Float64Array.from([0]) };
    opt.update(params, { W1: Float64Array.from([1]), b1: Float64Array.from([-1]) });
    opt.update(params, { W1: Float64Array.from([1]), b1: Float64Array.from([-1]) });
    // v: -1, -1.5 → W1 = -2.5; b1 mirrored
    expect(params.W1[0]).toBeCloseTo(-2.5, 14);
    expect(params.b1[0]).toBeCloseTo(2.5, 14);
  });
});
