/**
 * The worker threads of the runs: one per live run, started with the shared dataset; one started on
 * demand (paused, from the saved weights) for a past or imported run that is asked something. What
 * a worker reports becomes the run's metrics, state, saved weights and LabEvents; a worker that
 * dies fails its run (if it was live) and rejects what was asked of it; the other runs go on.
 */
import type { Worker } from 'node:worker_threads';
import { LabError, message, toLabMessage, type LabMessage } from '../../shared/messages';
import { LIVE_STATES } from '../../shared/runs';
import type { WeightTensor } from '../../shared/runs';
import type { FromRunWorker, RunWorkerData, ToRunWorker } from '../../shared/worker-messages';
import { startWorker } from '../../worker/entry';
import type { LoadedDataset } from './dataset';
import type { EventHub } from './event-hub';
import { rejectRequests, requestFrom, sendTo, settle, type RunEntry } from './run-entry';
import type { RunPersistence } from './run-persistence';
import type { RunRegistry } from './run-registry';

/** What the workers need from the rest of the service. */
export interface RunWorkersContext {
  registry: RunRegistry;
  persistence: RunPersistence;
  events: EventHub;
  /** The loaded dataset (loading it on first use). */
  dataset: () => LoadedDataset;
  wasmPath: string | undefined;
  /** A past run's worker is ended after this long without a request (it starts again on demand). */
  idleMs: number;
}

/** Starts, talks to and ends the runs' worker threads. */
export class RunWorkers {
  /** The retirement timer of each past run's worker, restarted by every request. */
  private readonly idleTimers = new Map<RunEntry, ReturnType<typeof setTimeout>>();

  constructor(private readonly context: RunWorkersContext) {}

  /** Starts the run's worker: training, or paused from `weights` (an imported or past run). */
  start(entry: RunEntry, weights?: WeightTensor[]): void {
    const { dataset, wasmPath } = this.context;
    const shared = dataset().shared;
    const workerData: RunWorkerData = { wasmPath };
    const worker: Worker = startWorker('worker', import.meta.url, { workerData });
    entry.worker = worker;
    entry.retiring = false;
    worker.on('message', (msg: FromRunWorker) => this.onMessage(entry, msg));
    // A worker retired while idle may end after the next request has started a new one: what it
    // says then (an error, its exit) is not about the run, nor are the new worker's requests its own.
    const superseded = () => entry.worker !== worker && entry.worker !== null;
    worker.on('error', (error) => {
      if (!superseded()) this.fail(entry, message('threadCrashed', { detail: toLabMessage(error) }));
    });
    worker.on('exit', (code) => {
      if (superseded()) return;
      entry.worker = null;
      rejectRequests(entry, message('workerGone'));
      if (!entry.retiring) this.fail(entry, message('threadExited', { code }));
    });
    const resume = weights && { weights, startPaused: true }; // imported or past weights wait, paused
    sendTo(entry, { type: 'init', config: entry.summary.config, dataset: shared, ...resume });
  }

  /** A run that accepts training controls: live, or imported (its paused worker starts on demand). */
  controllable(entry: RunEntry): RunEntry {
    if (entry.summary.state === 'imported') {
      this.ensure(entry);
      return entry;
    }
    if (!LIVE_STATES.includes(entry.summary.state)) {
      const { name, state } = entry.summary;
      throw new LabError(message('wrongState', { name, state }));
    }
    return entry;
  }

