/**
 * The kernels against independent computations:
 * - tsKernels (float64) against a naive triple loop written here, to 1e-12 relative;
 * - the WebAssembly SIMD kernels (float32, build/kernels.wasm) against tsKernels on the same
 *   float32 inputs, to 1e-5 relative to the size of the sums (float32 rounding in a different order).
 * Shapes include the odd ones (1, 3, 7, 10, 50, 100, 784) so that every register tile and every
 * partial vector of 1..3 lanes is exercised, and some past one cache block.
 *
 * Both builds inside kernels.wasm are checked: baseline SIMD everywhere, and relaxed SIMD (fused
 * multiply-add, the same 1e-5) where this runtime has it. Node 20 has it only with
 * --experimental-wasm-relaxed-simd on its command line, so there the last test runs this file and
 * conv-kernels.test.ts again in a vitest whose workers get that flag (RELAXED_CHILD marks that run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tsBackend, type Alloc } from '../../src/nn/backend';
import type { CsrBatch, Floats, Kernels } from '../../src/nn/kernels';
import { tsKernels } from '../../src/nn/kernels-ts';
import {
  compileKernels,
  createWasmBackend,
  kernelVariant,
  relaxedSimdAvailable,
  wasmBackendFromBytes,
  type KernelVariant,
} from '../../src/nn/kernels-wasm';

const WASM = resolve(__dirname, '../../build/kernels.wasm');
const ROOT = resolve(__dirname, '../..');
const relaxedHere = existsSync(WASM) && relaxedSimdAvailable(readFileSync(WASM));
/** The builds this runtime can check. */
const VARIANTS: KernelVariant[] = relaxedHere ? ['simd', 'relaxed-simd'] : ['simd'];

/** A small seeded generator (mulberry32) so that failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(arr: Floats, rand: () => number): Floats {
  for (let i = 0; i < arr.length; i++) arr[i] = rand() * 2 - 1;
  return arr;
}

/** A random CSR batch (n,k) from `alloc` with about `density` non-zeros, plus the same matrix dense. */
function randomCsr(
  alloc: Alloc,
  n: number,
  k: number,
  density: number,
  rand: () => number,
): { x: CsrBatch; dense: Float64Array } {
  const dense = new Float64Array(n * k);
  let nnz = 0;
  for (let i = 0; i < n * k; i++) {
    if (rand() < density) {
      dense[i] = Math.fround(rand()); // pixel-like values in [0, 1)
      if (dense[i] !== 0) nnz++;
    }
  }
  const x = alloc.csr(n, nnz);
  x.n = n;
  let e = 0;
  for (let i = 0; i < n; i++) {
    x.rowPtr[i] = e;
    for (let p = 0; p < k; p++) {
      if (dense[i * k + p] !== 0) {
        x.colIdx[e] = p;
        x.values[e++] = dense[i * k + p];
      }
    }
  }
  x.rowPtr[n] = e;
  return { x, dense };
}

// Naive references in float64, straight from the definitions.
function naiveGemm(a: Floats, b: Floats, bias: Floats | null, n: number, k: number, m: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = bias ? bias[j] : 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * m + j];
      out[i * m + j] = s;
    }
  return out;
}
const transpose = (a: Floats, r: number, c: number): Float64Array => {
  const t = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) t[j * r + i] = a[i * c + j];
  return t;
};

/** max |got - want| / max(1, max |want|): relative to the scale of the result. */
function relErr(got: Floats, want: Floats, len = want.length): number {
  let scale = 1;
  let err = 0;
  for (let i = 0; i < len; i++) scale = Math.max(scale, Math.abs(want[i]));
  for (let i = 0; i < len; i++) err = Math.max(err, Math.abs(got[i] - want[i]));
  return err / scale;
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 7, 10],
  [7, 3, 50],
  [100, 784, 50],
  [100, 50, 10],
  [10, 50, 784],
  [1, 784, 3],
  [5, 100, 7],
  [50, 10, 100],
  [3, 1, 1],
];

