/**
 * The run worker's messages: the shared contract (src/shared/worker-messages.ts) plus the test-set
 * classification behind LabApi.evaluateRun (per-image predictions, not only accuracy).
 */
import type { FromWorker, ToWorker } from '../shared/worker-messages';

/** Every message the service may send a run worker. */
export type ToRunWorker = ToWorker | { type: 'classify-test'; requestId: number };

/** Every message a run worker may send the service. */
export type FromRunWorker =
  | FromWorker
  | {
      type: 'test-classified';
      requestId: number;
      iteration: number;
      /** (count) predicted class, its probability, and the true label of each test image. */
      predictions: Uint8Array;
      confidences: Float32Array;
      labels: Uint8Array;
      correct: number;
      count: number;
    };