  /** A request to the run's worker; a past run's worker is started on demand. */
  request<T>(entry: RunEntry, make: (requestId: number) => ToRunWorker): Promise<T> {
    if (!entry.worker && !LIVE_STATES.includes(entry.summary.state)) {
      try {
        this.ensure(entry);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    const answer = requestFrom<T>(entry, make);
    if (!LIVE_STATES.includes(entry.summary.state)) {
      clearTimeout(this.idleTimers.get(entry));
      const retireWhenIdle = () => this.retireWhenIdle(entry);
      answer.then(retireWhenIdle, retireWhenIdle);
    }
    return answer;
  }

  /** Ends a past run's worker once it has had no request for `idleMs`; it starts again on demand. */
  private retireWhenIdle(entry: RunEntry): void {
    clearTimeout(this.idleTimers.get(entry));
    const timer = setTimeout(() => {
      this.idleTimers.delete(entry);
      const idle = entry.requests.size === 0 && !LIVE_STATES.includes(entry.summary.state);
      if (idle && entry.worker) void this.retire(entry);
    }, this.context.idleMs);
    timer.unref();
    this.idleTimers.set(entry, timer);
  }

  /** The run's current weights, from its worker. */
  weights(entry: RunEntry): Promise<WeightTensor[]> {
    return this.request(entry, (requestId) => ({ type: 'get-weights', requestId }));
  }

  /** Ends the run's worker on purpose (delete, close): its exit is not a failure. */
  retire(entry: RunEntry): Promise<unknown> {
    clearTimeout(this.idleTimers.get(entry));
    this.idleTimers.delete(entry);
    entry.retiring = true;
    // Forgotten at once, not at its exit: a request that comes while it ends starts a new worker
    // instead of going to the one being terminated (and failing with workerGone).
    const worker = entry.worker;
    entry.worker = null;
    return worker?.terminate() ?? Promise.resolve();
  }

  /** Kills the run's worker as a crash would (a test hook). */
  async kill(entry: RunEntry): Promise<void> {
    await entry.worker?.terminate();
  }

  /** A past or imported run's worker, started paused from its saved weights on first use. */
  private ensure(entry: RunEntry): void {
    if (entry.worker) return;
    const weights = this.context.persistence.loadWeights(entry.summary.id);
    const name = entry.summary.name;
    if (!weights) throw new LabError(message('noWeightsYet', { name }));
    entry.viewer = entry.summary.state !== 'imported';
    this.start(entry, weights);
  }

  /** What a worker reports: progress into the run's record and events, answers to their requests. */
  private onMessage(entry: RunEntry, msg: FromRunWorker): void {
    const { registry, events } = this.context;
    const { summary } = entry;
    const progress =
      msg.type === 'ready' || msg.type === 'iterations' || msg.type === 'epoch' || msg.type === 'state';
    if (entry.viewer && progress) return; // a past run's viewer answers requests only
    switch (msg.type) {
      case 'ready':
        summary.iterationsPerEpoch = msg.iterationsPerEpoch;
        summary.totalIterations = msg.totalIterations;
        registry.updated(entry);
        break;
      case 'iterations': {
        const batch = { start: msg.start, losses: msg.losses, learningRates: msg.learningRates };
        entry.metrics.addIterations(batch);
        summary.iteration = Math.max(summary.iteration, msg.start + msg.losses.length - 1);
        events.emit({ type: 'iterations', runId: summary.id, batch });
        break;
      }
      case 'epoch':
        entry.metrics.addEpoch(msg.metrics);
        summary.lastEpoch = msg.metrics;
        if (msg.skipped > 0) summary.skippedEvaluations = msg.skipped;
        events.emit({ type: 'epoch', runId: summary.id, metrics: msg.metrics });
        registry.updated(entry);
        // The snapshot this epoch was measured on, written at a bounded rate while the run trains.
        // An evaluation that lands after the run paused or ended (the evaluator runs beside the
        // training loop) is the run's last word: written now, not kept for a later flush.
        if (this.context.registry.has(entry)) {
          if (summary.state === 'training') this.context.persistence.saveWeightsSoon(entry, msg.weights);
          else this.context.persistence.saveWeightsOrWarn(entry, msg.weights);
        }
        break;
      case 'state':
        // An imported run stays 'imported' until it is first resumed or stepped.
        if (summary.state === 'imported' && msg.state === 'paused') break;
        summary.iteration = msg.iteration;
        registry.setState(entry, msg.state, msg.message);
        if (msg.weights)
          this.saveWeights(entry, msg.weights); // the end, past the last epoch
        else if (msg.state !== 'training') this.context.persistence.flushWeights(entry); // paused or ended
        break;
      case 'prediction':
        settle(entry, msg.requestId, msg.prediction);
        break;
      case 'weights':
        settle(entry, msg.requestId, msg.tensors);
        break;
      case 'classified': {
        const { type: _type, requestId, ...classified } = msg;
        settle(entry, requestId, classified);
        break;
      }
      case 'feature-maps': // the CNN views (cnnviews)
        settle(entry, msg.requestId, msg.maps);
        break;
      case 'explanation':
        settle(entry, msg.requestId, msg.explanation);
        break;
      case 'hidden-map':
        settle(entry, msg.requestId, msg.map);
        break;
      case 'error':
        if (msg.requestId !== undefined) settle(entry, msg.requestId, new LabError(msg.message));
        else this.fail(entry, msg.message);
        break;
      default:
        return msg satisfies never; // a new message type must be handled here
    }
  }

  /** Saves weights a worker sent, unless the run was deleted meanwhile. */
  private saveWeights(entry: RunEntry, tensors: WeightTensor[]): void {
    if (this.context.registry.has(entry)) this.context.persistence.saveWeightsOrWarn(entry, tensors);
  }

  /** Marks a live run failed and ends its worker; the other runs go on. */
  private fail(entry: RunEntry, message: LabMessage): void {
    if (!LIVE_STATES.includes(entry.summary.state) || !this.context.registry.has(entry)) return;
    this.context.registry.setState(entry, 'failed', message);
    void this.retire(entry);
  }
}
