/**
 * The worker protocol, whole: what the Lab service (main thread) and a run's worker thread say to
 * each other, and what that worker says to its evaluation thread. Each direction is one
 * discriminated union on `type`; every message here is sent by someone. A request carries a
 * `requestId` and is answered by exactly one message with the same id (or an `error` with it).
 */
import type { LabMessage } from './messages';
import type { SharedDataset } from './dataset';
import type { TrainConfig } from './hyperparams';
import type { EpochMetrics, Prediction, WeightTensor } from './runs';
import type { FeatureMap } from './feature-maps';
import type { EpochHistograms, Explanation, HiddenMap } from './explain';

/** What the service passes a run worker as workerData. */
export interface RunWorkerData {
  /** build/kernels.wasm; without it (or when it cannot load) the TypeScript kernels run. */
  wasmPath?: string;
}

/** Labelled 28x28 uint8 images, one after another: the personal test set sent in one message. */
export interface LabelledImages {
  /** (count, 784) uint8 pixels. */
  pixels: Uint8Array;
  /** (count) the digit each image was labelled with. */
  labels: Uint8Array;
}

/** Every message the service may send a run worker. */
export type ToRunWorker =
  | {
      type: 'init';
      config: TrainConfig;
      dataset: SharedDataset;
      /** Continue from these weights (an imported or past run) instead of a fresh initialisation. */
      weights?: WeightTensor[];
      /** Start paused (an imported or resumed run waits for Train). */
      startPaused?: boolean;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'set-learning-rate'; value: number }
  | { type: 'predict'; requestId: number; pixels: Uint8Array }
  | { type: 'get-weights'; requestId: number }
  /** Classify every test image (LabApi.evaluateRun), answered by `classified`. */
  | { type: 'classify-test'; requestId: number }
  /** Classify the given images in one go (LabApi.evaluateDrawings), answered by `classified`. */
  | ({ type: 'classify-images'; requestId: number } & LabelledImages)
  // The CNN views (cnnviews)
  /** A drawn digit's feature maps (LabApi.featureMaps), answered by `feature-maps`. */
  | { type: 'feature-maps'; requestId: number; pixels: Uint8Array }
  /** The first layer before training, rebuilt from the seed (LabApi.initialWeights), answered by `weights`. */
  | { type: 'get-initial-weights'; requestId: number }
  // Look deeper (issue 13): the saliency of one drawing (LabApi.explain), answered by `explanation`.
  | { type: 'explain'; requestId: number; pixels: Uint8Array; classIndex: number | null }
  /** The hidden-layer map (LabApi.hiddenMap), computed by the evaluator on a snapshot; answered by `hidden-map`. */
  | {
      type: 'hidden-map';
      requestId: number;
      layer: number;
      pixels: Uint8Array | null;
      withFeatures: boolean;
    };

/** The states a run worker reports; the service adds 'starting', 'failed' and the rest. */
export type WorkerState = 'training' | 'paused' | 'finished' | 'stopped' | 'diverged';

/** Per-image classification, as the worker answers classify-test and classify-images. */
export interface Classified {
  /** The worker's iteration when it classified. */
  iteration: number;
  /** (count) predicted class, its probability, and the true label of each image. */
  predictions: Uint8Array;
  confidences: Float32Array;
  labels: Uint8Array;
  correct: number;
  count: number;
}

/** Every message a run worker may send the service. */
export type FromRunWorker =
  | { type: 'ready'; kernels: string; iterationsPerEpoch: number; totalIterations: number }
  | { type: 'iterations'; start: number; losses: Float32Array; learningRates: Float32Array }
  /**
   * One evaluation point: its metrics and the weight snapshot they were measured on (the one copy
   * the worker took for the evaluator, transferred on to the service, which saves it).
   */
  | {
      type: 'epoch';
      metrics: EpochMetrics;
      weights: WeightTensor[];
      /** Evaluation points skipped so far because the evaluator was still busy (coalesced). */
      skipped: number;
    }
  /**
   * A state change. An end state carries the final weights when they moved past the last
   * evaluation point's snapshot (a run stopped mid-epoch); a diverged run keeps its last good epoch.
   */
  | { type: 'state'; state: WorkerState; iteration: number; message?: LabMessage; weights?: WeightTensor[] }
  | { type: 'prediction'; requestId: number; prediction: Prediction }
  | { type: 'weights'; requestId: number; tensors: WeightTensor[] }
  | ({ type: 'classified'; requestId: number } & Classified)
  | { type: 'error'; requestId?: number; message: LabMessage }
  // The CNN views (cnnviews)
  | { type: 'feature-maps'; requestId: number; maps: FeatureMap[] }
  // Look deeper (issue 13)
  | { type: 'explanation'; requestId: number; explanation: Explanation }
  /** null: a map is still being computed, this request was skipped (ask again at the next evaluation). */
  | { type: 'hidden-map'; requestId: number; map: HiddenMap | null };

/** The splits the evaluator scores (validation is scored by the run worker itself, for early stopping). */
export type EvalSplitName = 'train' | 'test';

/** Accuracy and mean loss over one split. */
export interface SplitScore {
  accuracy: number;
  loss: number;
  correct: number;
  count: number;
}

/** Messages from a run worker to its evaluator. */
export type ToEvaluator =
  | { type: 'init'; config: TrainConfig; dataset: SharedDataset; wasmPath?: string }
  /** Score `params` (a flatParams() snapshot, transferred) on `splits`. */
  | {
      type: 'evaluate';
      id: number;
      params: Float32Array<ArrayBuffer>;
      splits: EvalSplitName[];
      /** Look deeper (issue 13): also take the activation and weight histograms. */
      histograms?: boolean;
    }
  /** Score `params` on images [start, end) of `split` (one thread's share of a two-thread evaluation). */
  | {
      type: 'evaluate-range';
      id: number;
      params: Float32Array<ArrayBuffer>;
      split: EvalSplitName;
      start: number;
      end: number;
    }
  // Look deeper (issue 13): a hidden-layer map of `params` (a snapshot) for layer `layer`.
  | {
      type: 'hidden-map';
      id: number;
      params: Float32Array<ArrayBuffer>;
      layer: number;
      pixels: Uint8Array | null;
      /** Also hand back the layer's outputs (HiddenMap.features). */
      withFeatures: boolean;
    };

/** Messages from the evaluator back to its run worker. */
export type FromEvaluator =
  /** The scores of job `id`, with its snapshot handed back (transferred) for the service to save. */
  | {
      type: 'result';
      id: number;
      scores: Partial<Record<EvalSplitName, SplitScore>>;
      params: Float32Array<ArrayBuffer>;
      /** Look deeper (issue 13): activation and weight histograms of the snapshot. */
      histograms?: EpochHistograms;
    }
  | { type: 'hidden-map'; id: number; map: Omit<HiddenMap, 'iteration'> }
  /** The score of an evaluate-range job. */
  | { type: 'range-result'; id: number; score: SplitScore }
  | { type: 'error'; id: number; message: LabMessage };
