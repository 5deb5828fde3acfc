/**
 * The book's toys, Chapter 6 (§6.4): the training images as the trainer really feeds them — with
 * Gaussian noise, shifted and rotated (augment.ts), or as they are — through the trainer's own
 * BatchBuilder, so the Regularisation primer's gallery shows exactly what a run with the same
 * settings trains on. (See ./index.ts.)
 */
import { float64Backend } from '../backend';
import { BatchBuilder, type DataSplit, type Perturbation } from '../batch';
import type { Rng } from '../rng';

/** A few images (count, D) uint8 as a DataSplit, with the non-zero index the service builds beside a split. */
export function sampleSplit(images: Uint8Array, labels: Uint8Array, pixelsPerImage = 784): DataSplit {
  const count = labels.length;
  const rowPtr = new Int32Array(count + 1);
  let nnz = 0;
  for (let i = 0; i < images.length; i++) if (images[i] !== 0) nnz++;
  const colIdx = new Uint16Array(nnz);
  const values = new Uint8Array(nnz);
  let e = 0;
  for (let i = 0; i < count; i++) {
    rowPtr[i] = e;
    for (let p = 0; p < pixelsPerImage; p++) {
      const v = images[i * pixelsPerImage + p];
      if (v !== 0) {
        colIdx[e] = p;
        values[e++] = v;
      }
    }
  }
  rowPtr[count] = e;
  return { count, pixelsPerImage, images, labels, rowPtr, colIdx, values };
}

/**
 * Every image of `split` as one training batch with `perturb` applied, drawn with `rng` as the
 * trainer draws noise and augmentation (BatchBuilder.fill). Returns each image's D pixels in [0, 1].
 */
export function perturbedImages(split: DataSplit, perturb: Perturbation, rng: Rng): Float32Array[] {
  const D = split.pixelsPerImage;
  const builder = new BatchBuilder(float64Backend, split.count, D, perturb);
  const indices = Int32Array.from({ length: split.count }, (_, i) => i);
  const batch = builder.fill(split, indices, split.count, rng);
  return Array.from({ length: split.count }, (_, i) => {
    const img = new Float32Array(D);
    if (batch.kind === 'dense') {
      img.set(batch.data.subarray(i * D, (i + 1) * D));
    } else {
      const { rowPtr, colIdx, values } = batch.csr;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) img[colIdx[k]] = values[k];
    }
    return img;
  });
}
