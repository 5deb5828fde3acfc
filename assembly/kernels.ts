// The float32 WebAssembly SIMD kernels (AssemblyScript). Same contract as src/nn/kernels.ts.
//
// Letters: n = batch rows, k = inner (input features), m = output features. Row-major, flat.
// Every argument named like a matrix is a byte address in this module's memory; the JS side
// (src/nn/kernels-wasm.ts) owns that memory and hands out the addresses.
//
// How the speed is found:
// - A v128 holds 4 float32 lanes. A row of m columns is ceil(m/4) vectors; the last one may be
//   partial. Loads may read up to 3 floats past a row (the allocator pads every buffer), but
//   stores of a partial vector write only the live lanes.
// - Columns are processed in strips of up to 7 vectors whose accumulators stay in registers
//   (x86-64 has 16 vector registers), so each output element is written exactly once.
// - Sparse kernels walk only the non-zero pixels (about 19 % of an MNIST image).

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Stores the first `lanes` (1..4) lanes of v at p. */
// @ts-ignore: decorator
@inline function storeLanes(p: usize, v: v128, lanes: i32): void {
  if (lanes >= 4) {
    v128.store(p, v);
  } else {
    store<f32>(p, f32x4.extract_lane(v, 0));
    if (lanes > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
    if (lanes > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
  }
}

/** acc + s * v, lane by lane (no fused multiply-add in baseline wasm SIMD). */
// @ts-ignore: decorator
@inline function madd(acc: v128, s: v128, v: v128): v128 {
  return f32x4.add(acc, f32x4.mul(s, v));
}

/** The first vector of a strip: bias lanes, or zeros when there is no bias (bias == 0). */
// @ts-ignore: decorator
@inline function initVec(bias: usize, off: usize): v128 {
  return bias != 0 ? v128.load(bias + off) : f32x4.splat(0);
}

// ---------------------------------------------------------------------------------------------
// Sparse · dense: out (n,m) = X (n,k) · B (k,m) + bias, X in CSR (rowPtr, colIdx, values).
// For each row i and each non-zero (c, v) of it: out[i, strip] += v * B[c, strip].

// spmmStrip1..7: one row's strip of 1..7 vectors. (Written out by hand-unrolling: AssemblyScript has no
// arrays of registers. More than 7 accumulators made V8 spill registers and run slower.)
// @ts-ignore: decorator
@inline function spmmStrip1(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32): void {
  let a0 = initVec(bias, j + 0);
  for (let e = e0; e < e1; e++) {
    const s = v128.load32_splat(values + (<usize>e << 2)); // v, in all 4 lanes
    const r = b + <usize>load<i32>(colIdx + (<usize>e << 2)) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
  }
  o += j;
  storeLanes(o + 0, a0, last);
}

// @ts-ignore: decorator
@inline function spmmStrip2(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16);
  for (let e = e0; e < e1; e++) {
    const s = v128.load32_splat(values + (<usize>e << 2)); // v, in all 4 lanes
    const r = b + <usize>load<i32>(colIdx + (<usize>e << 2)) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
  }
  o += j;
  v128.store(o, a0, 0); storeLanes(o + 16, a1, last);
}

// @ts-ignore: decorator
@inline function spmmStrip3(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32);
  for (let e = e0; e < e1; e++) {
    const s = v128.load32_splat(values + (<usize>e << 2)); // v, in all 4 lanes
    const r = b + <usize>load<i32>(colIdx + (<usize>e << 2)) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
    a2 = madd(a2, s, v128.load(r, 32));
  }
  o += j;
  v128.store(o, a0, 0); v128.store(o, a1, 16); storeLanes(o + 32, a2, last);
}

