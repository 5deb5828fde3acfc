/**
 * The service's shared splits (src/main/lab/dataset.ts shareSplit) carry each non-zero's value
 * beside its pixel index; batches built from them must equal the images they index.
 */
import { describe, expect, it } from 'vitest';
import { shareSplit } from '../../src/main/lab/dataset';
import { BatchBuilder, Rng, tsBackend } from '../../src/nn';
import { viewSplit } from '../../src/shared/dataset';
import { loadMnist } from './mnist-fixture';

describe('shared split values', () => {
  const fixture = loadMnist('t10k', 200);
  const view = viewSplit(
    shareSplit({ count: fixture.count, rows: 28, cols: 28, images: fixture.images, labels: fixture.labels }),
    784,
  );

  it('holds the pixel value of every indexed non-zero, in colIdx order', () => {
    expect(view.values.length).toBe(view.colIdx.length);
    for (let i = 0; i < view.count; i++) {
      for (let e = view.rowPtr[i]; e < view.rowPtr[i + 1]; e++) {
        expect(view.values[e]).toBe(view.images[i * 784 + view.colIdx[e]]);
        expect(view.values[e]).not.toBe(0);
      }
    }
    expect(Array.from(view.values)).toEqual(Array.from(fixture.values));
  });

  it('gives sparse batches equal to the dense images / 255', () => {
    const b = new BatchBuilder(tsBackend, 50, 784, { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 });
    const idx = Int32Array.from({ length: 50 }, (_, i) => (i * 37) % view.count);
    const input = b.fill(view, idx, 50, new Rng(0));
    if (input.kind !== 'sparse') throw new Error('expected sparse');
    const { rowPtr, colIdx, values } = input.csr;
    for (let i = 0; i < 50; i++) {
      const dense = new Float32Array(784);
      for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) dense[colIdx[e]] = values[e];
      for (let p = 0; p < 784; p++) expect(dense[p]).toBe(Math.fround(view.images[idx[i] * 784 + p] / 255));
    }
  });

  it('fillRange (evaluation, images in order) gives the same batch as fill with those indices', () => {
    const a = new BatchBuilder(tsBackend, 64, 784, { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 });
    const b = new BatchBuilder(tsBackend, 64, 784, { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 });
    for (const [start, n] of [
      [0, 64],
      [101, 37],
      [view.count - 5, 5],
    ]) {
      const x = a.fillRange(view, start, n);
      const y = b.fill(
        view,
        Int32Array.from({ length: n }, (_, i) => start + i),
        n,
        new Rng(0),
      );
      if (x.kind !== 'sparse' || y.kind !== 'sparse') throw new Error('expected sparse');
      const nnz = y.csr.rowPtr[n];
      expect(x.csr.n).toBe(n);
      expect(Array.from(x.csr.rowPtr.subarray(0, n + 1))).toEqual(
        Array.from(y.csr.rowPtr.subarray(0, n + 1)),
      );
      expect(Array.from(x.csr.colIdx.subarray(0, nnz))).toEqual(Array.from(y.csr.colIdx.subarray(0, nnz)));
      expect(Array.from(x.csr.values.subarray(0, nnz))).toEqual(Array.from(y.csr.values.subarray(0, nnz)));
      expect(Array.from(a.labels.subarray(0, n))).toEqual(Array.from(view.labels.subarray(start, start + n)));
    }
  });
});
