/** Messages between the Lab service (main thread) and a run's worker thread: discriminated unions. */
import type { SharedDataset } from './dataset';
import type { TrainConfig } from './hyperparams';
import type { EpochMetrics, Prediction, WeightTensor } from './runs';

export type ToWorker =
  | {
      type: 'init';
      config: TrainConfig;
      dataset: SharedDataset;
      /** Continue from these weights (an imported run) instead of a fresh initialisation. */
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
  | { type: 'evaluate'; requestId: number };

export type WorkerState = 'training' | 'paused' | 'finished' | 'stopped' | 'diverged';

export type FromWorker =
  | { type: 'ready'; kernels: string; iterationsPerEpoch: number; totalIterations: number }
  | { type: 'iterations'; start: number; losses: Float32Array; learningRates: Float32Array }
  | { type: 'epoch'; metrics: EpochMetrics }
  | { type: 'state'; state: WorkerState; iteration: number; message?: string }
  | { type: 'prediction'; requestId: number; prediction: Prediction }
  | { type: 'weights'; requestId: number; tensors: WeightTensor[] }
  | { type: 'evaluation'; requestId: number; metrics: EpochMetrics }
  | { type: 'error'; requestId?: number; message: string };
