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
  /** (count + 1) Int32: image i's non-zeros are entries rowPtr[i] .. rowPtr[i+1]-1. */
  rowPtr: SharedArrayBuffer;
  /** (nnz) Uint16: pixel index of each non-zero. */
  colIdx: SharedArrayBuffer;
  /** (nnz) uint8: each non-zero's pixel value, beside colIdx, so batches copy runs instead of gathering. */
  values: SharedArrayBuffer;
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
}

export function viewSplit(s: SharedSplit, pixelsPerImage: number): SplitView {
  return {
    count: s.count,
    pixelsPerImage,
    images: new Uint8Array(s.images),
    labels: new Uint8Array(s.labels),
    rowPtr: new Int32Array(s.rowPtr),
    colIdx: new Uint16Array(s.colIdx),
    values: new Uint8Array(s.values),
  };
}