// @ts-ignore: decorator
@inline function spmmStrip4(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32), a3 = initVec(bias, j + 48);
  for (let e = e0; e < e1; e++) {
    const s = v128.load32_splat(values + (<usize>e << 2)); // v, in all 4 lanes
    const r = b + <usize>load<i32>(colIdx + (<usize>e << 2)) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
    a2 = madd(a2, s, v128.load(r, 32));
    a3 = madd(a3, s, v128.load(r, 48));
  }
  o += j;
  v128.store(o, a0, 0); v128.store(o, a1, 16); v128.store(o, a2, 32); storeLanes(o + 48, a3, last);
}

// @ts-ignore: decorator
@inline function spmmStrip5(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32), a3 = initVec(bias, j + 48), a4 = initVec(bias, j + 64);
  for (let e = e0; e < e1; e++) {
    const s = v128.load32_splat(values + (<usize>e << 2)); // v, in all 4 lanes
    const r = b + <usize>load<i32>(colIdx + (<usize>e << 2)) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
    a2 = madd(a2, s, v128.load(r, 32));
    a3 = madd(a3, s, v128.load(r, 48));
    a4 = madd(a4, s, v128.load(r, 64));
  }
  o += j;
  v128.store(o, a0, 0); v128.store(o, a1, 16); v128.store(o, a2, 32); v128.store(o, a3, 48); storeLanes(o + 64, a4, last);
}

// @ts-ignore: decorator
@inline function spmmStrip6(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32), a3 = initVec(bias, j + 48), a4 = initVec(bias, j + 64), a5 = initVec(bias, j + 80);
  for (let e = e0; e < e1; e++) {
    const s = v128.load32_splat(values + (<usize>e << 2)); // v, in all 4 lanes
    const r = b + <usize>load<i32>(colIdx + (<usize>e << 2)) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
    a2 = madd(a2, s, v128.load(r, 32));
    a3 = madd(a3, s, v128.load(r, 48));
    a4 = madd(a4, s, v128.load(r, 64));
    a5 = madd(a5, s, v128.load(r, 80));
  }
  o += j;
  v128.store(o, a0, 0); v128.store(o, a1, 16); v128.store(o, a2, 32); v128.store(o, a3, 48); v128.store(o, a4, 64); storeLanes(o + 80, a5, last);
}

// @ts-ignore: decorator
@inline function spmmStrip7(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32), a3 = initVec(bias, j + 48), a4 = initVec(bias, j + 64), a5 = initVec(bias, j + 80), a6 = initVec(bias, j + 96);
  for (let e = e0; e < e1; e++) {
    const s = v128.load32_splat(values + (<usize>e << 2)); // v, in all 4 lanes
    const r = b + <usize>load<i32>(colIdx + (<usize>e << 2)) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
    a2 = madd(a2, s, v128.load(r, 32));
    a3 = madd(a3, s, v128.load(r, 48));
    a4 = madd(a4, s, v128.load(r, 64));
    a5 = madd(a5, s, v128.load(r, 80));
    a6 = madd(a6, s, v128.load(r, 96));
  }
  o += j;
  v128.store(o, a0, 0); v128.store(o, a1, 16); v128.store(o, a2, 32); v128.store(o, a3, 48); v128.store(o, a4, 64); v128.store(o, a5, 80); storeLanes(o + 96, a6, last);
}

