// Dense kernels: register-tiled products and column sums (see kernels.ts).
import { initVec, madd, storeLanes } from './simd';

// ---------------------------------------------------------------------------------------------
// Dense: out (R,m) = A (R,T) · B (T,m) + bias, where A(r,t) sits at a + r*ars + t*ats (bytes).
// With ars = 4k, ats = 4 this is a plain row-major A; with ars = 4, ats = 4m' it is a transpose,
// which is how gemmAT reuses it. Register tile: 4 rows × 2 vectors (8 accumulators).

// @ts-ignore: decorator
@inline function tile4x2(o: usize, oStride: usize, a: usize, ars: usize, ats: usize, b: usize, bStride: usize, T: i32, bias: usize, j: usize, last: i32): void {
  let c00 = initVec(bias, j), c01 = initVec(bias, j + 16);
  let c10 = c00, c11 = c01, c20 = c00, c21 = c01, c30 = c00, c31 = c01;
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
    pb += bStride;
  }
  o += j;
  v128.store(o, c00); storeLanes(o + 16, c01, last); o += oStride;
  v128.store(o, c10); storeLanes(o + 16, c11, last); o += oStride;
  v128.store(o, c20); storeLanes(o + 16, c21, last); o += oStride;
  v128.store(o, c30); storeLanes(o + 16, c31, last);
}

// @ts-ignore: decorator
@inline function tile4x1(o: usize, oStride: usize, a: usize, ars: usize, ats: usize, b: usize, bStride: usize, T: i32, bias: usize, j: usize, last: i32): void {
  let c0 = initVec(bias, j);
  let c1 = c0, c2 = c0, c3 = c0;
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    const b0 = v128.load(pb);
    c0 = madd(c0, v128.load32_splat(pa), b0);
    c1 = madd(c1, v128.load32_splat(pa + ars), b0);
    c2 = madd(c2, v128.load32_splat(pa + 2 * ars), b0);
    c3 = madd(c3, v128.load32_splat(pa + 3 * ars), b0);
    pa += ats;
    pb += bStride;
  }
  o += j;
  storeLanes(o, c0, last); o += oStride;
  storeLanes(o, c1, last); o += oStride;
  storeLanes(o, c2, last); o += oStride;
  storeLanes(o, c3, last);
}

// @ts-ignore: decorator
@inline function tile1x2(o: usize, a: usize, ats: usize, b: usize, bStride: usize, T: i32, bias: usize, j: usize, last: i32): void {
  let c0 = initVec(bias, j), c1 = initVec(bias, j + 16);
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    const s = v128.load32_splat(pa);
    c0 = madd(c0, s, v128.load(pb, 0));
    c1 = madd(c1, s, v128.load(pb, 16));
    pa += ats;
    pb += bStride;
  }
  v128.store(o + j, c0); storeLanes(o + j + 16, c1, last);
}

// @ts-ignore: decorator
@inline function tile1x1(o: usize, a: usize, ats: usize, b: usize, bStride: usize, T: i32, bias: usize, j: usize, last: i32): void {
  let c0 = initVec(bias, j);
  let pa = a;
  let pb = b + j;
  for (let t = 0; t < T; t++) {
    c0 = madd(c0, v128.load32_splat(pa), v128.load(pb));
    pa += ats;
    pb += bStride;
  }
  storeLanes(o + j, c0, last);
}

/** out (R,m) = A (R,T) · b (T,m) + bias, A strided (see above); bias == 0 means none. */
function gemmStrided(out: usize, a: usize, ars: usize, ats: usize, b: usize, R: i32, T: i32, m: i32, bias: usize): void {
  const rowBytes = <usize>m << 2;
  const nv = (m + 3) >> 2;
  const last = m - ((nv - 1) << 2);
  let r = 0;
  for (; r + 4 <= R; r += 4) {
    const o = out + <usize>r * rowBytes;
    const pa = a + <usize>r * ars;
    let v = 0;
    for (; v + 2 <= nv; v += 2) tile4x2(o, rowBytes, pa, ars, ats, b, rowBytes, T, bias, <usize>v << 4, v + 2 == nv ? last : 4);
    if (v < nv) tile4x1(o, rowBytes, pa, ars, ats, b, rowBytes, T, bias, <usize>v << 4, last);
  }
  for (; r < R; r++) {
    const o = out + <usize>r * rowBytes;
    const pa = a + <usize>r * ars;
    let v = 0;
    for (; v + 2 <= nv; v += 2) tile1x2(o, pa, ats, b, rowBytes, T, bias, <usize>v << 4, v + 2 == nv ? last : 4);
    if (v < nv) tile1x1(o, pa, ats, b, rowBytes, T, bias, <usize>v << 4, last);
  }
}

/** out (n,m) = a (n,k) · b (k,m) + bias (m); bias == 0 means none. */
export function gemm(out: usize, a: usize, b: usize, bias: usize, n: i32, k: i32, m: i32): void {
  gemmStrided(out, a, <usize>k << 2, 4, b, n, k, m, bias);
}

/** out (k,m) = aᵀ (k,n) · g (n,m), a (n,k): row p of out sums a[i,p] * g[i,:] over the batch. */
export function gemmAT(out: usize, a: usize, g: usize, n: i32, k: i32, m: i32): void {
  gemmStrided(out, a, 4, <usize>k << 2, g, k, n, m, 0);
}

/** out (n,k) = g (n,m) · bᵀ (m,k), b (k,m); bT is scratch for k*m floats (b transposed first). */
export function gemmBT(out: usize, g: usize, b: usize, n: i32, k: i32, m: i32, bT: usize): void {
  // bT (m,k): bT[j,p] = b[p,j]. Then out = g · bT is a plain gemm with inner length m.
  for (let p = 0; p < k; p++) {
    const src = b + <usize>p * (<usize>m << 2);
    for (let j = 0; j < m; j++) store<f32>(bT + ((<usize>j * <usize>k + <usize>p) << 2), load<f32>(src + (<usize>j << 2)));
  }
  gemmStrided(out, g, <usize>m << 2, 4, bT, n, m, k, 0);
}

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
