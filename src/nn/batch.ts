/**
 * Building mini-batches from the shared uint8 dataset, without allocating per batch.
 *
 * Without noise a batch is sparse: each image's non-zero pixels (indexed once, beside the dataset)
 * are gathered into a CsrBatch with values pixel / 255, and the first layer (SparseAffine) skips
 * the zeros.
 * With Gaussian noise every pixel becomes non-zero, so the batch is dense (N, D) instead.
 * Augmentation (shift + rotation) first resamples each image, then goes the same two ways.
 */
import { shiftRotate } from './augment';
import type { Backend } from './backend';
import { PIXEL_SCALE } from './kernels-ts';
import type { Rng } from './rng';
import type { CsrBatch, DenseInput, Floats, NetInput } from './tensor';
import type { SharedMemoryLike } from './kernels';

/** One split of the dataset, as the service shares it (same shape as SplitView in src/shared). */
export interface DataSplit {
  count: number;
  pixelsPerImage: number;
  /** (count, pixelsPerImage) uint8 0..255 */
  images: Uint8Array;
  /** (count) uint8 0..9 */
  labels: Uint8Array;
  /** (count + 1) image i's non-zeros are entries rowPtr[i] .. rowPtr[i+1]-1 */
  rowPtr: Int32Array;
  /** (nnz) pixel index of each non-zero */
  colIdx: Uint16Array;
  /** (nnz) uint8 value of each non-zero, beside its colIdx */
  values: Uint8Array;
  /** The shared WebAssembly.Memory rowPtr, colIdx and values are views of, if they are (SparseImages.memory). */
  memory?: SharedMemoryLike;
}

/** How a batch's images are perturbed (all 0 = as they are). */
export interface Perturbation {
  /** Gaussian noise σ added to each pixel (result clipped to [0, 1]); > 0 makes batches dense. */
  noiseSigma: number;
  /** Random integer shift in [-augmentShift, augmentShift] pixels along each axis. */
  augmentShift: number;
  /** Random rotation in [-augmentRotate, augmentRotate] degrees. */
  augmentRotate: number;
}

/** Preallocated buffers for batches of up to `capacity` images, filled by `fill`. */
export class BatchBuilder {
  readonly csr: CsrBatch;
  /** (capacity, D) dense pixels, only allocated when batches are dense. */
  readonly dense: Floats;
  /** (capacity) labels of the current batch. */
  readonly labels: Uint8Array;
  private readonly sparseInput: NetInput;
  private readonly denseInput: DenseInput;
  /** One resampled image (D), for augmentation. */
  private readonly scratch: Float32Array;
  private readonly side: number;

  /** Buffers from `backend`: the batches are the input of a network on that backend. */
  constructor(
    private readonly backend: Backend,
    readonly capacity: number,
    readonly pixelsPerImage: number,
    private readonly perturb: Perturbation,
  ) {
    const dense = perturb.noiseSigma > 0;
    this.csr = backend.alloc.csr(capacity, dense ? 0 : capacity * pixelsPerImage);
    this.dense = backend.alloc.floats(dense ? capacity * pixelsPerImage : 0);
    this.labels = new Uint8Array(capacity);
    this.sparseInput = { kind: 'sparse', csr: this.csr };
    this.denseInput = { kind: 'dense', n: 0, data: this.dense };
    this.scratch = new Float32Array(pixelsPerImage);
    this.side = Math.round(Math.sqrt(pixelsPerImage));
  }

  /** Fills the batch with images indices[0..n) of split; rng drives noise and augmentation. */
  fill(split: DataSplit, indices: Int32Array, n: number, rng: Rng): NetInput {
    const augment = this.perturb.augmentShift > 0 || this.perturb.augmentRotate > 0;
    const dense = this.perturb.noiseSigma > 0;
    for (let i = 0; i < n; i++) this.labels[i] = split.labels[indices[i]];
    if (!augment && !dense) return this.fillSparse(split, indices, n);
    const D = this.pixelsPerImage;
    const csr = this.csr;
    let nnz = 0;
    for (let i = 0; i < n; i++) {
      const img = this.scratch;
      const offset = indices[i] * D;
      if (augment) {
        const s = this.perturb.augmentShift;
        const shiftX = s > 0 ? rng.int(2 * s + 1) - s : 0;
        const shiftY = s > 0 ? rng.int(2 * s + 1) - s : 0;
        const angle = ((2 * rng.next() - 1) * this.perturb.augmentRotate * Math.PI) / 180;
        shiftRotate(split.images, offset, img, this.side, shiftX, shiftY, angle);
      } else {
        for (let p = 0; p < D; p++) img[p] = PIXEL_SCALE[split.images[offset + p]];
      }
      if (dense) {
        const sigma = this.perturb.noiseSigma;
        const row = this.dense;
        for (let p = 0; p < D; p++) {
          const v = img[p] + sigma * rng.normal();
          row[i * D + p] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
      } else {
        csr.rowPtr[i] = nnz;
        for (let p = 0; p < D; p++) {
          if (img[p] > 0) {
            csr.colIdx[nnz] = p;
            csr.values[nnz] = img[p];
            nnz++;
          }
        }
      }
    }
    if (dense) {
      this.denseInput.n = n;
      return this.denseInput;
    }
    csr.rowPtr[n] = nnz;
    csr.n = n;
    return this.sparseInput;
  }

  /**
   * Images [start, start + n) of split, unperturbed, as a sparse batch (evaluation walks a split in
   * order): their non-zeros are one contiguous run of the split's index, which the staged index's
   * gatherRange takes as such.
   */
  fillRange(split: DataSplit, start: number, n: number): NetInput {
    this.labels.set(split.labels.subarray(start, start + n));
    this.backend.alloc.stage(split).gatherRange(this.csr, start, n);
    return this.sparseInput;
  }

  /**
   * The fast path: a kernel gathers each image's precomputed non-zeros into the CSR batch, from
   * the split's index as the backend staged it (once per split; later calls find it staged).
   */
  private fillSparse(split: DataSplit, indices: Int32Array, n: number): NetInput {
    this.backend.alloc.stage(split).gather(this.csr, indices, n);
    return this.sparseInput;
  }
}
