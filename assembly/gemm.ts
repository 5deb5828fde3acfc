// Dense products: register-tiled and cache-blocked (see kernels.ts for the conventions).
//
// One driver, gemmBlocked, computes out (R,m) = A (R,T) · B (T,m) + bias, where A(r,t) sits at
// a + r·ars + t·ats (bytes): ars = 4T, ats = 4 is a plain row-major A; ars = 4, ats = 4R is a
// transposed one, which is how gemmAT reads aᵀ without writing it out.
// - Register tiles of 4 rows × 2 vectors (8 accumulators; 2 and 1 rows for the last rows), so each
//   loaded B vector serves 4 rows and each A value (splat) 8 columns.
// - Cache blocks: the inner dimension T in blocks of KC steps, the columns in panels of at most
//   PANEL_BYTES / (16·KC) vectors, so the B block a tile streams (KC × panel) stays in L2 while every
//   row tile passes over it; a later block adds to what out holds. For the convolution's dW the inner
//   dimension is N·OH·OW (57,600 for SimpleConvNet) and the output only FN × C·FH·FW: without blocks
//   every tile would stream both whole matrices from memory.
import { initVec, madd, storeLanes, transposeAdd } from './simd';

const KC = 256;
const PANEL_BYTES = 96 * 1024;

/** A tile's starting accumulator: bias (or 0) in the first inner block, else what out holds. */
// @ts-ignore: decorator
@inline function acc0(first: bool, o: usize, bias: usize, j: usize): v128 {
  return first ? initVec(bias, j) : v128.load(o + j);
}

// @ts-ignore: decorator
@inline function tile4x2(o: usize, oS: usize, a: usize, ars: usize, ats: usize, b: usize, bS: usize, T: i32, bias: usize, j: usize, last: i32, first: bool): void {
  let c00 = acc0(first, o, bias, j), c01 = acc0(first, o, bias, j + 16);
  let c10 = acc0(first, o + oS, bias, j), c11 = acc0(first, o + oS, bias, j + 16);
  let c20 = acc0(first, o + 2 * oS, bias, j), c21 = acc0(first, o + 2 * oS, bias, j + 16);
  let c30 = acc0(first, o + 3 * oS, bias, j), c31 = acc0(first, o + 3 * oS, bias, j + 16);
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    const b0 = v128.load(pb, 0), b1 = v128.load(pb, 16);
    const s0 = v128.load32_splat(pa);
    c00 = madd(c00, s0, b0); c01 = madd(c01, s0, b1);
    const s1 = v128.load32_splat(pa + ars);
    c10 = madd(c10, s1, b0); c11 = madd(c11, s1, b1);
    const s2 = v128.load32_splat(pa + 2 * ars);
    c20 = madd(c20, s2, b0); c21 = madd(c21, s2, b1);
    const s3 = v128.load32_splat(pa + 3 * ars);
    c30 = madd(c30, s3, b0); c31 = madd(c31, s3, b1);
    pa += ats;
    pb += bS;
  }
  o += j;
  v128.store(o, c00); storeLanes(o + 16, c01, last); o += oS;
  v128.store(o, c10); storeLanes(o + 16, c11, last); o += oS;
  v128.store(o, c20); storeLanes(o + 16, c21, last); o += oS;
  v128.store(o, c30); storeLanes(o + 16, c31, last);
}

// @ts-ignore: decorator
@inline function tile4x1(o: usize, oS: usize, a: usize, ars: usize, ats: usize, b: usize, bS: usize, T: i32, bias: usize, j: usize, last: i32, first: bool): void {
  let c0 = acc0(first, o, bias, j), c1 = acc0(first, o + oS, bias, j);
  let c2 = acc0(first, o + 2 * oS, bias, j), c3 = acc0(first, o + 3 * oS, bias, j);
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    const b0 = v128.load(pb);
    c0 = madd(c0, v128.load32_splat(pa), b0);
    c1 = madd(c1, v128.load32_splat(pa + ars), b0);
    c2 = madd(c2, v128.load32_splat(pa + 2 * ars), b0);
    c3 = madd(c3, v128.load32_splat(pa + 3 * ars), b0);
    pa += ats;
    pb += bS;
  }
  o += j;
  storeLanes(o, c0, last); o += oS;
  storeLanes(o, c1, last); o += oS;
  storeLanes(o, c2, last); o += oS;
  storeLanes(o, c3, last);
}

