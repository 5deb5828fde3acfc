/**
 * Exact t-SNE (van der Maaten & Hinton 2008, "Visualizing Data using t-SNE"), for the hidden-layer
 * map: n points of d dimensions placed in 2-D so that near neighbours stay near.
 *
 *   p_{j|i} = exp(-β_i |x_i - x_j|²) / Σ_{k≠i} exp(-β_i |x_i - x_k|²)   β_i chosen so that the
 *             entropy H(P_i) = -Σ_j p_{j|i} ln p_{j|i} equals ln(perplexity)   (binary search)
 *   p_ij   = (p_{j|i} + p_{i|j}) / 2n                                          (symmetrised)
 *   q_ij   = (1 + |y_i - y_j|²)⁻¹ / Σ_{k≠l} (1 + |y_k - y_l|²)⁻¹              (Student t, 1 dof)
 *   C      = KL(P ‖ Q) = Σ_{i≠j} p_ij ln(p_ij / q_ij)
 *   ∂C/∂y_i = 4 Σ_j (p_ij - q_ij) (1 + |y_i - y_j|²)⁻¹ (y_i - y_j)
 *
 * Gradient descent as in the paper's tsne.m: momentum 0.5 then 0.8, P multiplied by 12 for the
 * first 100 iterations ("early exaggeration"), per-coordinate gains (+0.2 when the gradient's sign
 * flips, ×0.8 when it keeps it), the map re-centred every step, start y ~ N(0, 10⁻⁴ I) from a seed.
 * Inputs wider than 50 dimensions are first reduced to 50 by PCA (pca.ts), as the paper does.
 *
 * P and the Student-t numerators are kept as packed upper triangles (n(n-1)/2 each, float64): for
 * n = 2000 that is 16 MB each. Every buffer is allocated once; an iteration allocates nothing.
 * `tsne` is a generator: one `next()` is one iteration, so the caller can report progress and
 * stop between any two (a cancelled run is simply never resumed).
 */
import { pca } from './pca';
import { Rng } from './rng';

/** Settings of a t-SNE run (every one has the paper's default). */
export interface TsneOptions {
  /** The effective number of neighbours each point's Gaussian covers (default 30; at most (n - 1) / 3). */
  perplexity?: number;
  /** Gradient steps (default 500). */
  iterations?: number;
  /** P is multiplied by this at the start (default 12)... */
  exaggeration?: number;
  /** ...for this many iterations (default 100). */
  exaggerationIterations?: number;
  /** Momentum 0.5 before this iteration, 0.8 from it (default 250). */
  momentumSwitch?: number;
  /**
   * Step size η (default max(n / (4 · exaggeration), 50): Belkina et al. 2019's n / exaggeration for
   * a gradient without the factor 4, as scikit-learn's 'auto'; 200, the old default, overshoots for
   * a few hundred points).
   */
  learningRate?: number;
  /** Inputs wider than this are reduced to it by PCA first (default 50; 0 = never). */
  pcaDimensions?: number;
  /** Seed of the starting positions (default 0). */
  seed?: number;
  /** The KL divergence is computed every this many iterations and at the last (default 10). */
  klEvery?: number;
}

/** Where a t-SNE run is after one iteration. */
export interface TsneProgress {
  /** Iterations done (1 after the first). */
  iteration: number;
  iterations: number;
  /** KL(P ‖ Q) of the map before this iteration's step, or null when not computed this time. */
  kl: number | null;
  /** (n, 2) the current map: a live view, overwritten by the next iteration. */
  embedding: Float64Array;
}

/** The finished map. */
export interface TsneResult {
  /** (n, 2) each point's position. */
  embedding: Float64Array;
  /** KL(P ‖ Q) of the final map. */
  kl: number;
  iterations: number;
  /** The perplexity used (the one asked for, lowered to (n - 1) / 3 for few points). */
  perplexity: number;
}

/** Binary search gives up after this many halvings (ln-entropy is monotone in β: it always converges well before). */
const MAX_SEARCH = 200;
/** The entropy is matched to ln(perplexity) within this (nats). */
const ENTROPY_TOLERANCE = 1e-7;

/**
 * One point's conditional probabilities: out_j = p_{j|i} for squared distances `distances` (n) from
 * point `self` (out_self = 0), with β found by binary search so that H(P_i) = ln(perplexity).
 * Returns β and the entropy reached.
 */
