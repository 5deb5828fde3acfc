/**
 * A run's worker thread: owns one network and its trainer, trains in slices of ~20 ms and answers
 * control messages (pause, resume, step, stop, learning rate, predict, weights) between them.
 *
 * Progress goes out in batches: iteration losses at most every ~50 ms, one `epoch` message per
 * evaluation point. Full-set evaluation runs on a weight snapshot in a second thread (evaluator.ts),
 * so training never waits for it. workerData: { wasmPath?: string }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import type { Trainer } from '../nn/index';
import type { WorkerState } from '../shared/worker-messages';
import type { FromRunWorker, ToRunWorker } from './messages';
import type { Kernels } from '../nn/kernels';
import type { EpochMetrics } from '../shared/runs';
import type { TrainConfig } from '../shared/hyperparams';
import { classifySplit, createTrainer, loadKernels, makeSplits, predictDigit, weightTensors } from './engine';
import type { RunSplits } from './engine';
import { startWorker } from './entry';
import type { EvalSplitName, FromEvaluator, ToEvaluator } from './evaluator';
import { divergedMessage } from './diverged';
import { messageText } from '../shared/messages';

/** What the service passes as workerData. */
export interface RunWorkerData {
  wasmPath?: string;
}

const SLICE_MS = 20; // train this long, then let messages in
const FLUSH_MS = 50; // send iteration losses at most this often

