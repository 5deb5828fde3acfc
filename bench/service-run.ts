/**
 * The book's ch05 run the way the app runs it: through the LabService, whose run worker trains
 * while a second thread (the evaluator) scores each evaluation point on a weight snapshot.
 * Timed wall-clock from startRun to the 'finished' state; memory is the whole process's peak RSS
 * (worker threads live in this process).
 */
import { LabService } from '../src/main/lab/service';
import type { LabEvent } from '../src/shared/api';
import { DEFAULT_CONFIG } from '../src/shared/hyperparams';

/** What one service run measured. */
export interface ServiceRunResult {
  /** startRun to the 'finished' state. */
  seconds: number;
  /** startRun to the first iteration batch: thread start-up (from source: tsx compiles the workers). */
  startupSeconds: number;
  /** startRun to the last iteration batch the run worker posted (training alone). */
  trainingSeconds: number;
  /** Evaluation points received. */
  epochs: number;
  /** Longest time from an evaluation point's snapshot to its metrics arriving here. */
  maxEvalLagSeconds: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Peak RSS of the process (main thread + run worker + evaluator). */
  peakRssMiB: number;
}

/** Trains DEFAULT_CONFIG (with `iterations`) in a fresh in-memory LabService, then closes it. */
export async function serviceRun(iterations: number): Promise<ServiceRunResult> {
  const lab = new LabService({});
  let runId = '';
  let start = 0;
  let firstBatchAt = 0;
  let lastBatchAt = 0;
  let epochs = 0;
  let maxLag = 0;
  let last: Extract<LabEvent, { type: 'epoch' }>['metrics'] | undefined;
  const ended = new Promise<void>((resolve, reject) => {
    lab.onEvent((event) => {
      if (!('runId' in event) || event.runId !== runId) return;
      const now = performance.now();
      if (event.type === 'iterations') {
        if (firstBatchAt === 0) firstBatchAt = now;
        lastBatchAt = now;
      }
      if (event.type === 'epoch') {
        epochs++;
        last = event.metrics;
        // elapsedMs is counted by the worker from its own start, a little after startRun: a lower bound.
        maxLag = Math.max(maxLag, now - start - event.metrics.elapsedMs);
      }
      if (event.type === 'state' && event.state === 'finished') resolve();
      else if (event.type === 'state' && ['stopped', 'diverged', 'failed'].includes(event.state))
        reject(new Error(`the run ended '${event.state}': ${event.message ?? ''}`));
    });
  });
  await lab.datasetInfo(); // load MNIST before the clock starts, as the app does at launch
  start = performance.now();
  runId = (await lab.startRun({ ...DEFAULT_CONFIG, iterations })).id;
  await ended;
  const seconds = (performance.now() - start) / 1000;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  await lab.close();
  if (!last) throw new Error('the run finished without an evaluation point');
  return {
    seconds,
    startupSeconds: (firstBatchAt - start) / 1000,
    trainingSeconds: (lastBatchAt - start) / 1000,
    epochs,
    maxEvalLagSeconds: maxLag / 1000,
    trainAccuracy: last.trainAccuracy,
    testAccuracy: last.testAccuracy,
    peakRssMiB,
  };
}
