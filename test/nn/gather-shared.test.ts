/**
 * Gathering mini-batches from the service's shared index (issue 16): the split's CSR index lies in
 * a shared WebAssembly memory (src/main/lab/dataset.ts shareSplit), and the WebAssembly backend of
 * each run's worker gathers from it where it is, through its own slot of that memory's gather area,
 * instead of copying the index (27 MB for MNIST's training split) into its own memory. Checked on
 * real MNIST images against tsKernels, bit for bit; two backends (two workers) side by side; a full
 * gather area, where the backend copies the split as before; and an index outside the split.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shareSplit } from '../../src/main/lab/dataset';
import { wasmBackendFromBytes } from '../../src/nn/kernels-wasm';
import { tsBackend, type Backend } from '../../src/nn';
import { viewSplit, type SplitView } from '../../src/shared/dataset';
import { loadMnist } from './mnist-fixture';

const WASM = resolve(__dirname, '../../build/kernels.wasm');

let split: SplitView;
beforeAll(() => {
  const fixture = loadMnist('train', 5000);
  split = viewSplit(
    shareSplit({ count: fixture.count, rows: 28, cols: 28, images: fixture.images, labels: fixture.labels }),
    784,
  );
});

/** Seeded picks of `n` image numbers below `count`. */
function picks(n: number, count: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s % count;
  }
  return out;
}

/** A batch of up to 100 images gathered on `backend`, as plain arrays. */
function gatherOn(backend: Backend, indices: Int32Array, out = backend.alloc.csr(100, 100 * 784)) {
  backend.alloc.stage(split).gather(out, indices, indices.length);
  const nnz = out.rowPtr[out.n];
  return {
    n: out.n,
    rowPtr: Array.from(out.rowPtr.subarray(0, out.n + 1)),
    colIdx: Array.from(out.colIdx.subarray(0, nnz)),
    values: Array.from(out.values.subarray(0, nnz)),
  };
}

/** The gather area's header: [next free byte, end]. */
const header = () => new Uint32Array(split.memory.buffer, 0, 2);

describe('the shared index, gathered where it is', () => {
  let wasmBytes: Uint8Array;
  beforeAll(() => {
    expect(existsSync(WASM), 'build/kernels.wasm is missing: run `npm run build:wasm`').toBe(true);
    wasmBytes = readFileSync(WASM);
  });

  it('gathers bit for bit what tsKernels gathers, without copying the index', () => {
    const backend = wasmBackendFromBytes(wasmBytes);
    const staged = backend.alloc.stage(split);
    // Staged where it is: the split's own arrays, in the shared memory (a copy would be in the backend's).
    expect(staged.images.colIdx).toBe(split.colIdx);
    expect(staged.images.colIdx.buffer).toBe(split.memory.buffer);
    const before = header()[0];
    for (const seed of [1, 2, 3]) {
      const indices = picks(100, split.count, seed);
      expect(gatherOn(backend, indices)).toEqual(gatherOn(tsBackend, indices));
    }
    // One slot claimed for this backend, the size of its first batch's room, then reused.
    const claimed = header()[0] - before;
    expect(claimed).toBeGreaterThan(100 * 784 * 8);
    expect(claimed).toBeLessThan(100 * 784 * 8 + 4096);
  });

  it('keeps two backends (two workers) apart: each its own slot, each its own batches', () => {
    const a = wasmBackendFromBytes(wasmBytes);
    const b = wasmBackendFromBytes(wasmBytes);
    const outA = a.alloc.csr(100, 100 * 784);
    const outB = b.alloc.csr(100, 100 * 784);
    for (let round = 0; round < 5; round++) {
      const ia = picks(100, split.count, 10 + round);
      const ib = picks(60, split.count, 20 + round);
      const gotA = gatherOn(a, ia, outA);
      const gotB = gatherOn(b, ib, outB);
      expect(gotA).toEqual(gatherOn(tsBackend, ia));
      expect(gotB).toEqual(gatherOn(tsBackend, ib));
    }
  });

  it('takes runs of images (evaluation) from the shared index: gatherRange and pixelRows agree with gather, at every alignment', () => {
    const backend = wasmBackendFromBytes(wasmBytes);
    const staged = backend.alloc.stage(split);
    const out = backend.alloc.csr(100, 100 * 784);
    const claimedBefore = header()[0];
    // starts whose first non-zero falls on each offset modulo 8 of the shared arrays
    const starts = new Map<number, number>();
    for (let s = 0; s < split.count - 100 && starts.size < 8; s++) {
      const at = split.rowPtr[s] % 8;
      if (!starts.has(at)) starts.set(at, s);
    }
    expect(starts.size).toBe(8);
    for (const [n, start] of [...starts.values()].map((s, i) => [[1, 7, 64, 100][i % 4], s])) {
      const indices = Int32Array.from({ length: n }, (_, i) => start + i);
      const want = gatherOn(tsBackend, indices);
      staged.gatherRange(out, start, n);
      const nnz = out.rowPtr[n];
      expect({
        n: out.n,
        rowPtr: Array.from(out.rowPtr.subarray(0, n + 1)),
        colIdx: Array.from(out.colIdx.subarray(0, nnz)),
        values: Array.from(out.values.subarray(0, nnz)),
      }).toEqual(want);
      const px = staged.pixelRows(start, n);
      expect(px.colIdx.buffer, 'pixel rows are copied into the kernel memory').not.toBe(split.memory.buffer);
      const e0 = split.rowPtr[start];
      expect(Array.from(px.rowPtr.subarray(0, n + 1))).toEqual(want.rowPtr);
      expect(Array.from(px.colIdx)).toEqual(Array.from(split.colIdx.subarray(e0, e0 + nnz)));
      expect(Array.from(px.values)).toEqual(Array.from(split.values.subarray(e0, e0 + nnz)));
    }
    expect(header()[0], 'runs need no slot of the gather area').toBe(claimedBefore);
    expect(() => staged.pixelRows(split.count - 1, 2)).toThrow(/not within/);
  });

  it('refuses an index outside the split before the kernel writes into the shared memory', () => {
    const backend = wasmBackendFromBytes(wasmBytes);
    const out = backend.alloc.csr(2, 2 * 784);
    const staged = backend.alloc.stage(split);
    expect(() => staged.gather(out, Int32Array.from([0, split.count]), 2)).toThrow(
      `wasm-simd kernels: image index ${split.count} is outside 0..${split.count - 1}`,
    );
  });

  it('copies the split into its own memory, as before, when the gather area is full', () => {
    const h = header();
    const saved = h[0];
    h[0] = h[1] - 1000; // what is left is too small for any slot
    try {
      const backend = wasmBackendFromBytes(wasmBytes);
      const indices = picks(100, split.count, 5);
      expect(gatherOn(backend, indices)).toEqual(gatherOn(tsBackend, indices));
      expect(h[0]).toBe(h[1] - 1000); // a claim that does not fit does not move the pointer
    } finally {
      h[0] = saved;
    }
  });
});
