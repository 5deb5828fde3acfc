/**
 * LabApi: the one contract between the renderer and the Node side. The Electron preload exposes it
 * as `window.lab` (ipcRenderer.invoke underneath); the web bridge implements the same interface
 * over a WebSocket. The methods are declared in lab-methods.ts; this file holds the data types
 * they carry and the events.
 */
import type { Activation, TrainConfig } from './hyperparams';
import type { ShellApi } from './shell';
import type { LabCalls } from './lab-methods';
import type { LabMessage } from './messages';
import type { DatasetInfo, EpochMetrics, IterationBatch, RunState, RunSummary } from './runs';

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

export { EXPORT_FORMATS, type WeightsFormat } from './weights-formats';

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
  /** The architecture the shapes describe ('mlp', or the book's 'simple-convnet' / 'deep-convnet'). */
  arch: TrainConfig['arch'];
  /** A CNN's tensors as 'W1 30×1×5×5', 'b1 30', ... (what the dialog shows instead of the sizes); [] for an MLP. */
  shapes: string[];
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
  | { type: 'state'; runId: string; state: RunState; message?: LabMessage }
  | { type: 'dataset'; info: DatasetInfo }
  | { type: 'error'; message: LabMessage }
  // Gradient check in the app (issue 13): entries compared so far of all (checkGradients)
  | { type: 'gradient-check'; runId: string; done: number; total: number };

/**
 * The Lab as the renderer (and any other caller) sees it: the method table's calls
 * (lab-methods.ts), the event stream, and in the desktop app the shell.
 */
export type LabApi = LabCalls & {
  /** Subscribe to events; returns the unsubscribe function. */
  onEvent(listener: (event: LabEvent) => void): () => void;
  /** Desktop only (the Electron preload): the app menu and its language. Absent in a browser. */
  shell?: ShellApi;
};

export { LAB_METHODS, type LabMethod } from './lab-methods';
