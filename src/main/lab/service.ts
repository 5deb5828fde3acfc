/**
 * The Lab service: the Node side of LabApi, free of Electron so the desktop app, the web bridge, the
 * CLI and the tests all drive the same object. It owns the dataset (loaded once, shared with every
 * worker), one worker thread per run, and each run's recorded metrics; it relays what workers report
 * as LabEvents to every listener. Every argument is validated here, where it arrives.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { LabApi, LabEvent, SampleImages, TestEvaluation } from '../../shared/api';
import { describeConfigErrors, parseTrainConfig } from '../../shared/hyperparams';
import type { TrainConfig } from '../../shared/hyperparams';
import { LIVE_STATES } from '../../shared/runs';
import type { DatasetInfo, Prediction, RunMetrics, RunState, RunSummary, WeightTensor } from '../../shared/runs';
import { startWorker } from '../../worker/entry';
import type { FromRunWorker, ToRunWorker } from '../../worker/messages';
import { loadMnist } from './dataset';
import type { LoadedDataset } from './dataset';
import { MetricsRecorder } from './metrics';
import { MemoryRunStore } from './run-store';
import type { RunStore } from './run-store';
import { argument, learningRateSchema, nameSchema, pixelsSchema, runIdSchema, sampleSchema } from './validate';

/** How to build a LabService. */
export interface LabServiceOptions {
  /** Where runs will be persisted (a later issue); unused by the in-memory store. */
  dataDir?: string;
  /** An MNIST folder to load instead of the bundled package. */
  datasetFolder?: string;
  /** build/kernels.wasm; default: the repo's build/kernels.wasm when it exists (else the TypeScript kernels). */
  wasmPath?: string;
  /** Asks the user for a folder (Electron: a dialog); chooseDatasetFolder resolves null without it. */
  chooseFolder?: () => Promise<string | null>;
  store?: RunStore;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** One run as the service tracks it. */
interface RunEntry {
  summary: RunSummary;
  worker: Worker | null;
  metrics: MetricsRecorder;
  requests: Map<number, Pending>;
  /** Set while the service itself terminates the worker (delete, close), so the exit is not a failure. */
  retiring: boolean;
}

/** build/kernels.wasm at the repo root: from src/main/lab/ in source, from out/main/ when bundled. */
function defaultWasmPath(): string | undefined {
  const relative = import.meta.url.endsWith('.ts') ? '../../../build/kernels.wasm' : '../../build/kernels.wasm';
  const file = fileURLToPath(new URL(relative, import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** The Lab: datasets, runs and their workers, metrics, events. */
export class LabService implements LabApi {
  private loaded: LoadedDataset | null = null;
  private readonly runs = new Map<string, RunEntry>();
  private readonly listeners = new Set<(event: LabEvent) => void>();
  private readonly wasmPath: string | undefined;
  private readonly store: RunStore;
  private nextRunNumber = 1;
  private nextRequestId = 1;

  constructor(private readonly options: LabServiceOptions = {}) {
    this.wasmPath = options.wasmPath ?? defaultWasmPath();
    this.store = options.store ?? new MemoryRunStore();
  }

  // --- dataset -------------------------------------------------------------------------------

  /** The loaded dataset, loading it on first use (the chosen folder, else the bundled package). */
  dataset(): LoadedDataset {
    this.loaded ??= loadMnist(this.options.datasetFolder);
    return this.loaded;
  }

  async datasetInfo(): Promise<DatasetInfo> {
    return this.dataset().info;
  }

  async sampleImages(split: unknown, start: unknown, count: unknown): Promise<SampleImages> {
    const args = argument(sampleSchema, { split, start, count }, 'sample request');
    const s = this.dataset().shared;
    const shared = args.split === 'train' ? s.train : s.test;
    const d = s.rows * s.cols;
    const from = Math.min(args.start, shared.count);
    const to = Math.min(from + args.count, shared.count);
    return {
      pixels: new Uint8Array(shared.images).slice(from * d, to * d),
      labels: new Uint8Array(shared.labels).slice(from, to),
    };
  }

  async chooseDatasetFolder(): Promise<DatasetInfo | null> {
    const folder = await this.options.chooseFolder?.();
    return folder ? this.setDatasetFolder(folder) : null;
  }

  /** Loads MNIST from `folder`; on any error throws a readable message and keeps the old dataset. */
  async setDatasetFolder(folder: unknown): Promise<DatasetInfo> {
    const path = argument(z.string().min(1), folder, 'dataset folder');
    const next = loadMnist(path); // throws DatasetError before anything changes
    this.loaded = next;
    this.emit({ type: 'dataset', info: next.info });
    return next.info;
  }

  // --- runs ----------------------------------------------------------------------------------

  async listRuns(): Promise<RunSummary[]> {
    return [...this.runs.values()].map((r) => ({ ...r.summary }));
  }

  async startRun(config: unknown, name?: unknown): Promise<RunSummary> {
    const parsed = parseTrainConfig(config ?? {});
    if (!parsed.ok) throw new Error(`Invalid training config: ${describeConfigErrors(parsed.errors)}`);
    const runName = name === undefined ? `Run ${this.nextRunNumber}` : argument(nameSchema, name, 'run name');
    const dataset = this.dataset();
    const id = `run-${this.nextRunNumber++}-${Date.now().toString(36)}`;
    const summary: RunSummary = {
      id,
      name: runName,
      config: parsed.config,
      state: 'starting',
      createdAt: Date.now(),
      iteration: 0,
      totalIterations: 0,
      iterationsPerEpoch: 0,
      source: 'trained',
    };
    const entry: RunEntry = { summary, worker: null, metrics: new MetricsRecorder(), requests: new Map(), retiring: false };
    this.runs.set(id, entry);
    this.spawn(entry, parsed.config, dataset);
    this.save(entry);
    this.emit({ type: 'run-added', run: { ...summary } });
    return { ...summary };
  }

  private spawn(entry: RunEntry, config: TrainConfig, dataset: LoadedDataset): void {
    const worker = startWorker('worker', import.meta.url, { workerData: { wasmPath: this.wasmPath } });
    entry.worker = worker;
    worker.on('message', (msg: FromRunWorker) => this.onWorkerMessage(entry, msg));
    worker.on('error', (error) => this.fail(entry, `The training thread crashed: ${error.message}`));
    worker.on('exit', (code) => {
      entry.worker = null;
      this.rejectRequests(entry, 'The run has no live worker any more.');
      if (!entry.retiring) this.fail(entry, `The training thread exited unexpectedly (exit code ${code}).`);
    });
    this.send(entry, { type: 'init', config, dataset: dataset.shared });
  }

  private onWorkerMessage(entry: RunEntry, msg: FromRunWorker): void {
    const { summary } = entry;
    switch (msg.type) {
      case 'ready':
        summary.iterationsPerEpoch = msg.iterationsPerEpoch;
        summary.totalIterations = msg.totalIterations;
        this.updated(entry);
        break;
      case 'iterations': {
        const batch = { start: msg.start, losses: msg.losses, learningRates: msg.learningRates };
        entry.metrics.addIterations(batch);
        summary.iteration = Math.max(summary.iteration, msg.start + msg.losses.length - 1);
        this.emit({ type: 'iterations', runId: summary.id, batch });
        break;
      }
      case 'epoch':
        entry.metrics.addEpoch(msg.metrics);
        summary.lastEpoch = msg.metrics;
        this.emit({ type: 'epoch', runId: summary.id, metrics: msg.metrics });
        this.updated(entry);
        break;
      case 'state':
        summary.iteration = msg.iteration;
        this.setState(entry, msg.state, msg.message);
        break;
      case 'prediction':
        this.settle(entry, msg.requestId, msg.prediction);
        break;
      case 'weights':
        this.settle(entry, msg.requestId, msg.tensors);
        break;
      case 'evaluation':
        this.settle(entry, msg.requestId, msg.metrics);
        break;
      case 'test-classified': {
        const { type: _type, requestId, ...rest } = msg;
        this.settle(entry, requestId, { runId: summary.id, ...rest } satisfies TestEvaluation);
        break;
      }
      case 'error':
        if (msg.requestId !== undefined) this.settle(entry, msg.requestId, new Error(msg.message));
        else this.fail(entry, msg.message);
        break;
    }
  }

  private setState(entry: RunEntry, state: RunState, message?: string): void {
    entry.summary.state = state;
    if (message !== undefined) entry.summary.message = message;
    else delete entry.summary.message;
    this.emit({ type: 'state', runId: entry.summary.id, state, ...(message !== undefined && { message }) });
    this.updated(entry);
  }

  /** Marks a live run failed and ends its worker; the other runs go on. */
  private fail(entry: RunEntry, message: string): void {
    if (!LIVE_STATES.includes(entry.summary.state) || !this.runs.has(entry.summary.id)) return;
    this.setState(entry, 'failed', message);
    this.retire(entry);
  }

  private retire(entry: RunEntry): Promise<unknown> {
    entry.retiring = true;
    return entry.worker?.terminate() ?? Promise.resolve();
  }

  private live(runId: unknown): RunEntry {
    const entry = this.run(runId);
    if (!LIVE_STATES.includes(entry.summary.state)) {
      throw new Error(`${entry.summary.name} is ${entry.summary.state}; only a starting, training or paused run accepts this.`);
    }
    return entry;
  }

  private run(runId: unknown): RunEntry {
    const id = argument(runIdSchema, runId, 'run id');
    const entry = this.runs.get(id);
    if (!entry) throw new Error(`No run with id ${id}.`);
    return entry;
  }

  async pauseRun(runId: unknown): Promise<void> {
    this.send(this.live(runId), { type: 'pause' });
  }

  async resumeRun(runId: unknown): Promise<void> {
    this.send(this.live(runId), { type: 'resume' });
  }

  async stepRun(runId: unknown): Promise<void> {
    this.send(this.live(runId), { type: 'step' });
  }

  async stopRun(runId: unknown): Promise<void> {
    this.send(this.live(runId), { type: 'stop' });
  }

  async setLearningRate(runId: unknown, learningRate: unknown): Promise<void> {
    const value = argument(learningRateSchema, learningRate, 'learning rate');
    this.send(this.live(runId), { type: 'set-learning-rate', value });
  }

  async renameRun(runId: unknown, name: unknown): Promise<RunSummary> {
    const entry = this.run(runId);
    entry.summary.name = argument(nameSchema, name, 'run name');
    this.updated(entry);
    return { ...entry.summary };
  }

  async deleteRun(runId: unknown): Promise<void> {
    const entry = this.run(runId);
    this.runs.delete(entry.summary.id);
    this.store.remove(entry.summary.id);
    await this.retire(entry);
    this.emit({ type: 'run-removed', runId: entry.summary.id });
  }

  async getRunMetrics(runId: unknown): Promise<RunMetrics> {
    return this.run(runId).metrics.snapshot();
  }

  async predict(runId: unknown, pixels: unknown): Promise<Prediction> {
    const image = argument(pixelsSchema, pixels, 'pixels');
    return this.request(this.run(runId), (requestId) => ({ type: 'predict', requestId, pixels: image }));
  }

  async getWeights(runId: unknown): Promise<WeightTensor[]> {
    return this.request(this.run(runId), (requestId) => ({ type: 'get-weights', requestId }));
  }

  async evaluateRun(runId: unknown): Promise<TestEvaluation> {
    return this.request(this.run(runId), (requestId) => ({ type: 'classify-test', requestId }));
  }

  onEvent(listener: (event: LabEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends every worker. The service is unusable afterwards. */
  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].map((entry) => this.retire(entry)));
    this.listeners.clear();
  }

  /** Test hook: kills a run's worker thread as a crash would. */
  async __testKillWorker(runId: string): Promise<void> {
    await this.run(runId).worker?.terminate();
  }

  // --- plumbing ------------------------------------------------------------------------------

  private request<T>(entry: RunEntry, make: (requestId: number) => ToRunWorker): Promise<T> {
    if (!entry.worker) return Promise.reject(new Error(`${entry.summary.name} has no live worker (it is ${entry.summary.state}).`));
    const requestId = this.nextRequestId++;
    return new Promise<T>((resolve, reject) => {
      entry.requests.set(requestId, { resolve: resolve as (v: unknown) => void, reject });
      this.send(entry, make(requestId));
    });
  }

  private settle(entry: RunEntry, requestId: number, value: unknown): void {
    const pending = entry.requests.get(requestId);
    if (!pending) return;
    entry.requests.delete(requestId);
    if (value instanceof Error) pending.reject(value);
    else pending.resolve(value);
  }

  private rejectRequests(entry: RunEntry, message: string): void {
    for (const pending of entry.requests.values()) pending.reject(new Error(message));
    entry.requests.clear();
  }

  private send(entry: RunEntry, msg: ToRunWorker): void {
    if (!entry.worker) throw new Error(`${entry.summary.name} has no live worker (it is ${entry.summary.state}).`);
    entry.worker.postMessage(msg);
  }

  private updated(entry: RunEntry): void {
    this.save(entry);
    this.emit({ type: 'run-updated', run: { ...entry.summary } });
  }

  private save(entry: RunEntry): void {
    this.store.save({ summary: { ...entry.summary }, metrics: entry.metrics });
  }

  private emit(event: LabEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener must not stop the others.
      }
    }
  }
}