export function calibrateRow(
  distances: Float64Array,
  self: number,
  perplexity: number,
  out: Float64Array,
): { beta: number; entropy: number } {
  const n = distances.length;
  const target = Math.log(perplexity);
  // Distances measured from the nearest neighbour, so the largest exponential is exp(0) = 1 and
  // nothing underflows to an all-zero row however far apart the points are.
  let nearest = Infinity;
  for (let j = 0; j < n; j++) if (j !== self && distances[j] < nearest) nearest = distances[j];
  let beta = 1;
  let lo = 0;
  let hi = Infinity;
  let entropy = 0;
  for (let step = 0; step < MAX_SEARCH; step++) {
    // H = ln Σ e^{-βd'} + β Σ d' e^{-βd'} / Σ e^{-βd'}   with d' = d - nearest
    let sum = 0;
    let weighted = 0;
    for (let j = 0; j < n; j++) {
      if (j === self) {
        out[j] = 0;
        continue;
      }
      const dj = distances[j] - nearest;
      const e = Math.exp(-beta * dj);
      out[j] = e;
      sum += e;
      weighted += dj * e;
    }
    entropy = Math.log(sum) + (beta * weighted) / sum;
    const diff = entropy - target;
    if (Math.abs(diff) < ENTROPY_TOLERANCE) break;
    if (diff > 0) {
      // Too flat: a narrower Gaussian (larger β).
      lo = beta;
      beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
    } else {
      hi = beta;
      beta = (beta + lo) / 2;
    }
  }
  let sum = 0;
  for (let j = 0; j < n; j++) sum += out[j];
  for (let j = 0; j < n; j++) out[j] /= sum;
  return { beta, entropy };
}

/** Index of pair (i, j), i < j, in a packed upper triangle of n points. */
function pairIndex(i: number, j: number, n: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * The symmetrised affinities p_ij of x (n, d) as a packed upper triangle (pairs i < j, row by row;
 * each p_ij stands for both p_ij and p_ji, so the triangle sums to 1/2).
 */
export function affinities(x: ArrayLike<number>, n: number, d: number, perplexity: number): Float64Array {
  const P = new Float64Array((n * (n - 1)) / 2);
  const distances = new Float64Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const t = x[i * d + k] - x[j * d + k];
        s += t * t;
      }
      distances[j] = s;
    }
    calibrateRow(distances, i, perplexity, row);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      P[j > i ? pairIndex(i, j, n) : pairIndex(j, i, n)] += row[j];
    }
  }
  for (let k = 0; k < P.length; k++) P[k] = Math.max(P[k] / (2 * n), 1e-300);
  return P;
}

/**
 * t-SNE of x (n, d), row-major, one iteration per `next()`; the generator's return value is the
 * finished map. Throws for fewer than 4 points.
 */
