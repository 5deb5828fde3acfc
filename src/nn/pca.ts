/**
 * Principal component analysis in float64, for the hidden-layer map: the directions along which
 * n points of d dimensions vary most, and each point's coordinates along them.
 *
 *   X (n, d) rows = points;  μ = mean row;  C (d, d) = (X - μ)ᵀ (X - μ) / (n - 1)
 *   C v_k = λ_k v_k, λ_1 ≥ λ_2 ≥ ...;  explained-variance ratio_k = λ_k / trace(C)
 *   projection (n, k) = (X - μ) · [v_1 ... v_k]
 *
 * The same as NumPy's `np.linalg.svd(X - μ)`: v_k are the right singular vectors and
 * λ_k = s_k² / (n - 1). The top eigenvectors come from subspace iteration on C (a block of a few
 * more vectors than asked for, orthonormalised each step, Rayleigh–Ritz by Jacobi rotations on the
 * small block), which needs only products C·V; C itself is built once, skipping zero entries (most
 * ReLU activations are 0).
 */

/** The first k principal components of n points. */
export interface PcaResult {
  /** (d) the mean point. */
  mean: Float64Array;
  /** (k, d) unit directions, largest variance first; each one's largest |entry| is positive. */
  components: Float64Array;
  /** (k) the variance along each direction, λ_k. */
  variances: Float64Array;
  /** (k) λ_k / trace(C): the share of all variance each direction explains. */
  explainedVarianceRatio: Float64Array;
  /** (n, k) each point's coordinates along the directions. */
  projections: Float64Array;
  /** Subspace iterations used. */
  iterations: number;
}

/** Options for pca. */
export interface PcaOptions {
  /** Stop when no Ritz value of interest changes by more than this, relative (default 1e-12). */
  tolerance?: number;
  /** At most this many iterations (default 1000). */
  maxIterations?: number;
}

/** The top `k` principal components of x (n, d), row-major. */
export function pca(x: ArrayLike<number>, n: number, d: number, k = 2, options: PcaOptions = {}): PcaResult {
  if (x.length < n * d) throw new Error(`pca: ${x.length} values cannot hold ${n} points of ${d}`);
  if (n < 2) throw new Error('pca: needs at least 2 points');
  const K = Math.min(k, d);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const cov = covariance(x, n, d, mean);
  let trace = 0;
  for (let j = 0; j < d; j++) trace += cov[j * d + j];

  const { vectors, values, iterations } = topEigenvectors(cov, d, K, options);
  const components = new Float64Array(K * d);
  for (let c = 0; c < K; c++) {
    // Sign: the entry of largest magnitude positive, so the map does not flip for no reason.
    let big = 0;
    for (let j = 0; j < d; j++) if (Math.abs(vectors[c * d + j]) > Math.abs(vectors[c * d + big])) big = j;
    const sign = vectors[c * d + big] < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) components[c * d + j] = sign * vectors[c * d + j];
  }
  const projections = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (x[i * d + j] - mean[j]) * components[c * d + j];
      projections[i * K + c] = s;
    }
  }
  const variances = Float64Array.from(values.subarray(0, K));
  const explainedVarianceRatio = variances.map((v) => (trace > 0 ? v / trace : 0));
  return { mean, components, variances, explainedVarianceRatio, projections, iterations };
}

/** C (d, d) = Σ_i (x_i - μ)(x_i - μ)ᵀ / (n - 1), from Σ x xᵀ - n μ μᵀ with zero entries skipped. */
function covariance(x: ArrayLike<number>, n: number, d: number, mean: Float64Array): Float64Array {
  // Centre each row first (float64) so the sum does not lose digits to a large mean.
  const c = new Float64Array(d * d);
  const row = new Float64Array(d);
  const nz = new Int32Array(d);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < d; j++) {
      row[j] = x[i * d + j] - mean[j];
      if (row[j] !== 0) nz[m++] = j;
    }
    // Upper triangle only over the non-zero entries of the centred row.
    for (let a = 0; a < m; a++) {
      const p = nz[a];
      const v = row[p];
      const o = p * d;
      for (let b = a; b < m; b++) c[o + nz[b]] += v * row[nz[b]];
    }
  }
  for (let p = 0; p < d; p++) {
    c[p * d + p] /= n - 1;
    for (let q = p + 1; q < d; q++) {
      const v = c[p * d + q] / (n - 1);
      c[p * d + q] = v;
      c[q * d + p] = v;
    }
  }
  return c;
}