const port = parentPort;
if (!port) throw new Error('src/worker/index.ts must run as a worker thread');
const { wasmPath } = (workerData ?? {}) as RunWorkerData;
const post = (msg: FromRunWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

interface PendingEval {
  /** An epoch point (numbered) or an `evaluate` request (answered by requestId). */
  epoch?: number;
  requestId?: number;
  iteration: number;
  learningRate: number;
  elapsedMs: number;
  validation?: { accuracy: number; loss: number };
  /** Mean ‖dW_l‖₂ per weight layer since the previous epoch point (epoch points only). */
  gradientNorms?: number[];
}

/** One run: the loop, its control state and its evaluation queue. */
class RunLoop {
  private state: WorkerState;
  /** Set when the run has ended; posted once every pending epoch evaluation has arrived. */
  private ending: { state: WorkerState; message?: string } | null = null;
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

  constructor(
    private readonly config: TrainConfig,
    private readonly trainer: Trainer,
    private readonly splits: RunSplits,
    private readonly evaluator: Worker,
    private readonly kernels: Kernels,
    startPaused: boolean,
  ) {
    this.state = startPaused ? 'paused' : 'training';
    evaluator.on('message', (msg: FromEvaluator) => this.onEvaluation(msg));
    evaluator.on('error', (error) =>
      post({ type: 'error', message: messageText('evaluatorFailed', { detail: error.message }) }),
    );
  }

  /** Trains until done, stopped or diverged; sleeps while paused. */
  async run(): Promise<void> {
    post({ type: 'state', state: this.state, iteration: this.trainer.iteration });
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
    if (evalDue) {
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
    const gradientNorms = this.trainer.gradientNorms.take() ?? undefined;
    this.requestEval({ epoch: this.epochCount, gradientNorms }, validation);
    if (validation && this.config.patience > 0 && this.trainer.shouldStopEarly(validation.loss)) {
      this.end(
        'finished',
        `Stopped early: the validation loss has not improved for ${this.config.patience} evaluations.`,
      );
    }
  }

  private requestEval(
    who: { epoch?: number; requestId?: number; gradientNorms?: number[] },
    validation?: PendingEval['validation'],
  ): void {
    const id = this.nextEvalId++;
    this.pendingEvals.set(id, {
      ...who,
      iteration: this.trainer.iteration,
      learningRate: this.trainer.learningRate,
      elapsedMs: performance.now() - this.startedAt,
      validation,
    });
    const params = Float32Array.from(this.trainer.network.flatParams()); // the one copy
    const splits: EvalSplitName[] = ['train', 'test'];
    this.evaluator.postMessage({ type: 'evaluate', id, params, splits } satisfies ToEvaluator, [
      params.buffer,
    ]);
  }

  private onEvaluation(msg: FromEvaluator): void {
    const pending = msg.id === undefined ? undefined : this.pendingEvals.get(msg.id);
    if (msg.id !== undefined) this.pendingEvals.delete(msg.id);
    if (msg.type === 'error' || !pending) {
      post({
        type: 'error',
        requestId: pending?.requestId,
        message: msg.type === 'error' ? msg.message : 'unexpected evaluation',
      });
    } else {
      const { train, test } = msg.scores;
      const metrics: EpochMetrics = {
        epoch: pending.epoch ?? this.epochCount,
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
      };
      if (pending.requestId !== undefined)
        post({ type: 'evaluation', requestId: pending.requestId, metrics });
      else post({ type: 'epoch', metrics });
    }
    this.postEndWhenSettled();
  }

  /** The last iteration: evaluate the final weights unless that point was just evaluated. */
  private finish(): void {
    if (this.lastEvalIteration !== this.trainer.iteration) this.snapshotEpoch();
    if (!this.ending) this.end('finished');
  }

  private end(state: WorkerState, message?: string): void {
    this.flush();
    this.state = state;
    this.ending = { state, message };
    this.wake?.();
    this.postEndWhenSettled();
  }

  /** Posts the end state once, after every pending epoch evaluation has been posted (epochs come first). */
  private postEndWhenSettled(): void {
    if (!this.ending || this.endPosted || [...this.pendingEvals.values()].some((p) => p.epoch !== undefined))
      return;
    this.endPosted = true;
    const { state, message } = this.ending;
    post({ type: 'state', state, iteration: this.trainer.iteration, ...(message && { message }) });
  }

  /** Sends the iterations done since the last flush (their buffers are transferred, not copied). */
  private flush(): void {
    this.lastFlush = performance.now();
    if (this.losses.length === 0) return;
    const losses = Float32Array.from(this.losses);
    const learningRates = Float32Array.from(this.rates);
    post({ type: 'iterations', start: this.batchStart, losses, learningRates }, [
      losses.buffer,
      learningRates.buffer,
    ]);
    this.losses = [];
    this.rates = [];
  }

  private setState(state: WorkerState): void {
    this.flush();
    this.state = state;
    post({ type: 'state', state, iteration: this.trainer.iteration });
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
        post({
          type: 'prediction',
          requestId: msg.requestId,
          prediction: predictDigit(this.trainer.network, msg.pixels),
        });
        break;
      case 'get-weights': {
        const tensors = weightTensors(this.trainer.network);
        post(
          { type: 'weights', requestId: msg.requestId, tensors },
          tensors.map((t) => t.data.buffer as ArrayBuffer),
        );
        break;
      }
      case 'evaluate':
        this.requestEval({ requestId: msg.requestId });
        break;
      case 'classify-test': {
        const r = classifySplit(this.trainer.network, this.splits.test, this.kernels);
        const transfer = [r.predictions.buffer, r.confidences.buffer, r.labels.buffer] as ArrayBuffer[];
        post(
          { type: 'test-classified', requestId: msg.requestId, iteration: this.trainer.iteration, ...r },
          transfer,
        );
        break;
      }
      case 'init':
        post({ type: 'error', message: 'This worker already owns a run.' });
        break;
    }
  }
}

let loop: RunLoop | null = null;
let initStarted = false;
const early: ToRunWorker[] = []; // messages that arrive while init is still loading kernels

async function init(msg: Extract<ToRunWorker, { type: 'init' }>): Promise<void> {
  const kernels = await loadKernels(wasmPath);
  const splits = makeSplits(msg.config, msg.dataset);
  const trainer = createTrainer(msg.config, splits, kernels, msg.weights);
  const evaluator = startWorker('evaluator', import.meta.url);
  evaluator.postMessage({
    type: 'init',
    config: msg.config,
    dataset: msg.dataset,
    wasmPath,
  } satisfies ToEvaluator);
  post({
    type: 'ready',
    kernels: kernels.name,
    iterationsPerEpoch: trainer.iterationsPerEpoch,
    totalIterations: trainer.totalIterations,
  });
  loop = new RunLoop(msg.config, trainer, splits, evaluator, kernels, msg.startPaused ?? false);
  for (const m of early.splice(0)) loop.handle(m);
  await loop.run();
}

port.on('message', (msg: ToRunWorker) => {
  if (msg.type === 'init' && !initStarted) {
    initStarted = true;
    init(msg).catch((error: Error) => {
      post({ type: 'error', message: messageText('runCouldNotStart', { detail: error.message }) });
    });
  } else if (loop) {
    try {
      loop.handle(msg);
    } catch (error) {
      const requestId = 'requestId' in msg ? msg.requestId : undefined;
      post({ type: 'error', requestId, message: (error as Error).message });
    }
  } else {
    early.push(msg);
  }
});
