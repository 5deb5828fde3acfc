// Sparse kernels: X in compressed sparse rows (CSR), as MNIST batches are (see kernels.ts).
import { initVec, madd, storeLanes } from './simd';

// ---------------------------------------------------------------------------------------------
// Sparse · dense: out (n,m) = X (n,k) · B (k,m) + bias, X in CSR (rowPtr, colIdx, values).
// For each row i and each non-zero (c, v) of it: out[i, strip] += v * B[c, strip].

// A non-zero's value and column: float32 and int32 in a CsrBatch, or (pixels) uint8 0..255 and
// uint16 in a split's index, the value becoming the float32 nearest v / 255 (IEEE division, the
// same float as the gather's and PIXEL_SCALE's). `pixels` is a constant at every call: each
// export is compiled for one of the two.
// @ts-ignore: decorator
@inline function pixelValue(values: usize, e: i32, pixels: bool, scale: usize): v128 {
  if (pixels) return v128.load32_splat(scale + (<usize>load<u8>(values + <usize>e) << 2));
  return v128.load32_splat(values + (<usize>e << 2));
}

// @ts-ignore: decorator
@inline function pixelColumn(colIdx: usize, e: i32, pixels: bool): usize {
  if (pixels) return <usize>load<u16>(colIdx + (<usize>e << 1));
  return <usize>load<i32>(colIdx + (<usize>e << 2));
}

// spmmStrip1..7: one row's strip of 1..7 vectors. (Written out by hand-unrolling: AssemblyScript has no
// arrays of registers. More than 7 accumulators made V8 spill registers and run slower.)
// @ts-ignore: decorator
@inline function spmmStrip1(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32, pixels: bool, scale: usize): void {
  let a0 = initVec(bias, j + 0);
  for (let e = e0; e < e1; e++) {
    const s = pixelValue(values, e, pixels, scale); // v, in all 4 lanes
    const r = b + pixelColumn(colIdx, e, pixels) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
  }
  o += j;
  storeLanes(o + 0, a0, last);
}

// @ts-ignore: decorator
@inline function spmmStrip2(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32, pixels: bool, scale: usize): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16);
  for (let e = e0; e < e1; e++) {
    const s = pixelValue(values, e, pixels, scale); // v, in all 4 lanes
    const r = b + pixelColumn(colIdx, e, pixels) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
  }
  o += j;
  v128.store(o, a0, 0); storeLanes(o + 16, a1, last);
}

// @ts-ignore: decorator
@inline function spmmStrip3(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32, pixels: bool, scale: usize): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32);
  for (let e = e0; e < e1; e++) {
    const s = pixelValue(values, e, pixels, scale); // v, in all 4 lanes
    const r = b + pixelColumn(colIdx, e, pixels) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
    a2 = madd(a2, s, v128.load(r, 32));
  }
  o += j;
  v128.store(o, a0, 0); v128.store(o, a1, 16); storeLanes(o + 32, a2, last);
}

// @ts-ignore: decorator
@inline function spmmStrip4(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32, pixels: bool, scale: usize): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32), a3 = initVec(bias, j + 48);
  for (let e = e0; e < e1; e++) {
    const s = pixelValue(values, e, pixels, scale); // v, in all 4 lanes
    const r = b + pixelColumn(colIdx, e, pixels) * rowBytes + j; // &B[c, strip]
    a0 = madd(a0, s, v128.load(r, 0));
    a1 = madd(a1, s, v128.load(r, 16));
    a2 = madd(a2, s, v128.load(r, 32));
    a3 = madd(a3, s, v128.load(r, 48));
  }
  o += j;
  v128.store(o, a0, 0); v128.store(o, a1, 16); v128.store(o, a2, 32); storeLanes(o + 48, a3, last);
}

// @ts-ignore: decorator
@inline function spmmStrip5(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32, pixels: bool, scale: usize): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32), a3 = initVec(bias, j + 48), a4 = initVec(bias, j + 64);
  for (let e = e0; e < e1; e++) {
    const s = pixelValue(values, e, pixels, scale); // v, in all 4 lanes
    const r = b + pixelColumn(colIdx, e, pixels) * rowBytes + j; // &B[c, strip]
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
@inline function spmmStrip6(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32, pixels: bool, scale: usize): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32), a3 = initVec(bias, j + 48), a4 = initVec(bias, j + 64), a5 = initVec(bias, j + 80);
  for (let e = e0; e < e1; e++) {
    const s = pixelValue(values, e, pixels, scale); // v, in all 4 lanes
    const r = b + pixelColumn(colIdx, e, pixels) * rowBytes + j; // &B[c, strip]
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
@inline function spmmStrip7(o: usize, colIdx: usize, values: usize, e0: i32, e1: i32, b: usize, bias: usize, rowBytes: usize, j: usize, last: i32, pixels: bool, scale: usize): void {
  let a0 = initVec(bias, j + 0), a1 = initVec(bias, j + 16), a2 = initVec(bias, j + 32), a3 = initVec(bias, j + 48), a4 = initVec(bias, j + 64), a5 = initVec(bias, j + 80), a6 = initVec(bias, j + 96);
  for (let e = e0; e < e1; e++) {
    const s = pixelValue(values, e, pixels, scale); // v, in all 4 lanes
    const r = b + pixelColumn(colIdx, e, pixels) * rowBytes + j; // &B[c, strip]
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
    spmmStrip1(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, false, 0);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 2. */
export function spmmRows2(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip2(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, false, 0);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 3. */
export function spmmRows3(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip3(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, false, 0);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 4. */
export function spmmRows4(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip4(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, false, 0);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 5. */
export function spmmRows5(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip5(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, false, 0);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 6. */
export function spmmRows6(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip6(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, false, 0);
  }
}

/** out[:, strip] (n, 4w) = X (n,k) · b[:, strip] + bias[strip], X in CSR, w = 7. */
export function spmmRows7(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip7(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, false, 0);
  }
}

// spmmPixelsRows1..7: the same product straight from a run of a split's index (uint16 pixel
// numbers, uint8 values), without gathering it into a float batch first (evaluation's batches).

/** out[:, strip] (n, 4w) = (X / 255) · b[:, strip] + bias[strip], X uint8 pixels (uint16 columns) read through scale (256 floats: v / 255), w = 1. */
export function spmmPixelsRows1(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32, scale: usize): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip1(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, true, scale);
  }
}

/** out[:, strip] (n, 4w) = (X / 255) · b[:, strip] + bias[strip], X uint8 pixels (uint16 columns) read through scale (256 floats: v / 255), w = 2. */
export function spmmPixelsRows2(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32, scale: usize): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip2(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, true, scale);
  }
}

/** out[:, strip] (n, 4w) = (X / 255) · b[:, strip] + bias[strip], X uint8 pixels (uint16 columns) read through scale (256 floats: v / 255), w = 3. */
export function spmmPixelsRows3(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32, scale: usize): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip3(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, true, scale);
  }
}