/** The k largest eigenpairs of the symmetric C (d, d): vectors (k, d) row-wise, values (k). */
function topEigenvectors(
  cov: Float64Array,
  d: number,
  k: number,
  options: PcaOptions,
): { vectors: Float64Array; values: Float64Array; iterations: number } {
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 1000;
  const b = Math.min(d, k + 6); // a wider block converges faster for the top k
  // V (b, d): a fixed, deterministic start (a sine pattern), orthonormalised.
  let V = new Float64Array(b * d);
  for (let r = 0; r < b; r++)
    for (let j = 0; j < d; j++) V[r * d + j] = Math.sin(1 + (r + 1) * (j + 1) * 0.7071);
  orthonormalise(V, b, d);
  let W = new Float64Array(b * d);
  const values = new Float64Array(b);
  let previous = new Float64Array(b).fill(NaN);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    // W = V · C (rows), then orthonormalise.
    multiplyRows(W, V, cov, b, d);
    orthonormalise(W, b, d);
    // Rayleigh–Ritz: H (b, b) = W C Wᵀ; H = Q Λ Qᵀ; V = Qᵀ W (the Ritz vectors, largest first).
    multiplyRows(V, W, cov, b, d); // V (scratch) = W C
    const H = new Float64Array(b * b);
    for (let r = 0; r < b; r++)
      for (let s = 0; s < b; s++) {
        let sum = 0;
        for (let j = 0; j < d; j++) sum += V[r * d + j] * W[s * d + j];
        H[r * b + s] = sum;
      }
    const { values: ritz, vectors: Q } = jacobiEigen(H, b);
    const order = [...ritz.keys()].sort((p, q) => ritz[q] - ritz[p]);
    const next = new Float64Array(b * d);
    order.forEach((src, r) => {
      values[r] = ritz[src];
      for (let s = 0; s < b; s++) {
        const q = Q[s * b + src];
        if (q !== 0) for (let j = 0; j < d; j++) next[r * d + j] += q * W[s * d + j];
      }
    });
    [V, W] = [next, V];
    let converged = true;
    for (let r = 0; r < k; r++)
      if (!(Math.abs(values[r] - previous[r]) <= tolerance * Math.max(Math.abs(values[0]), 1e-300)))
        converged = false;
    if (converged) break;
    previous = Float64Array.from(values);
  }
  return { vectors: V.subarray(0, k * d), values: values.subarray(0, k), iterations };
}

/** out (b, d) = V (b, d) · C (d, d), C symmetric. */
function multiplyRows(out: Float64Array, V: Float64Array, C: Float64Array, b: number, d: number): void {
  out.fill(0);
  for (let r = 0; r < b; r++) {
    const o = r * d;
    for (let p = 0; p < d; p++) {
      const v = V[o + p];
      if (v === 0) continue;
      const c = p * d;
      for (let j = 0; j < d; j++) out[o + j] += v * C[c + j];
    }
  }
}

/** Modified Gram–Schmidt on the b rows of V (b, d), twice for float64 orthogonality; a row in the others' span is re-seeded. */
function orthonormalise(V: Float64Array, b: number, d: number): void {
  let seed = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (let r = 0; r < b; r++) {
      const o = r * d;
      let before = 0;
      for (let j = 0; j < d; j++) before += V[o + j] * V[o + j];
      for (let s = 0; s < r; s++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += V[o + j] * V[s * d + j];
        for (let j = 0; j < d; j++) V[o + j] -= dot * V[s * d + j];
      }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += V[o + j] * V[o + j];
      norm = Math.sqrt(norm);
      if (!(norm > 1e-8 * Math.sqrt(before)) && seed < 2 * d) {
        // Nothing left but rounding (C has rank below b): try e_0, e_1, ... until one is not in the span.
        for (let j = 0; j < d; j++) V[o + j] = j === seed % d ? 1 : 0;
        seed++;
        r--;
        continue;
      }
      for (let j = 0; j < d; j++) V[o + j] /= norm;
    }
  }
}

/** Eigen-decomposition of a small symmetric matrix A (m, m) by cyclic Jacobi rotations: A = Q diag(values) Qᵀ. */
export function jacobiEigen(A: Float64Array, m: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(A);
  const q = new Float64Array(m * m);
  for (let i = 0; i < m; i++) q[i * m + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        total += a[i * m + j] * a[i * m + j];
        if (i !== j) off += a[i * m + j] * a[i * m + j];
      }
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < m - 1; p++) {
      for (let r = p + 1; r < m; r++) {
        const apr = a[p * m + r];
        if (apr === 0) continue;
        const theta = (a[r * m + r] - a[p * m + p]) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let i = 0; i < m; i++) {
          const aip = a[i * m + p];
          const air = a[i * m + r];
          a[i * m + p] = c * aip - s * air;
          a[i * m + r] = s * aip + c * air;
        }
        for (let i = 0; i < m; i++) {
          const api = a[p * m + i];
          const ari = a[r * m + i];
          a[p * m + i] = c * api - s * ari;
          a[r * m + i] = s * api + c * ari;
        }
        for (let i = 0; i < m; i++) {
          const qip = q[i * m + p];
          const qir = q[i * m + r];
          q[i * m + p] = c * qip - s * qir;
          q[i * m + r] = s * qip + c * qir;
        }
      }
    }
  }
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) values[i] = a[i * m + i];
  return { values, vectors: q };
}
