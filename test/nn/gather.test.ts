/**
 * Building a mini-batch (`gatherRows`, through a backend's staged split): the chosen images of a
 * split's non-zero index as a CSR batch with values v / 255.
 * - tsKernels against the dense images read directly, on real MNIST;
 * - the WebAssembly SIMD kernel against tsKernels, bit for bit, on real MNIST and on an image
 *   holding every uint8 value (the SIMD division must give the same float as the table);
 * - what the WebAssembly side refuses: images it has not staged, an index outside the split, a
 *   batch larger than the room it is given;
 * - a split too large for the WebAssembly memory, gathered by the TypeScript kernel instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SparseImages } from '../../src/nn/kernels';
import { wasmBackendFromBytes } from '../../src/nn/kernels-wasm';
import { BatchBuilder, Rng, tsBackend, type Backend, type DataSplit } from '../../src/nn';
import { loadMnist } from './mnist-fixture';

const WASM = resolve(__dirname, '../../build/kernels.wasm');

/** Every uint8 value 1..255 once, at pixels 0..254, then image 1 empty, then image 2 with 3 pixels. */
function everyValue(): SparseImages {
  const colIdx = new Uint16Array(258);
  const values = new Uint8Array(258);
  for (let v = 1; v <= 255; v++) {
    colIdx[v - 1] = v - 1;
    values[v - 1] = v;
  }
  colIdx.set([3, 400, 783], 255);
  values.set([7, 128, 255], 255);
  return { rowPtr: Int32Array.from([0, 255, 255, 258]), colIdx, values };
}

/** Seeded picks of `n` image numbers below `count` (with repeats, as the book samples). */
function picks(n: number, count: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s % count;
  }
  return out;
}

/** Gathers `indices` on `backend` into a fresh batch and returns plain arrays of what it holds. */
function gather(backend: Backend, images: SparseImages, indices: Int32Array, n = indices.length) {
  let nnz = 0;
  for (let i = 0; i < n; i++) nnz += images.rowPtr[indices[i] + 1] - images.rowPtr[indices[i]];
  const out = backend.alloc.csr(n, nnz);
  backend.alloc.stage(images).gather(out, indices, n);
  return {
    n: out.n,
    rowPtr: Array.from(out.rowPtr.subarray(0, n + 1)),
    colIdx: Array.from(out.colIdx.subarray(0, nnz)),
    values: Array.from(out.values.subarray(0, nnz)),
  };
}

let train: DataSplit;
beforeAll(() => {
  train = loadMnist('train', 5000);
});

describe('tsKernels.gatherRows', () => {
  it('gives each chosen MNIST image its non-zero pixels, values / 255, in order', () => {
    const indices = picks(100, train.count, 7);
    const got = gather(tsBackend, train, indices);
    expect(got.n).toBe(100);
    const D = train.pixelsPerImage;
    for (let i = 0; i < 100; i++) {
      const img = indices[i];
      const want: [number, number][] = [];
      for (let p = 0; p < D; p++) {
        const v = train.images[img * D + p];
        if (v !== 0) want.push([p, Math.fround(v / 255)]);
      }
      const row: [number, number][] = [];
      for (let e = got.rowPtr[i]; e < got.rowPtr[i + 1]; e++) row.push([got.colIdx[e], got.values[e]]);
      expect(row).toEqual(want);
    }
  });

  it('leaves images as they are when staging them (nothing to copy), once per split', () => {
    const staged = tsBackend.alloc.stage(train);
    expect(staged.images).toBe(train);
    expect(tsBackend.alloc.stage(train)).toBe(staged);
  });
});