// @ts-ignore: decorator
@inline function tile2x2(o: usize, oS: usize, a: usize, ars: usize, ats: usize, b: usize, bS: usize, T: i32, bias: usize, j: usize, last: i32, first: bool): void {
  let c00 = acc0(first, o, bias, j), c01 = acc0(first, o, bias, j + 16);
  let c10 = acc0(first, o + oS, bias, j), c11 = acc0(first, o + oS, bias, j + 16);
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    const b0 = v128.load(pb, 0), b1 = v128.load(pb, 16);
    const s0 = v128.load32_splat(pa);
    c00 = madd(c00, s0, b0); c01 = madd(c01, s0, b1);
    const s1 = v128.load32_splat(pa + ars);
    c10 = madd(c10, s1, b0); c11 = madd(c11, s1, b1);
    pa += ats;
    pb += bS;
  }
  o += j;
  v128.store(o, c00); storeLanes(o + 16, c01, last); o += oS;
  v128.store(o, c10); storeLanes(o + 16, c11, last);
}

// @ts-ignore: decorator
@inline function tile2x1(o: usize, oS: usize, a: usize, ars: usize, ats: usize, b: usize, bS: usize, T: i32, bias: usize, j: usize, last: i32, first: bool): void {
  let c0 = acc0(first, o, bias, j), c1 = acc0(first, o + oS, bias, j);
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    const b0 = v128.load(pb);
    c0 = madd(c0, v128.load32_splat(pa), b0);
    c1 = madd(c1, v128.load32_splat(pa + ars), b0);
    pa += ats;
    pb += bS;
  }
  o += j;
  storeLanes(o, c0, last);
  storeLanes(o + oS, c1, last);
}

// @ts-ignore: decorator
@inline function tile1x2(o: usize, a: usize, ats: usize, b: usize, bS: usize, T: i32, bias: usize, j: usize, last: i32, first: bool): void {
  let c0 = acc0(first, o, bias, j), c1 = acc0(first, o, bias, j + 16);
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    const s = v128.load32_splat(pa);
    c0 = madd(c0, s, v128.load(pb, 0));
    c1 = madd(c1, s, v128.load(pb, 16));
    pa += ats;
    pb += bS;
  }
  v128.store(o + j, c0); storeLanes(o + j + 16, c1, last);
}

// @ts-ignore: decorator
@inline function tile1x1(o: usize, a: usize, ats: usize, b: usize, bS: usize, T: i32, bias: usize, j: usize, last: i32, first: bool): void {
  let c0 = acc0(first, o, bias, j);
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    c0 = madd(c0, v128.load32_splat(pa), v128.load(pb));
    pa += ats;
    pb += bS;
  }
  storeLanes(o + j, c0, last);
}

/** One inner block (T steps from a, b) for every row tile and the column vectors [v0, v1). */
function block(out: usize, oS: usize, a: usize, ars: usize, ats: usize, b: usize, bS: usize, R: i32, T: i32, bias: usize, v0: i32, v1: i32, nv: i32, last: i32, first: bool): void {
  let r = 0;
  for (; r + 4 <= R; r += 4) {
    const o = out + <usize>r * oS;
    const pa = a + <usize>r * ars;
    let v = v0;
    for (; v + 2 <= v1; v += 2) tile4x2(o, oS, pa, ars, ats, b, bS, T, bias, <usize>v << 4, v + 2 == nv ? last : 4, first);
    if (v < v1) tile4x1(o, oS, pa, ars, ats, b, bS, T, bias, <usize>v << 4, v + 1 == nv ? last : 4, first);
  }
  if (r + 2 <= R) {
    const o = out + <usize>r * oS;
    const pa = a + <usize>r * ars;
    let v = v0;
    for (; v + 2 <= v1; v += 2) tile2x2(o, oS, pa, ars, ats, b, bS, T, bias, <usize>v << 4, v + 2 == nv ? last : 4, first);
    if (v < v1) tile2x1(o, oS, pa, ars, ats, b, bS, T, bias, <usize>v << 4, v + 1 == nv ? last : 4, first);
    r += 2;
  }
  if (r < R) {
    const o = out + <usize>r * oS;
    const pa = a + <usize>r * ars;
    let v = v0;
    for (; v + 2 <= v1; v += 2) tile1x2(o, pa, ats, b, bS, T, bias, <usize>v << 4, v + 2 == nv ? last : 4, first);
    if (v < v1) tile1x1(o, pa, ats, b, bS, T, bias, <usize>v << 4, v + 1 == nv ? last : 4, first);
  }
}

