/**
 * The WebAssembly conv kernels (float32, build/kernels.wasm) against their TypeScript references
 * (src/nn/kernels-ts.ts) on the same inputs: im2col, col2im and max-pool exactly, the products to
 * 1e-5 of the largest entry (float32 sums in another order), for the baseline SIMD build and the
 * relaxed-SIMD one where the runtime has it (kernels.test.ts reruns this file where it does not).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng, tsKernels, type ConvGeometry, type Floats } from '../../src/nn';
import { relaxedSimdAvailable, wasmBackendFromBytes, type KernelVariant } from '../../src/nn/kernels-wasm';

const WASM = resolve(__dirname, '../../build/kernels.wasm');

function randoms(n: number, rng: Rng, scale = 1): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = (rng.next() * 2 - 1) * scale;
  return a;
}

const present = existsSync(WASM);
// The relaxed-SIMD build where this runtime has it (kernels.test.ts reruns this file where it does not).
const variants: KernelVariant[] =
  present && relaxedSimdAvailable(readFileSync(WASM)) ? ['simd', 'relaxed-simd'] : ['simd'];
for (const variant of variants)
  describe(`wasm-simd conv kernels, ${variant} build (float32) against the TypeScript references`, () => {
    it.skipIf(!present && process.env.CI !== 'true')(
      present
        ? 'im2col, col2im, maxPool, transposes'
        : 'skipped: build/kernels.wasm absent (npm run build:wasm)',
      () => {
        const backend = wasmBackendFromBytes(readFileSync(WASM), { reserveBytes: 64 << 20, variant });
        const k = backend.kernels;
        const rng = new Rng(8, 8);
        for (const [N, C, H, W, F, stride, pad] of [
          [2, 1, 28, 28, 5, 1, 0],
          [3, 2, 7, 9, 3, 2, 1],
          [1, 3, 8, 8, 4, 3, 2],
          [2, 16, 14, 14, 3, 1, 2],
          // 2×2 windows, stride 2, no padding: the SIMD pooling path (4 windows at once, then the tail)
          [2, 3, 24, 24, 2, 2, 0],
          [2, 2, 14, 14, 2, 2, 0],
          [1, 2, 7, 7, 2, 2, 0],
        ]) {
          const OH = Math.floor((H + 2 * pad - F) / stride) + 1;
          const OW = Math.floor((W + 2 * pad - F) / stride) + 1;
          const g: ConvGeometry = { N, C, H, W, FH: F, FW: F, stride, pad, OH, OW };
          const xLen = N * C * H * W;
          const colLen = N * OH * OW * C * F * F;
          const x = backend.alloc.floats(xLen) as Float32Array;
          x.set(randoms(xLen, rng));
          // after ReLU many values are 0: ties, where the first maximum in (fy, fx) order must win
          if (F === 2) for (let i = 0; i < xLen; i++) x[i] = Math.max(0, x[i]);
          const xr = Float32Array.from(x);
          const col = backend.alloc.floats(colLen);
          const colRef = new Float32Array(colLen);
          k.im2col(col, x, g);
          tsKernels.im2col(colRef, xr, g);
          expect(col).toEqual(colRef);
          col.set(randoms(colLen, rng));
          const back = backend.alloc.floats(xLen);
          const backRef = new Float32Array(xLen);
          k.col2im(back, col, g);
          tsKernels.col2im(backRef, Float32Array.from(col), g);
          for (let i = 0; i < xLen; i++) expect(Math.abs(back[i] - backRef[i])).toBeLessThan(1e-5);
          const outLen = N * C * OH * OW;
          const out = backend.alloc.floats(outLen);
          const arg = backend.alloc.ints(outLen);
          const outRef = new Float32Array(outLen);
          const argRef = new Int32Array(outLen);
          k.maxPool(out, arg, x, g);
          tsKernels.maxPool(outRef, argRef, xr, g);
          expect(out).toEqual(outRef);
          expect(arg).toEqual(argRef);
          const dout = backend.alloc.floats(outLen);
          dout.set(randoms(outLen, rng));
          k.maxPoolBackward(back, dout, arg, g);
          tsKernels.maxPoolBackward(backRef, Float32Array.from(dout), argRef, g);
          expect(back).toEqual(backRef);
          const P = OH * OW;
          const rows = backend.alloc.floats(N * P * C);
          rows.set(randoms(N * P * C, rng));
          const bias = backend.alloc.floats(C);
          bias.set(randoms(C, rng));
          const ch = backend.alloc.floats(N * P * C);
          const chRef = new Float32Array(N * P * C);
          k.rowsToChannels(ch, rows, bias, N, P, C);
          tsKernels.rowsToChannels(chRef, Float32Array.from(rows), Float32Array.from(bias), N, P, C);
          expect(ch).toEqual(chRef);
          // the convolution's gradients from dout (N, FN, P), FN filters over K = C·F·F columns of col
          const FN = 5;
          const K = C * F * F;
          const dOut = backend.alloc.floats(N * FN * P);
          dOut.set(randoms(N * FN * P, rng));
          const Wf = backend.alloc.floats(FN * K);
          Wf.set(randoms(FN * K, rng));
          const [dW, db, dcol] = [
            backend.alloc.floats(FN * K),
            backend.alloc.floats(FN),
            backend.alloc.floats(colLen),
          ];
          const [dWRef, dbRef, dcolRef] = [
            new Float32Array(FN * K),
            new Float32Array(FN),
            new Float32Array(colLen),
          ];
          k.convWeightGrad(dW, db, dOut, col, N, P, FN, K);
          tsKernels.convWeightGrad(
            dWRef,
            dbRef,
            Float32Array.from(dOut),
            Float32Array.from(col),
            N,
            P,
            FN,
            K,
          );
          const close = (a: Floats, b: Float32Array) => {
            const scale = Math.max(1, ...Array.from(b, Math.abs));
            for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-5 * scale);
          };
          close(dW, dWRef);
          close(db, dbRef);
          k.convColGrad(dcol, dOut, Wf, N, P, FN, K);
          tsKernels.convColGrad(dcolRef, Float32Array.from(dOut), Float32Array.from(Wf), N, P, FN, K);
          close(dcol, dcolRef);
          // the references against the book's route: dout to rows, then colSum, doutᵀ · col and dout · W
          const rowsT = Float32Array.from({ length: N * P * FN });
          tsKernels.channelsToRows(rowsT, Float32Array.from(dOut), N, P, FN);
          const [dWAlt, dbAlt, dcolAlt] = [
            new Float32Array(FN * K),
            new Float32Array(FN),
            new Float32Array(colLen),
          ];
          tsKernels.gemmAT(dWAlt, rowsT, Float32Array.from(col), N * P, FN, K);
          tsKernels.colSum(dbAlt, rowsT, N * P, FN);
          tsKernels.gemm(dcolAlt, rowsT, Float32Array.from(Wf), null, N * P, FN, K);
          close(dWRef, dWAlt);
          close(dbRef, dbAlt);
          close(dcolRef, dcolAlt);
          const rows2 = backend.alloc.floats(N * P * C);
          k.channelsToRows(rows2, ch, N, P, C);
          const rows2Ref = new Float32Array(N * P * C);
          tsKernels.channelsToRows(rows2Ref, chRef, N, P, C);
          expect(rows2).toEqual(rows2Ref);
          // Back to rows: the original rows plus the bias of their column.
          for (let i = 0; i < rows2.length; i++) expect(rows2[i]).toBe(Math.fround(rows[i] + bias[i % C]));
        }
      },
    );
  });