describe('wasm-simd gatherRows', () => {
  let wasm: Backend;
  beforeAll(() => {
    expect(existsSync(WASM), 'build/kernels.wasm is missing: run `npm run build:wasm`').toBe(true);
    wasm = wasmBackendFromBytes(readFileSync(WASM), { reserveBytes: 64 << 20 });
  });

  it('equals tsKernels bit for bit on real MNIST batches (1, 7, 100 and 500 images)', () => {
    for (const [n, seed] of [
      [1, 1],
      [7, 2],
      [100, 3],
      [500, 4],
    ]) {
      const indices = picks(n, train.count, seed);
      expect(gather(wasm, train, indices)).toEqual(gather(tsBackend, train, indices));
    }
  });

  it('turns every uint8 value into the same float as the TypeScript table; empty images too', () => {
    const images = everyValue();
    const indices = Int32Array.from([0, 1, 2, 1, 0, 2]);
    const got = gather(wasm, images, indices);
    expect(got).toEqual(gather(tsBackend, images, indices));
    expect(got.rowPtr).toEqual([0, 255, 255, 258, 258, 513, 516]);
    for (let v = 1; v <= 255; v++) expect(got.values[v - 1]).toBe(Math.fround(v / 255));
  });

  it('uses only the first n indices', () => {
    const indices = picks(10, train.count, 5);
    expect(gather(wasm, train, indices, 4)).toEqual(gather(tsBackend, train, indices.subarray(0, 4)));
  });

  it('stages a split once, as a copy in kernel memory: the same arrays give back the same staging', () => {
    const images = everyValue();
    const staged = wasm.alloc.stage(images);
    expect(staged.images).not.toBe(images);
    expect(staged.images.colIdx.buffer).toBe(wasm.alloc.floats(1).buffer);
    expect(Array.from(staged.images.colIdx)).toEqual(Array.from(images.colIdx));
    expect(wasm.alloc.stage(images)).toBe(staged);
  });

  it('refuses unstaged images, an index outside the split and a batch larger than its room', () => {
    const images = everyValue();
    const staged = wasm.alloc.stage(images).images;
    const out = wasm.alloc.csr(4, 300);
    const { kernels } = wasm;
    expect(() => kernels.gatherRows(out, images, Int32Array.from([0]), 1)).toThrow(
      /images are not in kernel memory; stage them with the backend's alloc.stage/,
    );
    expect(() => kernels.gatherRows(out, staged, Int32Array.from([0, 3]), 2)).toThrow(
      /image index 3 is outside 0..2/,
    );
    expect(() => kernels.gatherRows(out, staged, Int32Array.from([0, 0]), 2)).toThrow(
      /the batch has 510 non-zeros, out has room for 300/,
    );
    expect(() => kernels.gatherRows(out, staged, Int32Array.from([0, 1, 2, 1, 2]), 5)).toThrow(
      /gathering 5 images with 5 indices into room for 4/,
    );
    // The refusals wrote nothing: the batch still reads as empty.
    expect(out.n).toBe(0);
    kernels.gatherRows(out, staged, Int32Array.from([2, 0]), 2);
    expect(Array.from(out.rowPtr.subarray(0, 3))).toEqual([0, 3, 258]);
  });

  it('stages a split too large for kernel memory in place, for the TypeScript gather, giving the memory back', () => {
    // The 60,000 training images' index is about 25 MB: more than 8 MiB of kernel memory holds.
    const whole = loadMnist('train');
    const small = wasmBackendFromBytes(readFileSync(WASM), { reserveBytes: 8 << 20 });
    const before = small.alloc.floats(1).byteOffset;
    expect(small.alloc.stage(whole).images).toBe(whole);
    // Its rowPtr alone (240 KB) would have fitted; the failed staging took nothing.
    expect(small.alloc.floats(1).byteOffset - before).toBeLessThan(1024);
    const still = { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 };
    const builder = new BatchBuilder(small, 100, whole.pixelsPerImage, still);
    const indices = picks(100, whole.count, 9);
    const input = builder.fill(whole, indices, 100, new Rng(1));
    if (input.kind !== 'sparse') throw new Error('expected a sparse batch');
    const nnz = input.csr.rowPtr[100];
    expect({
      n: input.csr.n,
      rowPtr: Array.from(input.csr.rowPtr.subarray(0, 101)),
      colIdx: Array.from(input.csr.colIdx.subarray(0, nnz)),
      values: Array.from(input.csr.values.subarray(0, nnz)),
    }).toEqual(gather(tsBackend, whole, indices));
    expect(Array.from(builder.labels.subarray(0, 100))).toEqual(Array.from(indices, (i) => whole.labels[i]));
    // Evaluation's pixel rows of such a split are copied into kernel memory, where spmmPixels reads them.
    const staged = small.alloc.stage(whole);
    const rows = staged.pixelRows(59_000, 100);
    const e0 = whole.rowPtr[59_000];
    expect(rows.colIdx.buffer).not.toBe(whole.colIdx.buffer);
    expect(Array.from(rows.colIdx)).toEqual(Array.from(whole.colIdx.subarray(e0, e0 + rows.rowPtr[100])));
    const W = small.alloc.floats(784 * 10).fill(0.5);
    const out = small.alloc.floats(100 * 10);
    small.kernels.spmmPixels(out, rows, W, null, 784, 10);
    const ref = new Float32Array(100 * 10);
    tsBackend.kernels.spmmPixels(ref, staged.pixelRows(59_000, 100), W, null, 784, 10);
    for (let i = 0; i < ref.length; i++) expect(out[i]).toBeCloseTo(ref[i], 3);
  });
});
