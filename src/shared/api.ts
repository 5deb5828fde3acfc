/**
 * LabApi: the one contract between the renderer and the Node side. The Electron preload exposes it
 * as `window.lab` (ipcRenderer.invoke underneath); the web bridge implements the same interface
 * over a WebSocket. Every argument is validated again where it arrives in main.
 */
import type { TrainConfig } from './hyperparams';
import type {
  DatasetInfo,
  EpochMetrics,
  IterationBatch,
  Prediction,
  RunMetrics,
  RunState,
  RunSummary,
  WeightTensor,
} from './runs';

export type DatasetSplit = 'train' | 'test';

/** Every test image's predicted class, for the confusion matrix and the mistakes gallery. */
export interface TestEvaluation {
  runId: string;
  /** Iterations done when the weights were read. */
  iteration: number;
  /** (count) the true labels. */
  labels: Uint8Array;
  /** (count) the predicted class (argmax). */
  predictions: Uint8Array;
  /** (count) the probability the network gave its predicted class. */
  confidences: Float32Array;
  correct: number;
  count: number;
}

export interface SampleImages {
  /** (count, 784) uint8 pixels. */
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** Events the service pushes to every client. */
export type LabEvent =
  | { type: 'run-added'; run: RunSummary }
  | { type: 'run-updated'; run: RunSummary }
  | { type: 'run-removed'; runId: string }
  | { type: 'iterations'; runId: string; batch: IterationBatch }
  | { type: 'epoch'; runId: string; metrics: EpochMetrics }
  | { type: 'state'; runId: string; state: RunState; message?: string }
  | { type: 'dataset'; info: DatasetInfo }
  | { type: 'error'; message: string };

export interface LabApi {
  datasetInfo(): Promise<DatasetInfo>;
  /** Up to 100 images from a split, for previews. */
  sampleImages(split: DatasetSplit, start: number, count: number): Promise<SampleImages>;
  /** Desktop: a folder dialog in main. Resolves null when cancelled. */
  chooseDatasetFolder(): Promise<DatasetInfo | null>;

  listRuns(): Promise<RunSummary[]>;
  /** Validates the (partial) config; rejects with a readable message when it is out of range. */
  startRun(config: Partial<TrainConfig>, name?: string): Promise<RunSummary>;
  pauseRun(runId: string): Promise<void>;
  resumeRun(runId: string): Promise<void>;
  stepRun(runId: string): Promise<void>;
  stopRun(runId: string): Promise<void>;
  setLearningRate(runId: string, learningRate: number): Promise<void>;
  renameRun(runId: string, name: string): Promise<RunSummary>;
  deleteRun(runId: string): Promise<void>;
  getRunMetrics(runId: string): Promise<RunMetrics>;

  /** (784) pixels 0..255 in MNIST's format. */
  predict(runId: string, pixels: Uint8Array): Promise<Prediction>;
  getWeights(runId: string): Promise<WeightTensor[]>;
  /** Classify the whole test set with the run's current weights (confusion matrix, mistakes). */
  evaluateRun(runId: string): Promise<TestEvaluation>;

  /** Subscribe to events; returns the unsubscribe function. */
  onEvent(listener: (event: LabEvent) => void): () => void;
}

/** The invoke-style methods (everything but onEvent), as channel names. */
export type LabMethod = Exclude<keyof LabApi, 'onEvent'>;
export const LAB_METHODS: readonly LabMethod[] = [
  'datasetInfo',
  'sampleImages',
  'chooseDatasetFolder',
  'listRuns',
  'startRun',
  'pauseRun',
  'resumeRun',
  'stepRun',
  'stopRun',
  'setLearningRate',
  'renameRun',
  'deleteRun',
  'getRunMetrics',
  'predict',
  'getWeights',
  'evaluateRun',
];
