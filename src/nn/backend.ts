/**
 * A backend is where a network computes: a kernel set and the allocator of every buffer those
 * kernels read or write. Layers, optimizers and batch builders take one backend and never ask
 * where their memory lives.
 *
 *   tsBackend          tsKernels, float32 buffers on the JavaScript heap
 *   float64Backend     tsKernels, float64 buffers on the heap (the gradient checks)
 *   createWasmBackend  the WebAssembly SIMD kernels, float32 buffers in their own memory
 *                      (kernels-wasm.ts; what training uses)
 */
import type { CsrBatch, Floats, Kernels, PixelRows, SparseImages } from './kernels';
import { tsKernels } from './kernels-ts';

/** A split's non-zero index, staged where its backend gathers mini-batches from it. */
export interface StagedImages {
  /** The index as the gather reads it: a copy in kernel memory, or the split's own arrays. */
  readonly images: SparseImages;
  /** out = images indices[0..n) as a CSR batch, values v / 255 (a `gatherRows` kernel). */
  gather(out: CsrBatch, indices: Int32Array, n: number): void;
  /**
   * out = images [start, start + n) as a CSR batch: the same batch as `gather` of those indices
   * (evaluation walks a split in order, and a backend may take such a run of the index faster).
   */
  gatherRange(out: CsrBatch, start: number, n: number): void;
  /**
   * Images [start, start + n) as the index holds them (uint16 pixels, uint8 values), where the
   * backend's spmmPixels reads them: the first layer's input without gathering a batch. The rows
   * stay valid until the next call.
   */
  pixelRows(start: number, n: number): PixelRows;
}

/**
 * A StagedImages from its gather, over `images` where the kernels read them: gatherRange gathers
 * the indices start .. start + n - 1, pixelRows views the run of the index with its row starts
 * counted from the run's first non-zero (in an int buffer from `ints`).
 */
export function stagedWith(
  images: SparseImages,
  gather: (out: CsrBatch, indices: Int32Array, n: number) => void,
  ints: (length: number) => Int32Array,
): StagedImages {
  let range = new Int32Array(0);
  let rowPtr: Int32Array = new Int32Array(0);
  const count = images.rowPtr.length - 1;
  return {
    images,
    gather,
    gatherRange(out, start, n) {
      if (range.length < n) range = new Int32Array(n);
      for (let i = 0; i < n; i++) range[i] = start + i;
      gather(out, range, n);
    },
    pixelRows(start, n) {
      checkRun(start, n, count);
      if (rowPtr.length < n + 1) rowPtr = ints(n + 1);
      const e0 = images.rowPtr[start];
      for (let i = 0; i <= n; i++) rowPtr[i] = images.rowPtr[start + i] - e0;
      const e1 = e0 + rowPtr[n];
      return { n, rowPtr, colIdx: images.colIdx.subarray(e0, e1), values: images.values.subarray(e0, e1) };
    },
  };
}

/** Throws unless [start, start + n) is a run of whole images of a split of `count`. */
export function checkRun(start: number, n: number, count: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(n) && start >= 0 && n >= 0 && start + n <= count))
    throw new Error(`images ${start} .. ${start + n - 1} are not within the split's 0 .. ${count - 1}`);
}

/** Makes the buffers a backend's kernels work on. */
export interface Alloc {
  /** A zeroed float buffer of `length` elements (float32, or float64 for the gradient checks). */
  floats(length: number): Floats;
  /** A zeroed int32 buffer of `length` elements (max pooling's arg-max indices). */
  ints(length: number): Int32Array;
  /** An empty CSR batch for up to `rows` rows and `nnz` non-zeros. */
  csr(rows: number, nnz: number): CsrBatch;
  /**
   * `images` ready for gathering mini-batches. Staging the same arrays again returns the same
   * StagedImages, so a split is copied (if at all) once. The backend decides here which gather
   * serves the split; callers just call `gather`.
   */
  stage(images: SparseImages): StagedImages;
}

/** A kernel set and the allocator of its buffers. */
export interface Backend {
  readonly kernels: Kernels;
  readonly alloc: Alloc;
}

/** An empty CSR batch on the heap. */
function heapCsr(rows: number, nnz: number): CsrBatch {
  return {
    n: 0,
    rowPtr: new Int32Array(rows + 1),
    colIdx: new Int32Array(nnz),
    values: new Float32Array(nnz),
  };
}

/** `images` staged for the TypeScript gather, which reads the split's arrays where they are. */
export function stagedInPlace(images: SparseImages): StagedImages {
  return stagedWith(
    images,
    (out, indices, n) => tsKernels.gatherRows(out, images, indices, n),
    (length) => new Int32Array(length),
  );
}

/** Stages each split once (keyed by its colIdx array), with `stage` making the first staging. */
export function stagingOnce(stage: (images: SparseImages) => StagedImages): Alloc['stage'] {
  const staged = new WeakMap<Uint16Array, StagedImages>();
  return (images) => {
    let s = staged.get(images.colIdx);
    if (s === undefined) {
      s = stage(images);
      staged.set(images.colIdx, s);
    }
    return s;
  };
}

/** tsKernels over float32 heap buffers: the app's backend when build/kernels.wasm is absent. */
export const tsBackend: Backend = {
  kernels: tsKernels,
  alloc: {
    floats: (length) => new Float32Array(length),
    ints: (length) => new Int32Array(length),
    csr: heapCsr,
    stage: stagingOnce(stagedInPlace),
  },
};

/** tsKernels over float64 heap buffers: the precision the gradient checks need. */
export const float64Backend: Backend = {
  kernels: tsKernels,
  alloc: {
    floats: (length) => new Float64Array(length),
    ints: (length) => new Int32Array(length),
    csr: heapCsr,
    stage: stagingOnce(stagedInPlace),
  },
};