describe('tsKernels (float64) against naive loops', () => {
  const rand = rng(1);
  for (const [n, k, m] of SHAPES) {
    it(`n=${n} k=${k} m=${m}`, () => {
      const a = fill(new Float64Array(n * k), rand);
      const b = fill(new Float64Array(k * m), rand);
      const g = fill(new Float64Array(n * m), rand);
      const bias = fill(new Float64Array(m), rand);
      const out = new Float64Array(Math.max(n * m, k * m, n * k)).fill(NaN);

      tsKernels.gemm(out, a, b, bias, n, k, m);
      expect(relErr(out, naiveGemm(a, b, bias, n, k, m))).toBeLessThan(1e-12);
      tsKernels.gemm(out, a, b, null, n, k, m);
      expect(relErr(out, naiveGemm(a, b, null, n, k, m))).toBeLessThan(1e-12);
      tsKernels.gemmAT(out, a, g, n, k, m);
      expect(relErr(out, naiveGemm(transpose(a, n, k), g, null, k, n, m))).toBeLessThan(1e-12);
      tsKernels.gemmBT(out, g, b, n, k, m);
      expect(relErr(out, naiveGemm(g, transpose(b, k, m), null, n, m, k))).toBeLessThan(1e-12);
      tsKernels.colSum(out, g, n, m);
      expect(relErr(out, naiveGemm(new Float64Array(n).fill(1), g, null, 1, n, m))).toBeLessThan(1e-12);

      const { x, dense } = randomCsr(tsBackend.alloc, n, k, 0.2, rand);
      tsKernels.spmm(out, x, b, bias, k, m);
      expect(relErr(out, naiveGemm(dense, b, bias, n, k, m))).toBeLessThan(1e-12);
      tsKernels.spmmAT(out.fill(NaN), x, g, k, m);
      expect(relErr(out, naiveGemm(transpose(dense, n, k), g, null, k, n, m))).toBeLessThan(1e-12);
    });
  }
});

describe('tsKernels: scoring rows and pixel rows', () => {
  it('expSumRows: arg-max is np.argmax (first maximum), the sum Σ exp(x - max) written out', () => {
    const x = Float64Array.from([1, 3, 3, -2, 0.5, 0, 0, 0]);
    const sums = new Float64Array(2);
    const best = new Int32Array(2);
    tsKernels.expSumRows(sums, best, x, 2, 4);
    expect(Array.from(best)).toEqual([1, 0]);
    expect(sums[0]).toBeCloseTo(Math.exp(-2) + 1 + 1 + Math.exp(-5), 14);
    expect(sums[1]).toBeCloseTo(1 + Math.exp(-0.5) * 3, 14);
  });

  it('spmmPixels: exactly spmm of the batch gatherRows makes of the same images', () => {
    const rand = rng(5);
    const count = 20;
    const k = 50;
    const rowPtr = new Int32Array(count + 1);
    const cols: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < count; i++) {
      for (let p = 0; p < k; p++) {
        if (rand() < 0.3) {
          cols.push(p);
          vals.push(Math.floor(rand() * 256));
        }
      }
      rowPtr[i + 1] = cols.length;
    }
    const staged = tsBackend.alloc.stage({
      rowPtr,
      colIdx: Uint16Array.from(cols),
      values: Uint8Array.from(vals),
    });
    const m = 7;
    const b = fill(new Float32Array(k * m), rand);
    const bias = fill(new Float32Array(m), rand);
    const x = staged.pixelRows(4, 11);
    expect(x.rowPtr[0]).toBe(0);
    const out = new Float32Array(11 * m);
    tsKernels.spmmPixels(out, x, b, bias, k, m);
    const batch = tsBackend.alloc.csr(11, 11 * k);
    staged.gatherRange(batch, 4, 11);
    const viaBatch = new Float32Array(11 * m);
    tsKernels.spmm(viaBatch, batch, b, bias, k, m);
    expect(Array.from(out)).toEqual(Array.from(viaBatch));
    expect(() => staged.pixelRows(15, 6)).toThrow(/not within/);
  });
});