/** out[:, strip] (n, 4w) = (X / 255) · b[:, strip] + bias[strip], X uint8 pixels (uint16 columns) read through scale (256 floats: v / 255), w = 4. */
export function spmmPixelsRows4(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32, scale: usize): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip4(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, true, scale);
  }
}

/** out[:, strip] (n, 4w) = (X / 255) · b[:, strip] + bias[strip], X uint8 pixels (uint16 columns) read through scale (256 floats: v / 255), w = 5. */
export function spmmPixelsRows5(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32, scale: usize): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip5(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, true, scale);
  }
}

/** out[:, strip] (n, 4w) = (X / 255) · b[:, strip] + bias[strip], X uint8 pixels (uint16 columns) read through scale (256 floats: v / 255), w = 6. */
export function spmmPixelsRows6(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32, scale: usize): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip6(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, true, scale);
  }
}

/** out[:, strip] (n, 4w) = (X / 255) · b[:, strip] + bias[strip], X uint8 pixels (uint16 columns) read through scale (256 floats: v / 255), w = 7. */
export function spmmPixelsRows7(out: usize, rowPtr: usize, colIdx: usize, values: usize, n: i32, b: usize, bias: usize, m: i32, j: usize, last: i32, scale: usize): void {
  const rowBytes = <usize>m << 2;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(rowPtr + (<usize>i << 2));
    const e1 = load<i32>(rowPtr + (<usize>i << 2), 4);
    spmmStrip7(out + <usize>i * rowBytes, colIdx, values, e0, e1, b, bias, rowBytes, j, last, true, scale);
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
// Building a mini-batch: out (CSR, int32 columns, float32 values) = images indices[0..n) of a split's
// sparse index (uint16 pixel numbers, uint8 values 0..255 side by side), each value v becoming v / 255.
// An image's non-zeros are contiguous in the index, so each is converted 8 at a time: 8 uint16 widen
// to two i32x4, 8 uint8 widen to two i32x4 that convert to float and divide (IEEE division: the
// float32 nearest v / 255, as the TypeScript kernel's table holds). The last 0..7 go one by one.

/** out = images indices[0..n) of (srcRowPtr, srcColIdx, srcValues), values / 255; writes outRowPtr[0..n]. */
export function gatherRows(outRowPtr: usize, outColIdx: usize, outValues: usize, srcRowPtr: usize, srcColIdx: usize, srcValues: usize, indices: usize, n: i32): void {
  const d = f32x4.splat(255);
  let nnz: i32 = 0;
  for (let i = 0; i < n; i++) {
    store<i32>(outRowPtr + (<usize>i << 2), nnz);
    const img = <usize>load<i32>(indices + (<usize>i << 2));
    const e0 = load<i32>(srcRowPtr + (img << 2));
    const e1 = load<i32>(srcRowPtr + (img << 2), 4);
    let ci = srcColIdx + (<usize>e0 << 1);
    let vs = srcValues + <usize>e0;
    let oc = outColIdx + (<usize>nnz << 2);
    let ov = outValues + (<usize>nnz << 2);
    let e = e0;
    for (; e + 8 <= e1; e += 8) {
      const c = v128.load(ci); // 8 × u16
      v128.store(oc, i32x4.extend_low_i16x8_u(c));
      v128.store(oc, i32x4.extend_high_i16x8_u(c), 16);
      const b = v128.load8x8_u(vs); // 8 × u8, widened to 8 × u16
      v128.store(ov, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(b)), d));
      v128.store(ov, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(b)), d), 16);
      ci += 16;
      vs += 8;
      oc += 32;
      ov += 32;
    }
    for (; e < e1; e++) {
      store<i32>(oc, <i32>load<u16>(ci));
      store<f32>(ov, <f32>load<u8>(vs) / <f32>255);
      ci += 2;
      vs += 1;
      oc += 4;
      ov += 4;
    }
    nnz += e1 - e0;
  }
  store<i32>(outRowPtr + (<usize>n << 2), nnz);
}
