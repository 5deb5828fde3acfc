/**
 * The book's `load_mnist(normalize, flatten, one_hot_label)` (dataset/mnist.py) over our shared
 * dataset, for the CLI and tests: float images and labels as the book's NumPy arrays would hold them.
 */
import type { SplitView } from '../../shared/dataset';

/** The book's options: normalize pixels to 0..1, keep images flat (784) or (1, 28, 28), one-hot labels. */
export interface LoadMnistOptions {
  normalize?: boolean;
  flatten?: boolean;
  oneHot?: boolean;
  /** Use only the first `subset` images (0 or undefined = all); the book's overfitting demo uses 300. */
  subset?: number;
}

/** One split as the book's arrays: x (N, 784) or (N, 1, 28, 28); t (N) digits or (N, 10) one-hot. */
export interface MnistArrays {
  x: Float32Array;
  xShape: number[];
  t: Float32Array;
  tShape: number[];
}

/** The first `n` images of a split as a view (no copy); n <= 0 or n >= count keeps them all. */
export function subsetSplit(view: SplitView, n: number): SplitView {
  if (n <= 0 || n >= view.count) return view;
  return {
    count: n,
    pixelsPerImage: view.pixelsPerImage,
    images: view.images.subarray(0, n * view.pixelsPerImage),
    labels: view.labels.subarray(0, n),
    rowPtr: view.rowPtr.subarray(0, n + 1),
    colIdx: view.colIdx.subarray(0, view.rowPtr[n]),
    values: view.values.subarray(0, view.rowPtr[n]),
    memory: view.memory,
  };
}

/** A (N, 10) one-hot matrix: row i has a 1 in column labels[i]. Like the book's `_change_one_hot_label`. */
export function oneHot(labels: Uint8Array, classes = 10): Float32Array {
  const t = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) t[i * classes + labels[i]] = 1;
  return t;
}

/** The book's load_mnist for one split, as Float32Arrays with their shapes. */
export function loadMnistArrays(
  view: SplitView,
  rows: number,
  cols: number,
  options: LoadMnistOptions = {},
): MnistArrays {
  const { normalize = true, flatten = true, oneHot: wantOneHot = false, subset = 0 } = options;
  const split = subsetSplit(view, subset);
  const x = new Float32Array(split.count * split.pixelsPerImage);
  const scale = normalize ? 1 / 255 : 1; // the book: x.astype(np.float32) / 255.0
  for (let i = 0; i < x.length; i++) x[i] = split.images[i] * scale;
  const xShape = flatten ? [split.count, rows * cols] : [split.count, 1, rows, cols];
  const t = wantOneHot ? oneHot(split.labels) : Float32Array.from(split.labels);
  const tShape = wantOneHot ? [split.count, 10] : [split.count];
  return { x, xShape, t, tShape };
}
