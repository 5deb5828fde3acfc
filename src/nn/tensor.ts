/**
 * The small vocabulary every layer shares: a matrix is a flat row-major buffer with its shape,
 * inputs are dense or sparse (CSR) batches, targets are label indices or one-hot rows.
 *
 * Dimension letters used across the engine: N = batch rows, D = input features, M = output features.
 */
import type { Alloc } from './backend';
import type { CsrBatch, Floats } from './kernels';

export type { CsrBatch, Floats };

/** A row-major matrix (rows, cols) over the first rows·cols entries of `data` (which may be longer). */
export interface Matrix {
  rows: number;
  cols: number;
  data: Floats;
}

/** A dense batch of n rows of pixels (n, D) already scaled to [0, 1], in a buffer from the network's backend. */
export interface DenseInput {
  kind: 'dense';
  n: number;
  data: Floats;
}

/** A sparse batch: only each image's non-zero pixels. */
export interface SparseInput {
  kind: 'sparse';
  csr: CsrBatch;
}

/** What a network accepts as input. */
export type NetInput = DenseInput | SparseInput;

/**
 * Targets: label indices (N) as Uint8Array/Int32Array, or one-hot rows (N, classes) as floats.
 * The book's SoftmaxWithLoss accepts both (`if self.t.size == self.y.size`); we tell them apart by type.
 */
export type Targets = Uint8Array | Int32Array | Floats;

/** True when the targets are label indices rather than one-hot rows. */
export function isLabels(t: Targets): t is Uint8Array | Int32Array {
  return t instanceof Uint8Array || t instanceof Int32Array;
}

/** A matrix whose buffer grows (never shrinks) to fit the batch: no allocation once warm. */
export function ensureMatrix(mat: Matrix | null, rows: number, cols: number, alloc: Alloc): Matrix {
  if (mat !== null && mat.data.length >= rows * cols) {
    mat.rows = rows;
    mat.cols = cols;
    return mat;
  }
  return { rows, cols, data: alloc.floats(rows * cols) };
}
