/**
 * The few engine calls the worker threads make, in one place: the backend, the data splits, the
 * trainer, a network for evaluation, and prediction on one drawn digit.
 */
import { readFileSync } from 'node:fs';
import { Rng, Trainer, createNetwork, evaluateNetwork, tsBackend } from '../nn/index';
import type { Backend, Evaluation, Network, NetworkSpec } from '../nn/index';
import { argmax } from '../nn/argmax';
import { wasmBackendFromBytes } from '../nn/kernels-wasm';
import { viewSplit } from '../shared/dataset';
import type { SharedDataset, SplitView } from '../shared/dataset';
import type { TrainConfig } from '../shared/hyperparams';
import { GRADIENT_SAMPLE_EVERY } from '../shared/runs';
import type { Prediction, WeightTensor } from '../shared/runs';

/** The WASM SIMD backend when `wasmPath` names a readable build/kernels.wasm, else the TypeScript one. */
export async function loadBackend(wasmPath: string | undefined): Promise<Backend> {
  if (wasmPath) {
    try {
      return await wasmBackendFromBytes(new Uint8Array(readFileSync(wasmPath)));
    } catch {
      // No build or an unloadable one: the TypeScript kernels compute the same thing, more slowly.
    }
  }
  return tsBackend;
}

/** The splits a run trains and evaluates on: views over the shared buffers, never copies. */
export interface RunSplits {
  /** The whole training split; the trainer fits [0, fitCount) and validates on the images after. */
  train: SplitView;
  test: SplitView;
  /** How many training images are fitted (subset minus the validation tail), as the Trainer counts them. */
  fitCount: number;
}

/** Views of the shared dataset, plus the fitted range the Trainer will use. */
export function makeSplits(config: TrainConfig, dataset: SharedDataset): RunSplits {
  const d = dataset.rows * dataset.cols;
  const train = viewSplit(dataset.train, d);
  const test = viewSplit(dataset.test, d);
  const used = config.trainSubset > 0 ? Math.min(config.trainSubset, train.count) : train.count;
  const fitCount = used - Math.floor(used * config.validationSplit);
  return { train, test, fitCount };
}

/** The run's trainer, from fresh weights or from `initialWeights` (an imported run). */
export function createTrainer(
  config: TrainConfig,
  splits: RunSplits,
  backend: Backend,
  initialWeights?: WeightTensor[],
): Trainer {
  // The Trainer takes the subset and the validation tail from the train split itself.
  return new Trainer(
    config,
    { train: splits.train, test: splits.test },
    { backend, initialWeights, gradientSampleEvery: GRADIENT_SAMPLE_EVERY },
  );
}

/** The network architecture a config describes, for (rows·cols)-pixel images and 10 classes. */
export function networkSpec(config: TrainConfig, inputSize: number): NetworkSpec {
  return { ...config, inputSize, outputSize: 10 };
}

/** A network of the run's architecture for the evaluator; its parameters are set from snapshots. */
export function createEvalNetwork(config: TrainConfig, inputSize: number, backend: Backend): Network {
  return createNetwork(networkSpec(config, inputSize), { backend, rng: new Rng(config.seed) });
}

/** Loads a `flatParams()` snapshot into a network of the same architecture. */
export function loadFlatParams(network: Network, params: Float32Array): void {
  network.flatParams().set(params);
}

/** Accuracy and mean loss of `network` over a whole split. */
export function evaluateSplit(network: Network, split: SplitView, end = split.count): Evaluation {
  return evaluateNetwork(network, split, { start: 0, end });
}

/** The 10 probabilities and hidden activations for one (784) uint8 image. */
export function predictDigit(network: Network, pixels: Uint8Array): Prediction {
  const x = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) x[i] = pixels[i] / 255;
  // activations() lists each hidden layer's output, then the output probabilities last.
  const layers = network.activations(x).map((a) => a.data);
  const probabilities = layers.pop() ?? new Float32Array(10);
  return { probabilities, activations: layers };
}

/** The parameter tensors (W1, b1, ...), copied so the caller may transfer them. */
export function weightTensors(network: Network): WeightTensor[] {
  return network
    .tensors()
    .map((t) => ({ name: t.name, shape: [...t.shape], data: Float32Array.from(t.data) }));
}

/** Labelled images to classify: a whole split, or the personal test set. */
export type LabelledImageSet = Pick<SplitView, 'count' | 'pixelsPerImage' | 'images' | 'labels'>;

/** Every image's predicted class and its probability (for the confusion matrix and the mistakes gallery). */
export function classifySplit(network: Network, split: LabelledImageSet) {
  // A CNN's layers hold C·H·W values per image (DeepConvNet's im2col ~450 KB each): the book's 100 a batch.
  const BATCH = network.arch === 'mlp' ? 500 : 100;
  const d = split.pixelsPerImage;
  const x = network.backend.alloc.floats(BATCH * d); // (BATCH, d): a dense input on the network's backend
  const predictions = new Uint8Array(split.count);
  const confidences = new Float32Array(split.count);
  let correct = 0;
  for (let start = 0; start < split.count; start += BATCH) {
    const n = Math.min(BATCH, split.count - start);
    const pixels = split.images.subarray(start * d, (start + n) * d);
    for (let i = 0; i < pixels.length; i++) x[i] = pixels[i] / 255;
    const y = network.predict({ kind: 'dense', n, data: x }); // (n, 10)
    for (let i = 0; i < n; i++) {
      const best = argmax(y, i * 10, 10);
      predictions[start + i] = best;
      confidences[start + i] = y[i * 10 + best];
      if (best === split.labels[start + i]) correct++;
    }
  }
  return { predictions, confidences, labels: split.labels.slice(), correct, count: split.count };
}
