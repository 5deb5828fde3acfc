import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng, createNetwork, hiddenLayers, hiddenOutputs, jacobiEigen, pca, tsBackend } from '../../src/nn';
import { bookSpec } from '../../src/nn/book-spec';
import { numpyMissingReason, runPython } from '../formats/helpers';
import { loadMnist } from './mnist-fixture';

const noNumpy = numpyMissingReason();
if (noNumpy) console.log(noNumpy); // the reason already starts with "skipped:"
const dir = mkdtempSync(path.join(os.tmpdir(), 'mnist-pca-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pca', () => {
  it('finds the axis between two clusters (hand-computed: ratios 0.8 and 0.2)', () => {
    // Two clusters at u = -2 and u = +2, each spread ±1 along v; u and v rotated 45° into 3-D:
    // u = (1, 0, 1)/√2, v = (0, 1, 0). Mean 0; with n - 1 = 3: var_u = 4·4/3 = 16/3, var_v = 4/3,
    // so the ratios are 16/20 = 0.8 and 4/20 = 0.2, and the points project to (±2, ±1).
    const r = Math.SQRT1_2;
    const uv = [
      [-2, -1],
      [-2, 1],
      [2, -1],
      [2, 1],
    ];
    const x = new Float64Array(uv.flatMap(([u, v]) => [u * r, v, u * r]));
    const p = pca(x, 4, 3, 2);
    expect(p.variances[0]).toBeCloseTo(16 / 3, 12);
    expect(p.variances[1]).toBeCloseTo(4 / 3, 12);
    expect(p.explainedVarianceRatio[0]).toBeCloseTo(0.8, 12);
    expect(p.explainedVarianceRatio[1]).toBeCloseTo(0.2, 12);
    expect(Array.from(p.mean)).toEqual([0, 0, 0]);
    // Components up to sign (the largest entry is made positive): u and v.
    expect(Math.abs(p.components[0])).toBeCloseTo(r, 12);
    expect(p.components[1]).toBeCloseTo(0, 12);
    expect(Math.abs(p.components[2])).toBeCloseTo(r, 12);
    expect(Math.abs(p.components[4])).toBeCloseTo(1, 12);
    uv.forEach(([u, v], i) => {
      expect(Math.abs(p.projections[i * 2])).toBeCloseTo(Math.abs(u), 12);
      expect(Math.abs(p.projections[i * 2 + 1])).toBeCloseTo(Math.abs(v), 12);
    });
    // The two clusters land on opposite sides of the first axis.
    expect(Math.sign(p.projections[0])).toBe(Math.sign(p.projections[2]));
    expect(Math.sign(p.projections[0])).toBe(-Math.sign(p.projections[4]));
  });

  it('handles points that span fewer dimensions than asked for (rank 1 in 4-D)', () => {
    const x = new Float64Array([1, 2, 3, 4, 2, 4, 6, 8, 3, 6, 9, 12]);
    const p = pca(x, 3, 4, 2);
    expect(p.explainedVarianceRatio[0]).toBeCloseTo(1, 12);
    expect(p.explainedVarianceRatio[1]).toBeCloseTo(0, 12);
    expect(p.projections.every(Number.isFinite)).toBe(true);
  });

  it('jacobiEigen diagonalises a symmetric matrix: A = Q Λ Qᵀ', () => {
    const m = 5;
    const rng = new Rng(4);
    const A = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = i; j < m; j++) A[i * m + j] = A[j * m + i] = rng.next() - 0.5;
    const { values, vectors: Q } = jacobiEigen(A, m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += Q[i * m + k] * values[k] * Q[j * m + k];
        expect(s).toBeCloseTo(A[i * m + j], 12);
      }
  });

  it.skipIf(noNumpy)(
    "equals NumPy's SVD on real activations (2,000 MNIST test images, hidden layers of 784-100-50-10)",
    () => {
      const count = 2000;
      const images = loadMnist('t10k', count).images;
      const net = createNetwork(bookSpec({ hidden: [100, 50], init: 'he' }), {
        backend: tsBackend,
        rng: new Rng(7),
      });
      const outputs = hiddenOutputs(net, images, count);
      expect(hiddenLayers(net).map((h) => [h.name, h.width])).toEqual([
        ['Relu1', 100],
        ['Relu2', 50],
      ]);
      outputs.layers.forEach((values, l) => {
        const d = hiddenLayers(net)[l].width;
        const file = path.join(dir, `layer${l}.f64`);
        writeFileSync(file, new Float64Array(values));
        const theirs = runPython<{ ratios: number[]; proj: number[][] }>(
          `import sys, json, numpy as np
X = np.fromfile(sys.argv[1], dtype=np.float64).reshape(${count}, ${d})
Xc = X - X.mean(axis=0)
U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
print(json.dumps({"ratios": (s**2 / (s**2).sum())[:2].tolist(), "proj": (U[:, :2] * s[:2]).tolist()}))`,
          [file],
        );
        const ours = pca(values, count, d, 2);
        for (let c = 0; c < 2; c++) {
          expect(Math.abs(ours.explainedVarianceRatio[c] - theirs.ratios[c])).toBeLessThanOrEqual(1e-4);
          // Projections equal up to each axis's sign (SVD's signs are arbitrary).
          const sign = Math.sign(ours.projections[c]) * Math.sign(theirs.proj[0][c]);
          let worst = 0;
          let scale = 0;
          for (let i = 0; i < count; i++) {
            worst = Math.max(worst, Math.abs(ours.projections[i * 2 + c] - sign * theirs.proj[i][c]));
            scale = Math.max(scale, Math.abs(theirs.proj[i][c]));
          }
          expect(worst).toBeLessThanOrEqual(1e-6 * scale);
        }
      });
    },
    60_000,
  );
});
