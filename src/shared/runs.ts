/** Run, metric and weight types shared by the service, the worker, the bridges and the renderer. */
import type { EpochHistograms } from './explain';
import type { TrainConfig } from './hyperparams';
import type { LabMessage } from './messages';
import type { ClassNames } from './class-names';

export const RUN_STATES = [
  'starting',
  'training',
  'paused',
  'finished',
  'stopped',
  'diverged',
  'failed',
  'interrupted',
  'imported',
] as const;
export type RunState = (typeof RUN_STATES)[number];

/** States in which a run has a live worker that can train, step or predict. */
export const LIVE_STATES: readonly RunState[] = ['starting', 'training', 'paused'];

/**
 * The worker measures the gradient norms (EpochMetrics.gradientNorms) on one training iteration in
 * this many, plus the last one before each evaluation point: cheap, and enough for an average.
 */
export const GRADIENT_SAMPLE_EVERY = 10;

/** One evaluation point: the book's per-epoch line (every `evalEvery` iterations). */
export interface EpochMetrics {
  /** 1-based count of evaluation points so far. */
  epoch: number;
  /** Iterations done when the weights were snapshotted. */
  iteration: number;
  trainAccuracy: number;
  trainLoss: number;
  testAccuracy: number;
  testLoss: number;
  testCorrect: number;
  testCount: number;
  validationAccuracy?: number;
  validationLoss?: number;
  learningRate: number;
  /** Wall time since the run started, in ms. */
  elapsedMs: number;
  /**
   * ‖dW_l‖₂, the L2 norm of each weight layer's gradient (W1 first; biases left out), averaged over
   * the iterations sampled since the previous evaluation point (see GRADIENT_SAMPLE_EVERY). Absent for
   * runs saved before it was measured and for points the app did not train to (imported runs).
   */
  gradientNorms?: number[];
  /**
   * Look deeper (issue 13): activation and weight histograms at this point. At most
   * MAX_HISTOGRAM_POINTS points of a run carry them (every one when it has no more; evenly spaced
   * otherwise), so a run's metrics stay small.
   */
  histograms?: EpochHistograms;
}

/** At most this many evaluation points of a run carry histograms (EpochMetrics.histograms). */
export const MAX_HISTOGRAM_POINTS = 64;

/** Per-iteration losses and learning rates, sent in batches (at most every ~50 ms). */
export interface IterationBatch {
  /** Iteration number (1-based) of the first entry. */
  start: number;
  losses: Float32Array;
  learningRates: Float32Array;
}

export interface RunSummary {
  id: string;
  name: string;
  config: TrainConfig;
  state: RunState;
  /** Why the run stopped when it diverged, failed or was interrupted. */
  message?: LabMessage;
  createdAt: number;
  iteration: number;
  totalIterations: number;
  /** Iterations per epoch (ceil(train size / batch size)); the book's 600. */
  iterationsPerEpoch: number;
  lastEpoch?: EpochMetrics;
  /** Evaluation points skipped because the evaluator was still scoring earlier ones (absent: none). */
  skippedEvaluations?: number;
  source: 'trained' | 'imported';
}

export interface RunMetrics {
  losses: Float32Array;
  learningRates: Float32Array;
  epochs: EpochMetrics[];
}

/** One named parameter tensor (W1, b1, gamma1, ...), row-major float32. */
export interface WeightTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

export interface Prediction {
  /** The 10 class probabilities. */
  probabilities: Float32Array;
  /** Each hidden layer's activations for this input, in order. */
  activations: Float32Array[];
}

export interface DatasetInfo {
  /** Where it came from: the bundled package or a folder the user chose. */
  source: 'bundled' | 'folder';
  path: string;
  trainCount: number;
  testCount: number;
  rows: number;
  cols: number;
  /** Fraction of pixels that are zero in the training set. */
  zeroFraction: number;
  // Class names for any dataset (issue 13): src/shared/class-names.ts
  /** SHA-256 of the training labels then the test labels (what recognises a well-known set). */
  labelsChecksum?: string;
  /** Where the classes' names come from, and the names. Absent: none (0…9). */
  classNames?: ClassNames;
}
