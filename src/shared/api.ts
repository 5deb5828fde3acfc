/**
 * LabApi: the one contract between the renderer and the Node side. The Electron preload exposes it
 * as `window.lab` (ipcRenderer.invoke underneath); the web bridge implements the same interface
 * over a WebSocket. Every argument is validated again where it arrives in main.
 */
import type { Activation, TrainConfig } from './hyperparams';
import type { ShellApi, UiLanguage } from './shell';
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

/** The formats weights export to (ONNX is export-only). */
export type WeightsFormat = 'npz' | 'pkl' | 'json' | 'onnx';
export const EXPORT_FORMATS: readonly WeightsFormat[] = ['npz', 'pkl', 'json', 'onnx'];

/** An exported weights file: its bytes (service, browser), or where main saved it (desktop). */
export interface ExportedWeights {
  fileName: string;
  bytes?: Uint8Array;
  /** Desktop: the path the save dialog chose, written atomically. */
  savedTo?: string;
}

/** A weights file that decoded and fits MNIST, waiting for importWeights (the activation question). */
export interface WeightsPreview {
  pendingId: string;
  fileName: string;
  /** Layer sizes read off the shapes, e.g. [784, 50, 100, 10]. */
  sizes: number[];
  batchNorm: boolean;
  /** True when the file does not record its activation (.npz, .pkl). */
  needsActivation: boolean;
  /** The file's own activation (JSON), else the book's choice for these sizes. */
  suggestedActivation: Activation;
  /** True when the file records its training settings (JSON); else training further uses ImportChoices.training. */
  hasSettings: boolean;
}

/** A drawing the user labelled ("this was a 7"): one item of their personal test set. */
export interface Drawing {
  id: string;
  /** The digit the user says it is, 0..9. */
  label: number;
  /** (784) pixels 0..255 in MNIST's format (what the network was shown). */
  pixels: Uint8Array;
  /** When it was added, ms since the epoch. */
  createdAt: number;
}

/** What importWeights needs besides the pending file. */
export interface ImportChoices {
  activation: Activation;
  name?: string;
  /**
   * Settings for training the run further when the file records none (.npz, .pkl): the UI sends
   * its panel's. The architecture always comes from the file; settings that do not validate are
   * replaced by the defaults (the import itself never fails on them).
   */
  training?: Partial<TrainConfig>;
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
  /**
   * Validates the (partial) config; rejects with a readable message when it is out of range.
   * Without a name the run is named by its number in `language` ("Run 3" in English, the default).
   */
  startRun(config: Partial<TrainConfig>, name?: string, language?: UiLanguage): Promise<RunSummary>;
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

  /** The personal test set, oldest first. Saved with the run history (the app's user-data folder). */
  listDrawings(): Promise<Drawing[]>;
  /** Adds a drawing (784 MNIST-format pixels) with the digit the user says it is. */
  addDrawing(pixels: Uint8Array, label: number): Promise<Drawing>;
  deleteDrawing(drawingId: string): Promise<void>;
  /** Classify the personal test set with the run's current weights (same shape as evaluateRun, in listDrawings order). */
  evaluateDrawings(runId: string): Promise<TestEvaluation>;

  /** The run's current weights as a file (desktop: through a save dialog; null when cancelled). */
  exportWeights(runId: string, format: WeightsFormat): Promise<ExportedWeights | null>;
  /** Decodes and checks a weights file; nothing changes until importWeights. Rejects with what is wrong. */
  openWeights(fileName: string, bytes: Uint8Array): Promise<WeightsPreview>;
  /** Desktop: an open dialog in main, then openWeights. Resolves null when cancelled or unavailable. */
  chooseWeightsFile(): Promise<WeightsPreview | null>;
  /** A new run (source and state 'imported') from a pending file, paused, ready to evaluate or train on. */
  importWeights(pendingId: string, choices: ImportChoices): Promise<RunSummary>;

  /** Subscribe to events; returns the unsubscribe function. */
  onEvent(listener: (event: LabEvent) => void): () => void;

  /** Desktop only (the Electron preload): the app menu and its language. Absent in a browser. */
  shell?: ShellApi;
}

/** The invoke-style methods (everything but onEvent and the desktop shell), as channel names. */
export type LabMethod = Exclude<keyof LabApi, 'onEvent' | 'shell'>;
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
  'listDrawings',
  'addDrawing',
  'deleteDrawing',
  'evaluateDrawings',
  'exportWeights',
  'openWeights',
  'chooseWeightsFile',
  'importWeights',
];