for (const variant of VARIANTS)
  describe(`wasm-simd kernels, ${variant} build (float32) against tsKernels`, () => {
    let wasm: Kernels;
    let alloc: Alloc;
    beforeAll(() => {
      expect(existsSync(WASM), 'build/kernels.wasm is missing: run `npm run build:wasm`').toBe(true);
      ({ kernels: wasm, alloc } = wasmBackendFromBytes(readFileSync(WASM), {
        reserveBytes: 64 << 20,
        variant,
      }));
    });

    it('is named wasm-simd and its allocator hands out zeroed float32 views', () => {
      expect(wasm.name).toBe('wasm-simd');
      const v = alloc.floats(1000);
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.every((x) => x === 0)).toBe(true);
    });

    const rand = rng(2);
    const shapes: [number, number, number][] = [
      ...SHAPES,
      [4, 9, 1],
      [8, 16, 32],
      [9, 5, 2],
      [6, 11, 33],
      [2, 13, 64],
      [13, 2, 65],
      // past one cache block: inner length > 256 (gemm's k, gemmAT's n) and > 24 vectors of columns
      [7, 600, 101],
      [300, 30, 25],
      [5, 257, 200],
    ];
    for (const [n, k, m] of shapes) {
      it(`n=${n} k=${k} m=${m}`, () => {
        // the same float32 inputs in both kernel sets
        const w = (len: number) => fill(alloc.floats(len), rand) as Float32Array;
        const a = w(n * k),
          b = w(k * m),
          g = w(n * m),
          bias = w(m);
        const size = Math.max(n * m, k * m, n * k) + 8;
        const out = alloc.floats(size).fill(NaN);
        const ref = new Float32Array(size);
        const sentinel = (arr: Floats, from: number) => arr.subarray(from).every((v) => Number.isNaN(v));
        const check = (len: number) => {
          expect(relErr(out, ref, len)).toBeLessThan(1e-5);
          expect(sentinel(out, len), 'wrote past the end of out').toBe(true);
          out.fill(NaN);
        };

        tsKernels.gemm(ref, a, b, bias, n, k, m);
        wasm.gemm(out, a, b, bias, n, k, m);
        check(n * m);
        tsKernels.gemm(ref, a, b, null, n, k, m);
        wasm.gemm(out, a, b, null, n, k, m);
        check(n * m);
        tsKernels.gemmAT(ref, a, g, n, k, m);
        wasm.gemmAT(out, a, g, n, k, m);
        check(k * m);
        tsKernels.gemmBT(ref, g, b, n, k, m);
        wasm.gemmBT(out, g, b, n, k, m);
        check(n * k);
        tsKernels.colSum(ref, g, n, m);
        wasm.colSum(out, g, n, m);
        check(m);

        for (const density of [0.19, 0.6, 0]) {
          const { x } = randomCsr(alloc, n, k, density, rand);
          tsKernels.spmm(ref, x, b, bias, k, m);
          wasm.spmm(out, x, b, bias, k, m);
          check(n * m);
          tsKernels.spmm(ref, x, b, null, k, m);
          wasm.spmm(out, x, b, null, k, m);
          check(n * m);
          tsKernels.spmmAT(ref, x, g, k, m);
          wasm.spmmAT(out, x, g, k, m);
          check(k * m);
        }
      });
    }

    it('works on views that start inside a larger buffer (params packed in one block)', () => {
      const [n, k, m] = [5, 12, 10];
      const block = fill(alloc.floats(3 + k * m + m), rand) as Float32Array;
      const b = block.subarray(3, 3 + k * m);
      const bias = block.subarray(3 + k * m);
      const a = fill(alloc.floats(n * k), rand);
      const out = alloc.floats(n * m);
      const ref = new Float32Array(n * m);
      tsKernels.gemm(ref, a, b, bias, n, k, m);
      wasm.gemm(out, a, b, bias, n, k, m);
      expect(relErr(out, ref)).toBeLessThan(1e-5);
    });

    it('a CSR batch with fewer rows filled than its capacity uses only x.n rows', () => {
      const [k, m] = [20, 7];
      const { x } = randomCsr(alloc, 6, k, 0.3, rand);
      x.n = 4;
      const b = fill(alloc.floats(k * m), rand);
      const g = fill(alloc.floats(4 * m), rand);
      const out = alloc.floats(k * m);
      const ref = new Float32Array(k * m);
      tsKernels.spmmAT(ref, x, g, k, m);
      wasm.spmmAT(out, x, g, k, m);
      expect(relErr(out, ref)).toBeLessThan(1e-5);
      tsKernels.spmm(ref, x, b, null, k, m);
      wasm.spmm(out, x, b, null, k, m);
      expect(relErr(out, ref, 4 * m)).toBeLessThan(1e-5);
    });

    it('axpy: y += a·x, any length', () => {
      for (const len of [1, 3, 4, 7, 50, 39_760]) {
        const y = fill(alloc.floats(len + 4), rand) as Float32Array;
        const x = fill(alloc.floats(len), rand) as Float32Array;
        const want = Float32Array.from(y, (v, i) => (i < len ? v + Math.fround(-0.1) * x[i] : v));
        wasm.axpy(y, -0.1, x, len);
        expect(relErr(y, want)).toBeLessThan(1e-6);
      }
    });

    it('relu and reluBackward: SIMD lanes and tail agree with TypeScript, NaN and -0 give 0', () => {
      for (const len of [1, 3, 4, 7, 50, 5000]) {
        const x = fill(alloc.floats(len), rand) as Float32Array;
        for (let i = 0; i < len; i++) x[i] -= 0.5; // about half negative
        if (len >= 4) [x[0], x[len - 1]] = [NaN, -0];
        const dout = fill(alloc.floats(len), rand);
        const [y, dx] = [alloc.floats(len), alloc.floats(len)];
        const [yRef, dxRef] = [new Float32Array(len), new Float32Array(len)];
        wasm.relu(y, x, len);
        tsKernels.relu(yRef, x, len);
        expect(Array.from(y)).toEqual(Array.from(yRef));
        expect(y.some((v) => Number.isNaN(v) || Object.is(v, -0))).toBe(false);
        wasm.reluBackward(dx, dout, y, len);
        tsKernels.reluBackward(dxRef, dout, yRef, len);
        expect(Array.from(dx)).toEqual(Array.from(dxRef));
        for (let i = 0; i < len; i++) expect(dx[i]).toBe(x[i] > 0 ? dout[i] : 0);
      }
    });

    it('sigmoid: within 1e-6 (absolute and relative) of 1 / (1 + Math.exp(-x)), tail lanes untouched, NaN stays NaN', () => {
      for (const len of [1, 3, 4, 7, 50, 5001]) {
        const x = fill(alloc.floats(len + 4), rand) as Float32Array;
        for (let i = 0; i < len; i++) x[i] *= 30; // about -30..30: both saturated ends and the middle
        if (len >= 7) [x[0], x[1], x[2], x[3]] = [NaN, -100, 100, -0];
        const y = alloc.floats(len + 4).fill(7);
        const yRef = new Float32Array(len);
        wasm.sigmoid(y, x, len);
        tsKernels.sigmoid(yRef, x, len);
        for (let i = 0; i < len; i++) {
          if (Number.isNaN(yRef[i])) expect(y[i]).toBeNaN();
          else expect(Math.abs(y[i] - yRef[i])).toBeLessThanOrEqual(1e-6 * Math.max(yRef[i], 1e-30) + 1e-30);
        }
        expect(Array.from(y.subarray(len)), 'wrote past the end of y').toEqual([7, 7, 7, 7]);
      }
    });

    it('expSumRows: arg-max as tsKernels (first maximum), sums within 1e-6 relative of Σ exp(x - max) in float64, NaN rows NaN', () => {
      for (const [n, m] of [
        [1, 1],
        [3, 3],
        [5, 4],
        [7, 10],
        [9, 13],
        [64, 10],
      ]) {
        const x = fill(alloc.floats(n * m), rand) as Float32Array;
        for (let i = 0; i < n * m; i++) x[i] *= 40; // -40..40: terms from 1 down to about e^-80
        if (n >= 5 && m >= 3) {
          x[m + 2] = x[m]; // a tie: the first maximum wins
          x[m] = x[m + 2] = 1000;
          x[2 * m + 1] = NaN; // a NaN row
          x[3 * m + m - 1] = -Infinity;
        }
        const sums = alloc.floats(n + 4).fill(7);
        const best = alloc.ints(n + 4).fill(7);
        const sumsRef = new Float64Array(n);
        const bestRef = new Int32Array(n);
        wasm.expSumRows(sums, best, x, n, m);
        tsKernels.expSumRows(sumsRef, bestRef, x, n, m);
        expect(Array.from(best.subarray(0, n))).toEqual(Array.from(bestRef));
        for (let i = 0; i < n; i++) {
          if (Number.isNaN(sumsRef[i])) expect(sums[i]).toBeNaN();
          else expect(Math.abs(sums[i] - sumsRef[i])).toBeLessThanOrEqual(1e-6 * sumsRef[i]);
        }
        expect(Array.from(sums.subarray(n)), 'wrote past the end of sums').toEqual([7, 7, 7, 7]);
        expect(Array.from(best.subarray(n)), 'wrote past the end of best').toEqual([7, 7, 7, 7]);
      }
    });

    it('spmmPixels: the same floats as spmm of the batch gatherRows makes of those images, and within 1e-5 of tsKernels', () => {
      // a small index of uint8 pixels, staged by the backend (a copy in kernel memory)
      const count = 37;
      const k = 784;
      const rowPtr = new Int32Array(count + 1);
      const cols: number[] = [];
      const vals: number[] = [];
      for (let i = 0; i < count; i++) {
        for (let p = 0; p < k; p++) {
          if (rand() < 0.2) {
            cols.push(p);
            vals.push(1 + Math.floor(rand() * 255));
          }
        }
        rowPtr[i + 1] = cols.length;
      }
      const staged = alloc.stage({ rowPtr, colIdx: Uint16Array.from(cols), values: Uint8Array.from(vals) });
      for (const [start, n, m] of [
        [0, 1, 1],
        [3, 7, 10],
        [5, 32, 50],
        [1, 36, 100],
      ]) {
        const b = fill(alloc.floats(k * m), rand) as Float32Array;
        const bias = fill(alloc.floats(m), rand) as Float32Array;
        const x = staged.pixelRows(start, n);
        const out = alloc.floats(n * m + 4).fill(NaN);
        wasm.spmmPixels(out, x, b, bias, k, m);
        const batch = alloc.csr(n, n * k);
        staged.gatherRange(batch, start, n);
        const viaBatch = alloc.floats(n * m);
        wasm.spmm(viaBatch, batch, b, bias, k, m);
        expect(Array.from(out.subarray(0, n * m))).toEqual(Array.from(viaBatch));
        expect(
          out.subarray(n * m).every((v) => Number.isNaN(v)),
          'wrote past the end of out',
        ).toBe(true);
        const ref = new Float32Array(n * m);
        tsKernels.spmmPixels(ref, x, b, bias, k, m);
        expect(relErr(out, ref, n * m)).toBeLessThan(1e-5);
      }
    });

    it('adam: three steps within 1e-5 of the TypeScript update (float32 against float64 arithmetic)', () => {
      for (const len of [1, 3, 4, 7, 503]) {
        const p = fill(alloc.floats(len), rand) as Float32Array;
        const state = [alloc.floats(len), alloc.floats(len)];
        const [pRef, mRef, vRef] = [Float32Array.from(p), new Float32Array(len), new Float32Array(len)];
        for (let step = 1; step <= 3; step++) {
          const g = fill(alloc.floats(len), rand);
          const lrT = (0.01 * Math.sqrt(1 - 0.999 ** step)) / (1 - 0.9 ** step);
          wasm.adam(p, g, state[0], state[1], len, lrT, 0.9, 0.999);
          tsKernels.adam(pRef, g, mRef, vRef, len, lrT, 0.9, 0.999);
        }
        expect(relErr(p, pRef, len)).toBeLessThan(1e-5);
        expect(relErr(state[1], vRef, len)).toBeLessThan(1e-5);
      }
    });

    it('refuses arrays that are not in its memory, naming the argument', () => {
      const own = alloc.floats(4);
      expect(() => wasm.gemm(own, new Float32Array(4), own, null, 2, 2, 2)).toThrow(
        /a is not in kernel memory/,
      );
      expect(() => wasm.colSum(own, new Float64Array(4), 2, 2)).toThrow(/g is not in kernel memory/);
      const other = wasmBackendFromBytes(readFileSync(WASM), { reserveBytes: 1 << 20 });
      expect(() => wasm.gemm(own, own, other.alloc.floats(4), null, 2, 2, 2)).toThrow(
        /b is not in kernel memory/,
      );
      const x = tsBackend.alloc.csr(2, 4);
      expect(() => wasm.spmm(own, x, own, null, 2, 2)).toThrow(/x\.rowPtr is not in kernel memory/);
    });

    it('refuses arrays that are too short for the shape', () => {
      const a = alloc.floats(6);
      expect(() => wasm.gemm(alloc.floats(4), a, alloc.floats(6), null, 2, 3, 2)).not.toThrow();
      expect(() => wasm.gemm(alloc.floats(3), a, alloc.floats(6), null, 2, 3, 2)).toThrow(
        /out has 3 elements, needs 4/,
      );
    });

    it('never grows its memory (views stay valid) and says so when the reservation is used up', () => {
      const small = createWasmBackend(compileKernels(readFileSync(WASM)), { reserveBytes: 1 << 20 });
      const first = small.alloc.floats(100_000);
      first[0] = 42;
      expect(() => small.alloc.floats(300_000)).toThrow(/out of kernel memory/);
      expect(first[0]).toBe(42);
      expect(first.length).toBe(100_000);
    });
  });