// spmmRows1..7: one strip of w vectors (columns j/4 .. j/4 + 4w - 1, j in bytes) for all n rows.
// The JS side splits a row into balanced strips of at most 7 vectors (m = 50, 13 vectors: 7 + 6;
// m = 10: one strip of 3) and calls one export per strip. Dispatching from JS rather than from a
// switch here matters: with every strip inlined into one function V8 allocated registers worse
// and the whole product ran 25 % slower.

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 1. */
export function spmmRows1(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip1(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 2. */
export function spmmRows2(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip2(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 3. */
export function spmmRows3(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip3(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 4. */
export function spmmRows4(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip4(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 5. */
export function spmmRows5(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip5(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 6. */
export function spmmRows6(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip6(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 7. */
export function spmmRows7(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip7(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last);
  }
}

// ---------------------------------------------------------------------------------------------
// Sparse transposed: out (k,m) = Xᵀ · G, X (n,k) in CSR, G (n,m). The first layer's dW.
// Scattering into out row by row would load and store every touched out row once per non-zero.
// Instead the batch is first transposed to compressed sparse columns (one pass of counting sort),
// after which out row c = Σ over the non-zeros (i, v) of pixel c of v * G[i,:] is exactly spmm
// (spmmRows*) with G in the place of B: each out row is summed in registers and written once, and pixels that
// are zero in the whole batch come out as zero rows.

/** Transposes X (n,k) from CSR to CSC: cscPtr (k+1), cscRow and cscVal (nnz); then Xᵀ is CSR. */
export function csrToCsc(rowPtr: usize, colIdx: usize, values: usize, n: i32, k: i32, cscPtr: usize, cscRow: usize, cscVal: usize): void {
  const nnz = load<i32>(rowPtr + (<usize>n << 2));
  // 1. count the non-zeros of each column c into cscPtr[c + 1]
  memory.fill(cscPtr, 0, (<usize>k + 1) << 2);
  for (let e = 0; e < nnz; e++) {
    const p = cscPtr + (<usize>load<i32>(colIdx + (<usize>e << 2)) << 2) + 4;
    store<i32>(p, load<i32>(p) + 1);
  }
  // 2. prefix sums: cscPtr[c] = where column c starts
  let run = 0;
  for (let c = 0; c <= k; c++) {
    const p = cscPtr + (<usize>c << 2);
    run += load<i32>(p);
    store<i32>(p, run);
  }
  // 3. scatter (row, value) pairs; cscPtr[c] walks forward and ends where column c + 1 starts
  for (let i = 0; i < n; i++) {
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    for (let e = load<i32>(rowPtr + (<usize>i << 2)); e < e1; e++) {
      const p = cscPtr + (<usize>load<i32>(colIdx + (<usize>e << 2)) << 2);
      const d = <usize>load<i32>(p) << 2;
      store<i32>(p, load<i32>(p) + 1);
      store<i32>(cscRow + d, i);
      store<f32>(cscVal + d, load<f32>(values + (<usize>e << 2)));
    }
  }
  // 4. shift back by one so that cscPtr[c] is again the start of column c
  for (let c = k; c > 0; c--) store<i32>(cscPtr + (<usize>c << 2), load<i32>(cscPtr + (<usize>(c - 1) << 2)));
  store<i32>(cscPtr, 0);
}

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

/** out (m) = Σ_i g[i,:]: the bias gradient db. */
export function colSum(out: usize, g: usize, n: i32, m: i32): void {
  const rowBytes = <usize>m << 2;
  const full = <usize>(m >> 2) << 4; // bytes covered by whole vectors
  for (let j: usize = 0; j < full; j += 16) {
    let s = f32x4.splat(0);
    for (let i = 0; i < n; i++) s = f32x4.add(s, v128.load(g + <usize>i * rowBytes + j));
    v128.store(out + j, s);
  }
  for (let j = <i32>(full >> 2); j < m; j++) {
    let s: f32 = 0;
    for (let i = 0; i < n; i++) s += load<f32>(g + <usize>i * rowBytes + (<usize>j << 2));
    store<f32>(out + (<usize>j << 2), s);
  }
}

/** y (len) += a · x (len): the SGD step W ← W - η·dW with a = -η (not yet in the Kernels contract). */
export function axpy(y: usize, a: f32, x: usize, len: i32): void {
  const s = f32x4.splat(a);
  const full = <usize>(len >> 2) << 4;
  for (let p: usize = 0; p < full; p += 16) v128.store(y + p, madd(v128.load(y + p), s, v128.load(x + p)));
  for (let p = full; p < (<usize>len << 2); p += 4) store<f32>(y + p, load<f32>(y + p) + a * load<f32>(x + p));
}
