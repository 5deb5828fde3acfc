// Dense element-wise kernels and column sums (see kernels.ts); the products are in gemm.ts.
import { madd, storeLanes } from './simd';

/** out (m) = Σ_i g[i,:]: the bias gradient db, row by row into out (which stays in cache). */
export function colSum(out: usize, g: usize, n: i32, m: i32): void {
  const rowBytes = <usize>m << 2;
  const full = <usize>(m >> 2) << 4; // bytes covered by whole vectors
  memory.fill(out, 0, rowBytes);
  for (let i = 0; i < n; i++) {
    const gi = g + <usize>i * rowBytes;
    for (let j: usize = 0; j < full; j += 16) v128.store(out + j, f32x4.add(v128.load(out + j), v128.load(gi + j)));
    for (let j = full; j < rowBytes; j += 4) store<f32>(out + j, load<f32>(out + j) + load<f32>(gi + j));
  }
}

/** y (len) += a · x (len): the SGD step W ← W - η·dW with a = -η. */
export function axpy(y: usize, a: f32, x: usize, len: i32): void {
  const s = f32x4.splat(a);
  const full = <usize>(len >> 2) << 4;
  for (let p: usize = 0; p < full; p += 16) v128.store(y + p, madd(v128.load(y + p), s, v128.load(x + p)));
  for (let p = full; p < (<usize>len << 2); p += 4) store<f32>(y + p, load<f32>(y + p) + a * load<f32>(x + p));
}

/** y (len) = max(0, x): ReLU forward. pmax(0, v) is 0 for NaN and -0, like the JS `v > 0 ? v : 0`. */
export function relu(y: usize, x: usize, len: i32): void {
  const z = f32x4.splat(0);
  const full = <usize>(len >> 2) << 4;
  for (let p: usize = 0; p < full; p += 16) v128.store(y + p, f32x4.pmax(z, v128.load(x + p)));
  for (let p = full; p < (<usize>len << 2); p += 4) {
    const v = load<f32>(x + p);
    store<f32>(y + p, v > 0 ? v : 0);
  }
}

/** dx (len) = dout where y > 0, else 0: ReLU backward from its output y (y > 0 exactly when x > 0). */
export function reluBackward(dx: usize, dout: usize, y: usize, len: i32): void {
  const z = f32x4.splat(0);
  const full = <usize>(len >> 2) << 4;
  for (let p: usize = 0; p < full; p += 16) {
    v128.store(dx + p, v128.and(v128.load(dout + p), f32x4.gt(v128.load(y + p), z)));
  }
  for (let p = full; p < (<usize>len << 2); p += 4) store<f32>(dx + p, load<f32>(y + p) > 0 ? load<f32>(dout + p) : 0);
}

// exp(x) for 4 lanes (Cephes expf): x = n·ln2 + r with |r| <= ln2/2, e^r by a degree-7 polynomial,
// 2^n built in the exponent bits. Relative error about 2e-7 over the float range; beyond ±88.38 it
// gives 0 or +Infinity. Written with the single-instruction forms (pmin/pmax, no float-to-int
// conversion: n + 127 is read from the mantissa of n + 1.5·2^23), so NaN lanes are put back by the caller.
// @ts-ignore: decorator
@inline function exp4(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-88.3762626647949)), f32x4.splat(88.3762626647950));
  const fx = f32x4.floor(madd(f32x4.splat(0.5), x, f32x4.splat(1.44269504088896341)));
  x = f32x4.sub(x, f32x4.mul(fx, f32x4.splat(0.693359375)));
  x = f32x4.sub(x, f32x4.mul(fx, f32x4.splat(-2.12194440e-4)));
  const z = f32x4.mul(x, x);
  let y = f32x4.splat(1.9875691500e-4);
  y = madd(f32x4.splat(1.3981999507e-3), y, x);
  y = madd(f32x4.splat(8.3334519073e-3), y, x);
  y = madd(f32x4.splat(4.1665795894e-2), y, x);
  y = madd(f32x4.splat(1.6666665459e-1), y, x);
  y = madd(f32x4.splat(5.0000001201e-1), y, x);
  y = f32x4.add(madd(x, y, z), f32x4.splat(1));
  // fx is an integer in [-127, 128]: the bits of fx + 1.5·2^23 + 127 end in n + 127 (0..255)
  const pow2n = i32x4.shl(f32x4.add(fx, f32x4.splat(12582912.0 + 127.0)), 23);
  return f32x4.mul(y, pow2n);
}