describe('the relaxed-SIMD build', () => {
  it('is chosen where the runtime accepts it, else the baseline build', () => {
    expect(existsSync(WASM), 'build/kernels.wasm is missing: run `npm run build:wasm`').toBe(true);
    const module = compileKernels(readFileSync(WASM));
    expect(kernelVariant(module)).toBe(relaxedHere ? 'relaxed-simd' : 'simd');
    expect(kernelVariant(compileKernels(readFileSync(WASM), 'simd'))).toBe('simd');
    if (!relaxedHere)
      expect(() => compileKernels(readFileSync(WASM), 'relaxed-simd')).toThrow(/refuses relaxed SIMD/);
  });

  // In Node 20 without the flag: the same checks again in workers that have relaxed SIMD.
  it.skipIf(relaxedHere || process.env.RELAXED_CHILD === '1' || !existsSync(WASM))(
    'passes the kernel and conv kernel checks under node --experimental-wasm-relaxed-simd',
    () => {
      const r = spawnSync(
        process.execPath,
        [
          resolve(ROOT, 'node_modules/vitest/vitest.mjs'),
          'run',
          '--execArgv=--experimental-wasm-relaxed-simd',
          'test/nn/kernels.test.ts',
          'test/nn/conv-kernels.test.ts',
          '-t',
          'relaxed-simd',
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, RELAXED_CHILD: '1', CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
        },
      );
      const output = r.stdout + r.stderr;
      expect(r.status, output).toBe(0);
      // the relaxed build's suites ran (not all skipped): 26 kernel checks and 1 of the conv kernels
      const passed = Number(/Tests\s+(\d+) passed/.exec(output)?.[1] ?? 0);
      expect(passed, output).toBeGreaterThanOrEqual(27);
      expect(output).not.toMatch(/\d+ failed/);
    },
  );
});
