/**
 * Evaluation of a network on a whole split (or a range of it), in inference mode, in sparse
 * batches: accuracy and mean data loss (weight decay is a training penalty and is left out).
 * Free-standing so another thread can evaluate a copy of the network built from a flatParams()
 * snapshot while training goes on.
 *
 * For softmax + cross-entropy (the book's networks) a batch is scored straight from the last
 * Affine's outputs (the logits) in one pass per row: arg-max of the logits (softmax keeps the
 * order, and the book's accuracy() takes argmax of predict() = the logits too) and the loss
 * log Σ exp(x - max) - (x_label - max), the sum and the arg-max from one kernel (expSumRows). No
 * probabilities are written.
 */
import { BatchBuilder, type DataSplit } from './batch';
import { SoftmaxWithLoss } from './layers/SoftmaxWithLoss';
import { countArgmaxMatches, type Network } from './network';
import type { Floats, Matrix } from './tensor';

/** Accuracy and loss over a set of images. */
export interface Evaluation {
  correct: number;
  count: number;
  /** Mean data loss (cross-entropy or MSE) over the images; 0 when count is 0. */
  loss: number;
  /** correct / count; 0 when count is 0. */
  accuracy: number;
}

/** Rows per evaluation batch: large enough for efficient kernels, small enough for memory (~7 MB of buffers). */
const EVAL_BATCH = 1000;
/** Rows per batch for a convolutional network, whose layers hold C·H·W values per image (~40 MB at 200). */
const CONV_EVAL_BATCH = 200;

/** A network's evaluation buffers: the batch, and per row the sum of exps and the arg-max of its logits. */
interface EvalBuffers {
  /** The CNN's batches (an MLP reads the split's index where it is staged: pixelRows). */
  builder: BatchBuilder | null;
  /** (rows) */
  sums: Floats;
  /** (rows) */
  best: Int32Array;
}

/** Each network's evaluation buffers, made once (a backend's buffers may never be freed). */
const buffers = new WeakMap<Network, EvalBuffers>();

const NO_PERTURBATION = { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 };

/** Evaluates images [range.start, range.end) of split (default: all), in batches on the network's backend. */
export function evaluateNetwork(
  network: Network,
  split: DataSplit,
  range: { start: number; end: number } = { start: 0, end: split.count },
): Evaluation {
  let buf = buffers.get(network);
  const rows = network.arch === 'mlp' ? EVAL_BATCH : CONV_EVAL_BATCH;
  const mlp = network.sparseInputLayer !== null;
  if (buf === undefined || (buf.builder !== null && buf.builder.pixelsPerImage !== split.pixelsPerImage)) {
    const { alloc } = network.backend;
    buf = {
      builder: mlp ? null : new BatchBuilder(network.backend, rows, split.pixelsPerImage, NO_PERTURBATION),
      sums: alloc.floats(rows),
      best: alloc.ints(rows),
    };
    buffers.set(network, buf);
  }
  const { builder } = buf;
  const { kernels, alloc } = network.backend;
  const softmax = network.lastLayer instanceof SoftmaxWithLoss;
  let correct = 0;
  let lossSum = 0;
  const start = Math.max(0, range.start);
  const end = Math.min(split.count, range.end);
  for (let s = start; s < end; s += rows) {
    const n = Math.min(rows, end - s);
    const labels = split.labels.subarray(s, s + n);
    const logits =
      builder === null
        ? network.forwardPixels(alloc.stage(split).pixelRows(s, n))
        : network.forward(builder.fillRange(split, s, n), false);
    if (softmax) {
      kernels.expSumRows(buf.sums, buf.best, logits.data, n, logits.cols);
      lossSum += scoreLogits(logits, labels, buf.sums, buf.best);
      correct += scored.correct;
    } else {
      lossSum += network.lastLayer.forward(logits, labels) * n;
      correct += countArgmaxMatches(network.lastLayer.y, labels);
    }
  }
  const count = Math.max(0, end - start);
  return { correct, count, loss: count > 0 ? lossSum / count : 0, accuracy: count > 0 ? correct / count : 0 };
}

/** What scoreLogits counted besides the loss it returns (a module field: no object per batch). */
const scored = { correct: 0 };

/**
 * Softmax cross-entropy summed over the rows of x (N, M) with labels t (N), from each row's sum of
 * exps and arg-max (the expSumRows kernel): -log y_t = log sums[i] - (x_t - max). The rows whose
 * arg-max (first maximum, like np.argmax) is the label go into scored.correct.
 */
function scoreLogits(x: Matrix, t: Uint8Array, sums: Floats, best: Int32Array): number {
  const N = x.rows;
  const M = x.cols;
  const d = x.data;
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < N; i++) {
    const o = i * M;
    const label = t[i];
    loss += Math.log(sums[i]) - (d[o + label] - d[o + best[i]]); // -log y_label
    if (best[i] === label) correct++;
  }
  scored.correct = correct;
  return loss;
}
