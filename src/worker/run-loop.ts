/**
 * One run inside its worker thread: the training loop in slices of ~20 ms, its control state, and
 * its evaluation queue. Between slices it answers control and query messages.
 *
 * Progress goes out in batches: iteration losses at most every ~50 ms, one `epoch` message per
 * evaluation point. Full-set evaluation runs on a weight snapshot in a second thread (evaluator.ts),
 * so training never waits for it; the snapshot comes back with the scores and goes on to the
 * service inside the epoch message, which is where the service saves the weights from.
 *
 * Evaluation points coalesce instead of piling up: while MAX_EVALS_IN_FLIGHT snapshots are still
 * with the evaluator, a point that comes due is skipped (counted in `skipped`, which the epoch
 * message carries) rather than queued. So an evaluation every iteration keeps memory flat and a
 * stop waits for at most that many evaluations; the last iteration is always evaluated.
 */
import type { Worker } from 'node:worker_threads';
import type { Trainer } from '../nn/index';
import type { TrainConfig } from '../shared/hyperparams';
import { MAX_HISTOGRAM_POINTS, type EpochMetrics } from '../shared/runs';
import type { FromEvaluator, FromRunWorker, ToEvaluator, ToRunWorker } from '../shared/worker-messages';
import type { WorkerState } from '../shared/worker-messages';
import { message, rawMessage, toLabMessage, type LabMessage } from '../shared/messages';
import { divergedMessage } from './diverged';
import { classifySplit, predictDigit, weightTensors, type LabelledImageSet, type RunSplits } from './engine';
import { snapshotTensors, takeSnapshot } from './snapshot';
import { featureMapsOf, initialFirstLayer } from './cnn-views';
import { explainDigit } from './explain';

const SLICE_MS = 20; // train this long, then let messages in
const FLUSH_MS = 50; // send iteration losses at most this often
/** Snapshots with the evaluator at most (one being scored, one waiting); later points are skipped. */
export const MAX_EVALS_IN_FLIGHT = 2;

/** Posts one message to the service, transferring `transfer`. */
export type PostToService = (msg: FromRunWorker, transfer?: ArrayBuffer[]) => void;

/** An evaluation point whose full-set scores the evaluator has not sent back yet. */
interface PendingEval {
  epoch: number;
  iteration: number;
  learningRate: number;
  elapsedMs: number;
  validation?: { accuracy: number; loss: number };
  /** Mean ‖dW_l‖₂ per weight layer since the previous evaluation point. */
  gradientNorms?: number[];
}

/** One run: the loop, its control state and its evaluation queue. */
export class RunLoop {
  private state: WorkerState;
  /** Set when the run has ended; posted once every pending epoch evaluation has arrived. */
  private ending: { state: WorkerState; message?: LabMessage } | null = null;
  private endPosted = false;
  private losses: number[] = [];
  private rates: number[] = [];
  private batchStart = 1;
  private lastFlush = performance.now();
  private readonly startedAt = performance.now();
  private wake: (() => void) | null = null;
  private epochCount = 0;
  private lastEvalIteration = -1;
  private nextEvalId = 1;
  private readonly pendingEvals = new Map<number, PendingEval>();
  /** Evaluation points skipped because the evaluator was still busy with earlier ones. */
  private skipped = 0;
  /** Look deeper: the hidden-map job with the evaluator (one at a time; others are skipped). */
  private mapInFlight: { id: number; requestId: number; iteration: number } | null = null;

  constructor(
    private readonly config: TrainConfig,
    private readonly trainer: Trainer,
    private readonly splits: RunSplits,
    private readonly evaluator: Worker,
    private readonly post: PostToService,
    startPaused: boolean,
  ) {
    this.state = startPaused ? 'paused' : 'training';
    evaluator.on('message', (msg: FromEvaluator) => this.onEvaluation(msg));
    evaluator.on('error', (error) =>
      post({ type: 'error', message: message('evaluatorFailed', { detail: toLabMessage(error) }) }),
    );
  }