export function* tsne(
  x: ArrayLike<number>,
  n: number,
  d: number,
  options: TsneOptions = {},
): Generator<TsneProgress, TsneResult, void> {
  if (n < 4) throw new Error(`tsne: needs at least 4 points, got ${n}`);
  if (x.length < n * d) throw new Error(`tsne: ${x.length} values cannot hold ${n} points of ${d}`);
  const iterations = options.iterations ?? 500;
  const exaggeration = options.exaggeration ?? 12;
  const exaggerationIterations = options.exaggerationIterations ?? 100;
  const momentumSwitch = options.momentumSwitch ?? 250;
  const learningRate = options.learningRate ?? Math.max(n / (4 * exaggeration), 50);
  const pcaDimensions = options.pcaDimensions ?? 50;
  const klEvery = options.klEvery ?? 10;
  const perplexity = Math.min(options.perplexity ?? 30, (n - 1) / 3);

  // The input, reduced by PCA when it is wide.
  let input: ArrayLike<number> = x;
  let width = d;
  if (pcaDimensions > 0 && d > pcaDimensions) {
    input = pca(x, n, d, pcaDimensions, { tolerance: 1e-6, maxIterations: 300 }).projections;
    width = pcaDimensions;
  }
  const P = affinities(input, n, width, perplexity);
  // Σ p ln p over ordered pairs: KL = Σ p ln p - Σ p ln q, the first term fixed.
  let pLogP = 0;
  for (let k = 0; k < P.length; k++) pLogP += 2 * P[k] * Math.log(P[k]);

  const Y = new Float64Array(n * 2); // (n, 2) the map
  const rng = new Rng(options.seed ?? 0, 7);
  for (let k = 0; k < Y.length; k++) Y[k] = 1e-4 * rng.normal();
  const numerators = new Float64Array(P.length); // (1 + |y_i - y_j|²)⁻¹ per pair i < j
  const grad = new Float64Array(n * 2);
  const update = new Float64Array(n * 2);
  const gains = new Float64Array(n * 2).fill(1);

  let kl = NaN;
  for (let t = 0; t < iterations; t++) {
    const exaggerate = t < exaggerationIterations ? exaggeration : 1;
    const momentum = t < momentumSwitch ? 0.5 : 0.8;
    const wantKl = (t + 1) % klEvery === 0 || t === iterations - 1;

    // Pass 1: the Student-t numerators and their sum Z over ordered pairs.
    let Z = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const yi0 = Y[2 * i];
      const yi1 = Y[2 * i + 1];
      for (let j = i + 1; j < n; j++, k++) {
        const a = yi0 - Y[2 * j];
        const b = yi1 - Y[2 * j + 1];
        const q = 1 / (1 + a * a + b * b);
        numerators[k] = q;
        Z += 2 * q;
      }
    }
    // Pass 2: ∂C/∂y_i = 4 Σ_j (α p_ij - num_ij / Z) num_ij (y_i - y_j), each pair added to both ends.
    grad.fill(0);
    let pLogNum = 0;
    k = 0;
    for (let i = 0; i < n; i++) {
      const yi0 = Y[2 * i];
      const yi1 = Y[2 * i + 1];
      let g0 = 0;
      let g1 = 0;
      for (let j = i + 1; j < n; j++, k++) {
        const num = numerators[k];
        const m = (exaggerate * P[k] - num / Z) * num;
        const a = (yi0 - Y[2 * j]) * m;
        const b = (yi1 - Y[2 * j + 1]) * m;
        g0 += a;
        g1 += b;
        grad[2 * j] -= a;
        grad[2 * j + 1] -= b;
      }
      grad[2 * i] += g0;
      grad[2 * i + 1] += g1;
    }
    if (wantKl) {
      for (k = 0; k < P.length; k++) pLogNum += 2 * P[k] * Math.log(numerators[k]);
      kl = pLogP - (pLogNum - Math.log(Z)); // Σ p = 1, ln q = ln num - ln Z
    }

    // The step: gains, momentum, then re-centre.
    let mean0 = 0;
    let mean1 = 0;
    for (let c = 0; c < 2 * n; c++) {
      const g = 4 * grad[c];
      gains[c] = Math.sign(g) !== Math.sign(update[c]) ? gains[c] + 0.2 : gains[c] * 0.8;
      if (gains[c] < 0.01) gains[c] = 0.01;
      update[c] = momentum * update[c] - learningRate * gains[c] * g;
      Y[c] += update[c];
      if (c % 2 === 0) mean0 += Y[c];
      else mean1 += Y[c];
    }
    mean0 /= n;
    mean1 /= n;
    for (let i = 0; i < n; i++) {
      Y[2 * i] -= mean0;
      Y[2 * i + 1] -= mean1;
    }
    yield { iteration: t + 1, iterations, kl: wantKl ? kl : null, embedding: Y };
  }
  kl = klDivergence(P, Y, n);
  return { embedding: Y, kl, iterations, perplexity };
}

/** KL(P ‖ Q) of the map Y (n, 2) for affinities P (packed upper triangle, as `affinities` gives). */
export function klDivergence(P: Float64Array, Y: ArrayLike<number>, n: number): number {
  let Z = 0;
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++, k++) {
      const a = Y[2 * i] - Y[2 * j];
      const b = Y[2 * i + 1] - Y[2 * j + 1];
      Z += 2 / (1 + a * a + b * b);
    }
  let kl = 0;
  k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++, k++) {
      const a = Y[2 * i] - Y[2 * j];
      const b = Y[2 * i + 1] - Y[2 * j + 1];
      const q = 1 / (1 + a * a + b * b) / Z;
      kl += 2 * P[k] * Math.log(P[k] / q);
    }
  return kl;
}

/**
 * Share of the n points (rows of `d` coordinates) whose nearest other point, by squared distance,
 * has the same label: how well a map keeps the classes apart (1 where every neighbour agrees).
 */
export function nearestNeighbourAgreement(x: ArrayLike<number>, d: number, labels: Uint8Array): number {
  const n = labels.length;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[i * d + k] - x[j * d + k]) ** 2;
      if (s < bestD) {
        bestD = s;
        best = j;
      }
    }
    if (labels[best] === labels[i]) agree++;
  }
  return agree / n;
}