/** out (R,m) = A (R,T) · B (T,m) + bias, A strided (see above), B rows bS bytes apart; bias == 0: none. */
function gemmBlocked(out: usize, a: usize, ars: usize, ats: usize, b: usize, bS: usize, R: i32, T: i32, m: i32, bias: usize, accumulate: bool = false): void {
  if (R <= 0 || m <= 0) return;
  const oS = <usize>m << 2;
  const nv = (m + 3) >> 2;
  const last = m - ((nv - 1) << 2);
  // Panels of balanced width (an even number of vectors where possible).
  const maxV = PANEL_BYTES / (KC * 16);
  const panels = (nv + maxV - 1) / maxV;
  let width = (nv + panels - 1) / panels;
  width += width & 1;
  for (let v0 = 0; v0 < nv; v0 += width) {
    const v1 = min(nv, v0 + width);
    let t0 = 0;
    do {
      const T0 = min(KC, T - t0);
      block(out, oS, a + <usize>t0 * ats, ars, ats, b + <usize>t0 * bS, bS, R, T0, bias, v0, v1, nv, last, t0 == 0 && !accumulate);
      t0 += KC;
    } while (t0 < T);
  }
}

/** out (n,m) = a (n,k) · b (k,m) + bias (m); bias == 0 means none. */
export function gemm(out: usize, a: usize, b: usize, bias: usize, n: i32, k: i32, m: i32): void {
  gemmBlocked(out, a, <usize>k << 2, 4, b, <usize>m << 2, n, k, m, bias);
}

/** out (k,m) = aᵀ (k,n) · g (n,m), a (n,k): row p of out sums a[i,p] * g[i,:] over the batch. */
export function gemmAT(out: usize, a: usize, g: usize, n: i32, k: i32, m: i32): void {
  gemmBlocked(out, a, 4, <usize>k << 2, g, <usize>m << 2, k, n, m, 0);
}

/** out (n,k) = g (n,m) · bᵀ (m,k), b (k,m); bT is scratch for k*m floats (b transposed first, 4×4 blocks). */
export function gemmBT(out: usize, g: usize, b: usize, n: i32, k: i32, m: i32, bT: usize): void {
  transposeAdd(bT, b, k, m, 0); // bT (m,k)
  gemmBlocked(out, g, <usize>m << 2, 4, bT, <usize>k << 2, n, m, k, 0);
}

/** dW (FN,K) = Σ_n dout_n (FN,P) · col_n (P,K) (image by image, adding up in dW), db (FN) = Σ_n,p dout. */
export function convWeightGrad(dW: usize, db: usize, dout: usize, col: usize, N: i32, P: i32, FN: i32, K: i32): void {
  const img = <usize>(FN * P) << 2;
  const colImg = <usize>(P * K) << 2;
  memory.fill(db, 0, <usize>FN << 2);
  if (N == 0) memory.fill(dW, 0, <usize>(FN * K) << 2);
  for (let n = 0; n < N; n++) {
    const d = dout + <usize>n * img;
    gemmBlocked(dW, d, <usize>P << 2, 4, col + <usize>n * colImg, <usize>K << 2, FN, P, K, 0, n > 0);
    for (let f = 0; f < FN; f++) {
      const row = d + (<usize>(f * P) << 2);
      let s = f32x4.splat(0);
      let p = 0;
      for (; p + 4 <= P; p += 4) s = f32x4.add(s, v128.load(row + (<usize>p << 2)));
      let sum: f32 = f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3);
      for (; p < P; p++) sum += load<f32>(row + (<usize>p << 2));
      const at = db + (<usize>f << 2);
      store<f32>(at, load<f32>(at) + sum);
    }
  }
}

/** dcol_n (P,K) = dout_nᵀ (P,FN) · W (FN,K) for each image: dout read transposed where it lies. */
export function convColGrad(dcol: usize, dout: usize, W: usize, N: i32, P: i32, FN: i32, K: i32): void {
  const img = <usize>(FN * P) << 2;
  const colImg = <usize>(P * K) << 2;
  for (let n = 0; n < N; n++) {
    gemmBlocked(dcol + <usize>n * colImg, dout + <usize>n * img, 4, <usize>P << 2, W, <usize>K << 2, P, FN, K, 0);
  }
}
