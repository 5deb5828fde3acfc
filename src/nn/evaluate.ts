/**
 * Evaluation of a network on a whole split (or a range of it), in inference mode, in sparse
 * batches: accuracy and mean data loss (weight decay is a training penalty and is left out).
 * Free-standing so another thread can evaluate a copy of the network built from a flatParams()
 * snapshot while training goes on.
 */
import { BatchBuilder, type DataSplit } from './batch';
import { countArgmaxMatches, type Network } from './network';
import type { Rng } from './rng';
import type { Kernels } from './tensor';

/** Accuracy and loss over a set of images. */
export interface Evaluation {
  correct: number;
  count: number;
  /** Mean data loss (cross-entropy or MSE) over the images; 0 when count is 0. */
  loss: number;
  /** correct / count; 0 when count is 0. */
  accuracy: number;
}

/** Rows per evaluation batch: large enough for efficient kernels, small enough for memory. */
const EVAL_BATCH = 500;

/** Each network's evaluation buffers, made once (kernel memory is never freed). */
const buffers = new WeakMap<Network, { builder: BatchBuilder; indices: Int32Array }>();

const NO_PERTURBATION = { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 };

/** Evaluates images [range.start, range.end) of split (default: all). kernels must be the network's. */
export function evaluateNetwork(
  network: Network,
  split: DataSplit,
  kernels: Kernels,
  range: { start: number; end: number } = { start: 0, end: split.count },
): Evaluation {
  let buf = buffers.get(network);
  if (buf === undefined || buf.builder.pixelsPerImage !== split.pixelsPerImage) {
    buf = {
      builder: new BatchBuilder(kernels, EVAL_BATCH, split.pixelsPerImage, NO_PERTURBATION),
      indices: new Int32Array(EVAL_BATCH),
    };
    buffers.set(network, buf);
  }
  const { builder, indices } = buf;
  let correct = 0;
  let lossSum = 0;
  const start = Math.max(0, range.start);
  const end = Math.min(split.count, range.end);
  for (let s = start; s < end; s += EVAL_BATCH) {
    const n = Math.min(EVAL_BATCH, end - s);
    for (let i = 0; i < n; i++) indices[i] = s + i;
    const input = builder.fill(split, indices, n, UNUSED_RNG);
    const labels = builder.labels.subarray(0, n);
    lossSum += network.lastLayer.forward(network.forward(input, false), labels) * n;
    correct += countArgmaxMatches(network.lastLayer.y, labels);
  }
  const count = Math.max(0, end - start);
  return { correct, count, loss: count > 0 ? lossSum / count : 0, accuracy: count > 0 ? correct / count : 0 };
}

/** Unperturbed batches never draw random numbers. */
const UNUSED_RNG = {
  next: () => {
    throw new Error('evaluation drew a random number');
  },
} as unknown as Rng;