  /** Trains until done, stopped or diverged; sleeps while paused. */
  async run(): Promise<void> {
    this.post({ type: 'state', state: this.state, iteration: this.trainer.iteration });
    while (!this.ending) {
      if (this.state === 'paused') {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const until = performance.now() + SLICE_MS;
      while (this.state === 'training' && !this.ending && performance.now() < until) this.iterate();
      if (performance.now() - this.lastFlush >= FLUSH_MS) this.flush();
      await new Promise((resolve) => setImmediate(resolve)); // let control messages in
    }
  }

  /** One training iteration, with the divergence check and the evaluation point. */
  private iterate(): void {
    if (this.trainer.done) return this.finish();
    const { loss, learningRate, evalDue } = this.trainer.step();
    if (this.losses.length === 0) this.batchStart = this.trainer.iteration;
    this.losses.push(loss);
    this.rates.push(learningRate);
    if (!Number.isFinite(loss)) {
      return this.end('diverged', divergedMessage(loss, this.trainer.iteration, learningRate));
    }
    if (evalDue && this.pendingEvals.size >= MAX_EVALS_IN_FLIGHT) {
      this.skipped++; // coalesced: the evaluator is behind; the next point (or the end) is scored
    } else if (evalDue) {
      this.snapshotEpoch();
      if (this.ending) return;
    }
    if (this.trainer.done) this.finish();
  }

  /** Hands a weight snapshot to the evaluator; validation (small) is scored here, for early stopping. */
  private snapshotEpoch(): void {
    let validation: PendingEval['validation'];
    if (this.trainer.validationCount > 0) {
      const v = this.trainer.evaluate('validation'); // small, and early stopping needs it now
      validation = { accuracy: v.accuracy, loss: v.loss };
    }
    this.epochCount++;
    this.lastEvalIteration = this.trainer.iteration;
    const id = this.nextEvalId++;
    this.pendingEvals.set(id, {
      epoch: this.epochCount,
      iteration: this.trainer.iteration,
      learningRate: this.trainer.learningRate,
      elapsedMs: performance.now() - this.startedAt,
      validation,
      gradientNorms: this.trainer.gradientNorms.take() ?? undefined,
    });
    const params = takeSnapshot(this.trainer.network); // the one copy, transferred from here on
    const histograms = histogramsDue(this.epochCount, this.trainer.totalIterations, this.config.evalEvery);
    const job: ToEvaluator = { type: 'evaluate', id, params, splits: ['train', 'test'], histograms };
    this.evaluator.postMessage(job, [params.buffer]);
    if (validation && this.config.patience > 0 && this.trainer.shouldStopEarly(validation.loss)) {
      this.end('finished', message('stoppedEarly', { patience: this.config.patience }));
    }
  }

  /** An evaluation point's scores are back: posts its metrics with the snapshot they were measured on. */
  private onEvaluation(msg: FromEvaluator): void {
    // a map's answer, or a stray one (a run never asks for a range)
    if (this.onMap(msg) || msg.type === 'hidden-map' || msg.type === 'range-result') return;
    const pending = this.pendingEvals.get(msg.id);
    this.pendingEvals.delete(msg.id);
    if (msg.type === 'error' || !pending) {
      this.post({
        type: 'error',
        message: msg.type === 'error' ? msg.message : rawMessage('unexpected evaluation'),
      });
    } else {
      const { train, test } = msg.scores;
      const metrics: EpochMetrics = {
        epoch: pending.epoch,
        iteration: pending.iteration,
        trainAccuracy: train?.accuracy ?? NaN,
        trainLoss: train?.loss ?? NaN,
        testAccuracy: test?.accuracy ?? NaN,
        testLoss: test?.loss ?? NaN,
        testCorrect: test?.correct ?? 0,
        testCount: test?.count ?? 0,
        learningRate: pending.learningRate,
        elapsedMs: pending.elapsedMs,
        ...(pending.validation && {
          validationAccuracy: pending.validation.accuracy,
          validationLoss: pending.validation.loss,
        }),
        ...(pending.gradientNorms && { gradientNorms: pending.gradientNorms }),
        ...(msg.histograms && { histograms: msg.histograms }),
      };
      const weights = snapshotTensors(this.trainer.network, msg.params);
      this.post({ type: 'epoch', metrics, weights, skipped: this.skipped }, [msg.params.buffer]);
    }
    this.postEndWhenSettled();
  }

  /** The last iteration: evaluate the final weights unless that point was just evaluated. */
  private finish(): void {
    if (this.lastEvalIteration !== this.trainer.iteration) this.snapshotEpoch();
    if (!this.ending) this.end('finished');
  }

  private end(state: WorkerState, message?: LabMessage): void {
    this.flush();
    this.state = state;
    this.ending = { state, message };
    this.wake?.();
    this.postEndWhenSettled();
  }

  /**
   * Posts the end state once, after every pending epoch evaluation has been posted (epochs come
   * first). Weights that moved past the last evaluation point go with it; a diverged run's do not.
   */
  private postEndWhenSettled(): void {
    if (!this.ending || this.endPosted || this.pendingEvals.size > 0) return;
    this.endPosted = true;
    const { state, message } = this.ending;
    const iteration = this.trainer.iteration;
    const moved = state !== 'diverged' && this.lastEvalIteration !== iteration;
    const params = moved ? takeSnapshot(this.trainer.network) : undefined;
    const weights = params && snapshotTensors(this.trainer.network, params);
    this.post(
      { type: 'state', state, iteration, ...(message && { message }), ...(weights && { weights }) },
      params ? [params.buffer] : [],
    );
  }

  /** Sends the iterations done since the last flush (their buffers are transferred, not copied). */
  private flush(): void {
    this.lastFlush = performance.now();
    if (this.losses.length === 0) return;
    const losses = Float32Array.from(this.losses);
    const learningRates = Float32Array.from(this.rates);
    this.post({ type: 'iterations', start: this.batchStart, losses, learningRates }, [
      losses.buffer,
      learningRates.buffer,
    ]);
    this.losses = [];
    this.rates = [];
  }

  private setState(state: WorkerState): void {
    this.flush();
    this.state = state;
    this.post({ type: 'state', state, iteration: this.trainer.iteration });
  }

  /** Answers one control or query message. */
  handle(msg: ToRunWorker): void {
    const live = !this.ending;
    switch (msg.type) {
      case 'pause':
        if (live && this.state === 'training') this.setState('paused');
        break;
      case 'resume':
        if (live && this.state === 'paused') {
          this.setState('training');
          this.wake?.();
        }
        break;
      case 'step':
        if (live && this.state === 'paused') {
          this.iterate();
          this.flush();
        }
        break;
      case 'stop':
        if (live) this.end('stopped');
        break;
      case 'set-learning-rate':
        // Validated where it entered main (the service's learning-rate schema).
        this.trainer.setBaseLearningRate(msg.value);
        break;
      case 'predict':
        this.post({
          type: 'prediction',
          requestId: msg.requestId,
          prediction: predictDigit(this.trainer.network, msg.pixels),
        });
        break;
      case 'get-weights': {
        const tensors = weightTensors(this.trainer.network);
        this.post(
          { type: 'weights', requestId: msg.requestId, tensors },
          tensors.map((t) => t.data.buffer as ArrayBuffer),
        );
        break;
      }
      case 'classify-test':
        this.classify(msg.requestId, this.splits.test);
        break;
      case 'classify-images': {
        const { pixelsPerImage } = this.splits.test;
        const images = { count: msg.labels.length, pixelsPerImage, images: msg.pixels, labels: msg.labels };
        this.classify(msg.requestId, images);
        break;
      }
      // The CNN views (cnnviews)
      case 'feature-maps': {
        const maps = featureMapsOf(this.trainer.network, msg.pixels);
        this.post(
          { type: 'feature-maps', requestId: msg.requestId, maps },
          maps.map((m) => m.data.buffer as ArrayBuffer),
        );
        break;
      }
      case 'get-initial-weights': {
        const tensors = initialFirstLayer(
          this.config,
          this.splits.train.pixelsPerImage,
          this.trainer.network.backend,
        );
        this.post(
          { type: 'weights', requestId: msg.requestId, tensors },
          tensors.map((t) => t.data.buffer as ArrayBuffer),
        );
        break;
      }
      case 'explain': {
        const explanation = explainDigit(this.trainer.network, msg.pixels, msg.classIndex);
        const { probabilities, gradient, evidence } = explanation;
        this.post({ type: 'explanation', requestId: msg.requestId, explanation }, [
          probabilities.buffer,
          gradient.buffer,
          evidence.buffer,
        ] as ArrayBuffer[]);
        break;
      }
      case 'hidden-map':
        this.requestMap(msg.requestId, msg.layer, msg.pixels, msg.withFeatures);
        break;
      case 'init':
        this.post({ type: 'error', message: rawMessage('This worker already owns a run.') });
        break;
      default:
        return msg satisfies never; // a new message type must be answered here
    }
  }

  /**
   * Look deeper: hands a snapshot to the evaluator for a hidden-layer map. While one is still being
   * computed, a new request is answered at once with null (skipped, not queued).
   */
  private requestMap(
    requestId: number,
    layer: number,
    pixels: Uint8Array | null,
    withFeatures: boolean,
  ): void {
    if (this.mapInFlight) {
      this.post({ type: 'hidden-map', requestId, map: null });
      return;
    }
    const id = this.nextEvalId++;
    this.mapInFlight = { id, requestId, iteration: this.trainer.iteration };
    const params = takeSnapshot(this.trainer.network);
    const job: ToEvaluator = { type: 'hidden-map', id, params, layer, pixels, withFeatures };
    this.evaluator.postMessage(job, [params.buffer]);
  }

  /** Passes a hidden-map answer (or its error) on; false when `msg` is not one. */
  private onMap(msg: FromEvaluator): boolean {
    const job = this.mapInFlight;
    if (!job || msg.id !== job.id) return false;
    this.mapInFlight = null;
    if (msg.type === 'hidden-map') {
      const map = { ...msg.map, iteration: job.iteration };
      const transfer = [map.points.buffer, map.labels.buffer, map.predictions.buffer, map.confidences.buffer];
      if (map.features) transfer.push(map.features.buffer);
      this.post({ type: 'hidden-map', requestId: job.requestId, map }, transfer as ArrayBuffer[]);
    } else if (msg.type === 'error') {
      this.post({ type: 'error', requestId: job.requestId, message: msg.message });
    }
    return true;
  }

  /** Answers a classify request: every image's predicted class and its probability, in one message. */
  private classify(requestId: number, images: LabelledImageSet): void {
    const r = classifySplit(this.trainer.network, images);
    const transfer = [r.predictions.buffer, r.confidences.buffer, r.labels.buffer] as ArrayBuffer[];
    this.post({ type: 'classified', requestId, iteration: this.trainer.iteration, ...r }, transfer);
  }
}

/**
 * Whether evaluation point `epoch` (1-based) takes histograms: every point while a run has at most
 * MAX_HISTOGRAM_POINTS of them, else every stride-th (plus the first), so at most about that many.
 */
export function histogramsDue(epoch: number, totalIterations: number, evalEvery: number): boolean {
  const points = Math.ceil(totalIterations / Math.max(1, evalEvery));
  const stride = Math.max(1, Math.ceil(points / MAX_HISTOGRAM_POINTS));
  return (epoch - 1) % stride === 0;
}