/** 1 / (1 + exp(-x)) for 4 lanes; a NaN lane stays NaN. */
// @ts-ignore: decorator
@inline function sigmoid4(x: v128): v128 {
  const one = f32x4.splat(1);
  const y = f32x4.div(one, f32x4.add(one, exp4(f32x4.neg(x))));
  return v128.bitselect(y, x, f32x4.eq(x, x));
}

/** y (len) = 1 / (1 + exp(-x)): Sigmoid forward, 4 lanes at a time (the tail through a padded vector). */
export function sigmoid(y: usize, x: usize, len: i32): void {
  const full = <usize>(len >> 2) << 4;
  for (let p: usize = 0; p < full; p += 16) v128.store(y + p, sigmoid4(v128.load(x + p)));
  // the allocator pads every buffer, so a whole vector may be read past the end; store live lanes
  if (full < (<usize>len << 2)) storeLanes(y + full, sigmoid4(v128.load(x + full)), len & 3);
}

/**
 * Per row i of x (n,m): best[i] = arg-max (first maximum: a later value must be greater, so NaN
 * never wins after index 0, as in the JS arg-max) and sums[i] = Σ_j exp(x[i,j] - max), 4 lanes at
 * a time; the last vector's dead lanes (past m, read from the next row or the padding) count 0.
 */
export function expSumRows(sums: usize, best: usize, x: usize, n: i32, m: i32): void {
  const rowBytes = <usize>m << 2;
  const full = <usize>(m >> 2) << 4;
  const live = i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(m & 3)); // lanes of the last partial vector
  for (let i = 0; i < n; i++) {
    const r = x + <usize>i * rowBytes;
    let b = 0;
    let max: f32 = m > 0 ? load<f32>(r) : 0;
    for (let j = 1; j < m; j++) {
      const v = load<f32>(r + (<usize>j << 2));
      if (v > max) {
        max = v;
        b = j;
      }
    }
    const vmax = f32x4.splat(max);
    let s = f32x4.splat(0);
    for (let p: usize = 0; p < full; p += 16) {
      const d = f32x4.sub(v128.load(r + p), vmax);
      s = f32x4.add(s, v128.bitselect(exp4(d), d, f32x4.eq(d, d))); // a NaN lane stays NaN
    }
    if (full < rowBytes) {
      const d = f32x4.sub(v128.load(r + full), vmax);
      s = f32x4.add(s, v128.and(v128.bitselect(exp4(d), d, f32x4.eq(d, d)), live));
    }
    store<i32>(best + (<usize>i << 2), m > 0 ? b : -1);
    store<f32>(sums + (<usize>i << 2), f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
  }
}

/** The Adam step over len entries, in place (see kernels.ts): m, v, then p -= lrT·m / (√v + 1e-7). */
export function adam(p: usize, g: usize, m: usize, v: usize, len: i32, lrT: f32, beta1: f32, beta2: f32): void {
  const a1: f32 = 1 - beta1;
  const a2: f32 = 1 - beta2;
  const va1 = f32x4.splat(a1), va2 = f32x4.splat(a2), vlr = f32x4.splat(lrT), eps = f32x4.splat(1e-7);
  const full = <usize>(len >> 2) << 4;
  for (let i: usize = 0; i < full; i += 16) {
    const gi = v128.load(g + i);
    let mi = v128.load(m + i);
    let vi = v128.load(v + i);
    mi = madd(mi, va1, f32x4.sub(gi, mi));
    vi = madd(vi, va2, f32x4.sub(f32x4.mul(gi, gi), vi));
    v128.store(m + i, mi);
    v128.store(v + i, vi);
    const step = f32x4.div(f32x4.mul(vlr, mi), f32x4.add(f32x4.sqrt(vi), eps));
    v128.store(p + i, f32x4.sub(v128.load(p + i), step));
  }
  for (let i = full; i < (<usize>len << 2); i += 4) {
    const gi = load<f32>(g + i);
    const mi = load<f32>(m + i) + a1 * (gi - load<f32>(m + i));
    const vi = load<f32>(v + i) + a2 * (gi * gi - load<f32>(v + i));
    store<f32>(m + i, mi);
    store<f32>(v + i, vi);
    store<f32>(p + i, load<f32>(p + i) - (lrT * mi) / (Mathf.sqrt(vi) + 1e-7));
  }
}
