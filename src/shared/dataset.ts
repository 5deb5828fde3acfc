/**
 * The dataset as the service shares it with every worker: parsed once into SharedArrayBuffers,
 * never copied per run. Pixels stay uint8 (0..255); the engine scales them by 1/255.
 *
 * Beside the pixels sits a CSR index of each image's non-zero pixels (about 19 % of MNIST's),
 * computed once with each non-zero's value beside its pixel index, which the first layer uses to
 * skip the zeros.
 */
export interface SharedSplit {
  count: number;
  /** (count, rows*cols) uint8 pixels. */
  images: SharedArrayBuffer;
  /** (count) uint8 labels 0..9. */
  labels: SharedArrayBuffer;
  /** The CSR index of the non-zero pixels, in a shared WebAssembly memory of its own. */
  index: SharedIndex;
}

/**
 * A shared `WebAssembly.Memory` (typed by what is used here; the Node tsconfig has no WebAssembly
 * value types). Every thread that receives it sees the same bytes: the WebAssembly kernels of each
 * run's worker gather mini-batches from the index where it is, instead of copying it (about 27 MB
 * for MNIST's training split) into their own memory.
 */
export interface IndexMemory {
  readonly buffer: SharedArrayBuffer;
}

/**
 * Where a split's index lies in its memory (byte offsets). Bytes 0..63 are a header: [0] the next
 * free byte and [1] the end of the gather area (Uint32), the room after the index where each worker
 * claims, once, a slot for the batches it gathers (src/nn/kernels-wasm.ts).
 */
export interface SharedIndex {
  memory: IndexMemory;
  /** (count + 1) Int32: image i's non-zeros are entries rowPtr[i] .. rowPtr[i+1]-1. */
  rowPtr: number;
  /** (nnz) Uint16: pixel index of each non-zero. */
  colIdx: number;
  /** (nnz) uint8: each non-zero's pixel value, beside colIdx, so batches copy runs instead of gathering. */
  values: number;
  nnz: number;
}

export interface SharedDataset {
  rows: number;
  cols: number;
  train: SharedSplit;
  test: SharedSplit;
}

/** Typed views over one split. */
export interface SplitView {
  count: number;
  pixelsPerImage: number;
  images: Uint8Array;
  labels: Uint8Array;
  rowPtr: Int32Array;
  colIdx: Uint16Array;
  values: Uint8Array;
  /** The memory rowPtr, colIdx and values are views of. */
  memory: IndexMemory;
}

export function viewSplit(s: SharedSplit, pixelsPerImage: number): SplitView {
  const { memory, nnz } = s.index;
  const buffer = memory.buffer;
  return {
    count: s.count,
    pixelsPerImage,
    images: new Uint8Array(s.images),
    labels: new Uint8Array(s.labels),
    rowPtr: new Int32Array(buffer, s.index.rowPtr, s.count + 1),
    colIdx: new Uint16Array(buffer, s.index.colIdx, nnz),
    values: new Uint8Array(buffer, s.index.values, nnz),
    memory,
  };
}
