import { describe, expect, it } from 'vitest';
import {
  Rng,
  affinities,
  calibrateRow,
  klDivergence,
  nearestNeighbourAgreement,
  tsne,
  type TsneResult,
} from '../../src/nn';

/** `perCluster` points around each of `clusters` centres in `d` dimensions: centres 10 apart, spread 1. */
function gaussianClusters(clusters: number, perCluster: number, d: number, seed: number) {
  const rng = new Rng(seed);
  const centres = Array.from({ length: clusters }, () => Array.from({ length: d }, () => 10 * rng.normal()));
  const n = clusters * perCluster;
  const x = new Float64Array(n * d);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % clusters;
    labels[i] = c;
    for (let k = 0; k < d; k++) x[i * d + k] = centres[c][k] + rng.normal();
  }
  return { x, labels, n };
}

/** Runs the generator to the end, keeping every KL it reports. */
function runToEnd(gen: Generator<unknown, TsneResult>): { result: TsneResult; kls: number[] } {
  const kls: number[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { result: r.value, kls };
    const kl = (r.value as { kl: number | null }).kl;
    if (kl !== null) kls.push(kl);
  }
}

describe('t-SNE', () => {
  it('keeps well-separated Gaussian clusters in 10-D apart in 2-D', () => {
    const { x, labels, n } = gaussianClusters(4, 40, 10, 1);
    const { result } = runToEnd(tsne(x, n, 10, { perplexity: 15, iterations: 300, seed: 3 }));
    expect(result.embedding.every(Number.isFinite)).toBe(true);
    expect(nearestNeighbourAgreement(result.embedding, 2, labels)).toBeGreaterThan(0.95);
    // Each cluster's spread in the map is much smaller than the distance between cluster centres.
    const centre = (c: number) => {
      let sx = 0;
      let sy = 0;
      let m = 0;
      for (let i = 0; i < n; i++)
        if (labels[i] === c) {
          sx += result.embedding[2 * i];
          sy += result.embedding[2 * i + 1];
          m++;
        }
      return [sx / m, sy / m];
    };
    const centres = [0, 1, 2, 3].map(centre);
    let spread = 0;
    for (let i = 0; i < n; i++) {
      const [cx, cy] = centres[labels[i]];
      spread = Math.max(spread, Math.hypot(result.embedding[2 * i] - cx, result.embedding[2 * i + 1] - cy));
    }
    let apart = Infinity;
    for (let a = 0; a < 4; a++)
      for (let b = a + 1; b < 4; b++)
        apart = Math.min(apart, Math.hypot(centres[a][0] - centres[b][0], centres[a][1] - centres[b][1]));
    expect(apart).toBeGreaterThan(2 * spread);
  });

  it('calibrates every point to the target entropy ln(perplexity) within 1e-5', () => {
    const { x, n } = gaussianClusters(3, 30, 10, 2);
    const d = 10;
    for (const perplexity of [5, 20]) {
      const row = new Float64Array(n);
      const distances = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < d; k++) s += (x[i * d + k] - x[j * d + k]) ** 2;
          distances[j] = s;
        }
        calibrateRow(distances, i, perplexity, row);
        // The entropy measured again from the probabilities themselves.
        let entropy = 0;
        let sum = 0;
        for (let j = 0; j < n; j++) {
          sum += row[j];
          if (row[j] > 0) entropy -= row[j] * Math.log(row[j]);
        }
        expect(row[i]).toBe(0);
        expect(sum).toBeCloseTo(1, 12);
        expect(Math.abs(entropy - Math.log(perplexity))).toBeLessThan(1e-5);
      }
    }
  });

  it('calibrates far-apart points (squared distances in the millions) without underflow', () => {
    const distances = Float64Array.from([0, 4e6, 4.1e6, 4.2e6, 9e6, 9.5e6, 1e7]);
    const row = new Float64Array(7);
    calibrateRow(distances, 0, 3, row);
    let entropy = 0;
    for (const p of row) if (p > 0) entropy -= p * Math.log(p);
    expect(Math.abs(entropy - Math.log(3))).toBeLessThan(1e-5);
  });

  it('symmetrised P sums to 1 over ordered pairs', () => {
    const { x, n } = gaussianClusters(2, 20, 5, 4);
    const P = affinities(x, n, 5, 10);
    expect(P.length).toBe((n * (n - 1)) / 2);
    expect(2 * P.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('lowers the KL divergence as it iterates, and reports the final one exactly', () => {
    const { x, n } = gaussianClusters(3, 30, 10, 5);
    const { result, kls } = runToEnd(tsne(x, n, 10, { perplexity: 10, iterations: 250, seed: 1 }));
    expect(kls).toHaveLength(25);
    // After the exaggeration ends (iteration 100), KL only comes down (a little noise allowed).
    const after = kls.slice(10);
    for (let i = 1; i < after.length; i++) expect(after[i]).toBeLessThan(after[i - 1] * 1.01);
    expect(after.at(-1)!).toBeLessThan(0.5 * kls[0]);
    const P = affinities(x, n, 10, result.perplexity);
    expect(result.kl).toBeCloseTo(klDivergence(P, result.embedding, n), 10);
    expect(result.kl).toBeGreaterThan(0);
  });

  it('gives the same map for the same seed and another for another seed', () => {
    const { x, n } = gaussianClusters(3, 15, 10, 6);
    const run = (seed: number) =>
      runToEnd(tsne(x, n, 10, { perplexity: 8, iterations: 120, seed })).result.embedding.slice();
    expect(Array.from(run(9))).toEqual(Array.from(run(9)));
    expect(Array.from(run(9))).not.toEqual(Array.from(run(10)));
  });

  it('stops when cancelled between iterations: the map stays where it was', () => {
    const { x, n } = gaussianClusters(3, 15, 10, 7);
    const gen = tsne(x, n, 10, { perplexity: 8, iterations: 200 });
    let last = 0;
    let embedding: Float64Array = new Float64Array(0);
    for (let i = 0; i < 20; i++) {
      const r = gen.next();
      if (r.done) throw new Error('finished early');
      last = r.value.iteration;
      embedding = r.value.embedding;
    }
    expect(last).toBe(20);
    const at20 = embedding.slice();
    expect(gen.return(undefined as never).done).toBe(true);
    expect(gen.next().done).toBe(true);
    expect(Array.from(embedding)).toEqual(Array.from(at20));
  });

  it('reduces wide inputs to 50 dimensions by PCA first and lowers the perplexity for few points', () => {
    const { x, labels, n } = gaussianClusters(3, 10, 80, 8);
    const { result } = runToEnd(tsne(x, n, 80, { iterations: 200 }));
    expect(result.perplexity).toBeCloseTo((n - 1) / 3, 12);
    expect(nearestNeighbourAgreement(result.embedding, 2, labels)).toBeGreaterThan(0.95);
    expect(() => tsne(x, 3, 80).next()).toThrow(/at least 4 points/);
  });
});
