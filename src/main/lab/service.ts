/**
 * The Lab service: the Node side of LabApi, free of Electron so the desktop app, the web bridge, the
 * CLI and the tests all drive the same object. It owns the dataset (loaded once, shared with every
 * worker), one worker thread per run, and each run's recorded metrics; it relays what workers report
 * as LabEvents to every listener. Every argument is validated here, where it arrives.
 */
import type { Drawing, ExportedWeights, LabApi, LabEvent, SampleImages } from '../../shared/api';
import type { TestEvaluation, WeightsPreview } from '../../shared/api';
import { encodeWeights } from '../../formats/index';
import { describeConfigErrors, parseTrainConfig, type TrainConfig } from '../../shared/hyperparams';
import { LIVE_STATES } from '../../shared/runs';
import type { DatasetInfo, Prediction, RunMetrics, RunState } from '../../shared/runs';
import type { RunSummary, WeightTensor } from '../../shared/runs';
import { startWorker } from '../../worker/entry';
import type { FromRunWorker, ToRunWorker } from '../../worker/messages';
import { DatasetSource } from './dataset-source';
import type { LoadedDataset } from './dataset';
import { FileRunStore } from './run-files';
import { ENDED_WITH_WEIGHTS, defaultWasmPath, type LabServiceOptions } from './service-options';
import { markInterrupted, newEntry, newSummary, type RunEntry } from './run-entry';
import { rejectRequests, requestFrom, sendTo, settle } from './run-entry';
import { MemoryRunStore, type RunRecord, type RunStore } from './run-store';
import { argument, exportFormatSchema, importChoicesSchema, learningRateSchema } from './validate';
import { languageSchema, nameSchema, pixelsSchema, runIdSchema } from './validate';
import { PendingWeights } from './pending-weights';
import { DrawingSet, classifyDrawings, drawingsFileIn } from './drawing-set';
import { EventHub } from './event-hub';
import { exportFileName, exportMeta, importedConfig } from './weights-import';
import { messageText } from '../../shared/messages';
import { defaultRunName } from '../../shared/i18n';

export { INTERRUPTED_MESSAGE, type LabServiceOptions } from './service-options';

/** The Lab: datasets, runs and their workers, metrics, events. */
export class LabService implements LabApi {
  private readonly runs = new Map<string, RunEntry>();
  private readonly events = new EventHub();
  private readonly datasets: DatasetSource;
  private readonly wasmPath: string | undefined;
  private readonly store: RunStore;
  private nextRunNumber = 1;
  private readonly pending = new PendingWeights();
  private readonly drawings: DrawingSet;
  private readonly warn: (message: string) => void;

  constructor(private readonly options: LabServiceOptions = {}) {
    this.datasets = new DatasetSource(options.datasetFolder);
    this.wasmPath = options.wasmPath ?? defaultWasmPath();
    this.warn = options.warn ?? ((m) => console.warn(m));
    this.drawings = new DrawingSet(options.drawingsFile ?? drawingsFileIn(options.dataDir), this.warn);
    this.store =
      options.store ??
      (options.dataDir ? new FileRunStore(options.dataDir, this.warn) : new MemoryRunStore());
    this.loadSavedRuns();
  }

  /** Past runs from the store; one that was live when the service stopped becomes 'interrupted'. */
  private loadSavedRuns(): void {
    for (const { summary, metrics } of this.store.list()) {
      const entry: RunEntry = newEntry(summary, metrics);
      this.runs.set(summary.id, entry);
      if (markInterrupted(summary)) this.save(entry);
      const n = /^run-(\d+)-/.exec(summary.id);
      if (n) this.nextRunNumber = Math.max(this.nextRunNumber, Number(n[1]) + 1);
    }
  }

  // --- dataset -------------------------------------------------------------------------------

  /** The loaded dataset, loading it on first use (the chosen folder, else the bundled package). */
  dataset(): LoadedDataset {
    return this.datasets.get();
  }

  datasetInfo = async (): Promise<DatasetInfo> => this.dataset().info;

  async sampleImages(split: unknown, start: unknown, count: unknown): Promise<SampleImages> {
    return this.datasets.sample(split, start, count);
  }

  async chooseDatasetFolder(): Promise<DatasetInfo | null> {
    const folder = await this.options.chooseFolder?.();
    return folder ? this.setDatasetFolder(folder) : null;
  }

  /** Loads MNIST from `folder`; on any error throws a readable message and keeps the old dataset. */
  async setDatasetFolder(folder: unknown): Promise<DatasetInfo> {
    const { info } = this.datasets.setFolder(folder);
    this.events.emit({ type: 'dataset', info });
    return info;
  }

  // --- runs ----------------------------------------------------------------------------------

  async listRuns(): Promise<RunSummary[]> {
    return [...this.runs.values()].map((r) => ({ ...r.summary }));
  }

  async startRun(config: unknown, name?: unknown, language?: unknown): Promise<RunSummary> {
    const parsed = parseTrainConfig(config ?? {});
    if (!parsed.ok)
      throw new Error(messageText('invalidConfig', { detail: describeConfigErrors(parsed.errors) }));
    // No name (undefined, or null from JSON): the run's number in the caller's language.
    const runName =
      name === undefined || name === null
        ? defaultRunName(this.nextRunNumber, argument(languageSchema, language ?? 'en', 'language'))
        : argument(nameSchema, name, 'run name');
    return this.addRun(newSummary(this.newRunId(), runName, parsed.config, 'trained'));
  }

  private newRunId(): string {
    this.dataset(); // load MNIST (or throw) before the run exists
    return `run-${this.nextRunNumber++}-${Date.now().toString(36)}`;
  }

  /** Registers a new run, starts its worker (paused from `weights` for an import), saves it, tells listeners. */
  private addRun(summary: RunSummary, weights?: WeightTensor[]): RunSummary {
    const entry = newEntry(summary);
    this.runs.set(summary.id, entry);
    this.spawn(entry, summary.config, weights);
    this.save(entry);
    if (weights) this.store.saveWeights(this.record(entry), weights);
    this.events.emit({ type: 'run-added', run: { ...summary } });
    return { ...summary };
  }

  private spawn(entry: RunEntry, config: TrainConfig, weights?: WeightTensor[]): void {
    const dataset = this.dataset();
    const worker = startWorker('worker', import.meta.url, { workerData: { wasmPath: this.wasmPath } });
    entry.worker = worker;
    entry.retiring = false;
    worker.on('message', (msg: FromRunWorker) => this.onWorkerMessage(entry, msg));
    worker.on('error', (error) => this.fail(entry, messageText('threadCrashed', { detail: error.message })));
    worker.on('exit', (code) => {
      entry.worker = null;
      rejectRequests(entry, 'The run has no live worker any more.');
      if (!entry.retiring) this.fail(entry, messageText('threadExited', { code }));
    });
    const resume = weights && { weights, startPaused: true }; // imported or past weights wait, paused
    sendTo(entry, { type: 'init', config, dataset: dataset.shared, ...resume });
  }

  /** A past or imported run's worker, started paused from its saved weights on first use. */
  private ensureWorker(entry: RunEntry): void {
    if (entry.worker) return;
    const weights = this.store.loadWeights(entry.summary.id);
    const name = entry.summary.name;
    if (!weights) throw new Error(messageText('noWeightsYet', { name }));
    entry.viewer = entry.summary.state !== 'imported';
    this.spawn(entry, entry.summary.config, weights);
  }

  private onWorkerMessage(entry: RunEntry, msg: FromRunWorker): void {
    const { summary } = entry;
    const progress =
      msg.type === 'ready' || msg.type === 'iterations' || msg.type === 'epoch' || msg.type === 'state';
    if (entry.viewer && progress) return; // a past run's viewer answers requests only
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
        this.events.emit({ type: 'iterations', runId: summary.id, batch });
        break;
      }
      case 'epoch':
        entry.metrics.addEpoch(msg.metrics);
        summary.lastEpoch = msg.metrics;
        this.events.emit({ type: 'epoch', runId: summary.id, metrics: msg.metrics });
        this.updated(entry);
        this.persistWeights(entry);
        break;
      case 'state':
        // An imported run stays 'imported' until it is first resumed or stepped.
        if (summary.state === 'imported' && msg.state === 'paused') break;
        summary.iteration = msg.iteration;
        this.setState(entry, msg.state, msg.message);
        if (ENDED_WITH_WEIGHTS.includes(msg.state)) this.persistWeights(entry);
        break;
      case 'prediction': // answers to predict / get-weights / evaluate requests
      case 'weights':
      case 'evaluation': {
        const answer =
          msg.type === 'prediction' ? msg.prediction : msg.type === 'weights' ? msg.tensors : msg.metrics;
        settle(entry, msg.requestId, answer);
        break;
      }
      case 'test-classified': {
        const { type: _type, requestId, ...rest } = msg;
        settle(entry, requestId, { runId: summary.id, ...rest } satisfies TestEvaluation);
        break;
      }
      case 'error':
        if (msg.requestId !== undefined) settle(entry, msg.requestId, new Error(msg.message));
        else this.fail(entry, msg.message);
        break;
    }
  }

  private setState(entry: RunEntry, state: RunState, message?: string): void {
    entry.summary.state = state;
    if (message !== undefined) entry.summary.message = message;
    else delete entry.summary.message;
    this.events.emit({
      type: 'state',
      runId: entry.summary.id,
      state,
      ...(message !== undefined && { message }),
    });
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

  /** A run that accepts training controls: live, or imported (its paused worker starts on demand). */
  private live(runId: unknown): RunEntry {
    const entry = this.run(runId);
    if (entry.summary.state === 'imported') {
      this.ensureWorker(entry);
      return entry;
    }
    if (!LIVE_STATES.includes(entry.summary.state)) {
      const { name, state } = entry.summary;
      throw new Error(messageText('wrongState', { name, state }));
    }
    return entry;
  }

  /** Saves the run's current weights (each evaluation point and the end); a failure is a warning, training goes on. */
  private persistWeights(entry: RunEntry): void {
    const id = entry.summary.id;
    this.request<WeightTensor[]>(entry, (requestId) => ({ type: 'get-weights', requestId }))
      .then((tensors) => {
        if (this.runs.get(id) === entry) this.store.saveWeights(this.record(entry), tensors);
      })
      .catch((error: Error) => {
        if (this.runs.get(id) === entry && entry.worker)
          this.warn(`Could not save the weights of ${entry.summary.name}: ${error.message}`);
      });
  }

  private run(runId: unknown): RunEntry {
    const id = argument(runIdSchema, runId, 'run id');
    const entry = this.runs.get(id);
    if (!entry) throw new Error(messageText('noRun', { id }));
    return entry;
  }

  async pauseRun(runId: unknown): Promise<void> {
    sendTo(this.live(runId), { type: 'pause' });
  }

  async resumeRun(runId: unknown): Promise<void> {
    sendTo(this.live(runId), { type: 'resume' });
  }

  async stepRun(runId: unknown): Promise<void> {
    const entry = this.live(runId);
    sendTo(entry, { type: 'step' });
    // A step posts no state: an imported run that took one is now a paused run being trained further.
    if (entry.summary.state === 'imported') this.setState(entry, 'paused');
  }

  async stopRun(runId: unknown): Promise<void> {
    sendTo(this.live(runId), { type: 'stop' });
  }

  async setLearningRate(runId: unknown, learningRate: unknown): Promise<void> {
    const value = argument(learningRateSchema, learningRate, 'learning rate');
    sendTo(this.live(runId), { type: 'set-learning-rate', value });
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
    this.events.emit({ type: 'run-removed', runId: entry.summary.id });
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

  // --- the personal test set (drawing-set.ts) -----------------------------------------------

  listDrawings = async (): Promise<Drawing[]> => this.drawings.list();
  addDrawing = async (pixels: unknown, label: unknown): Promise<Drawing> => this.drawings.add(pixels, label);
  deleteDrawing = async (drawingId: unknown): Promise<void> => this.drawings.remove(drawingId);

  async evaluateDrawings(runId: unknown): Promise<TestEvaluation> {
    const { id, iteration } = this.run(runId).summary;
    return classifyDrawings(id, iteration, this.drawings.list(), (pixels) => this.predict(id, pixels));
  }

  // --- weights files -------------------------------------------------------------------------

  async exportWeights(runId: unknown, format: unknown): Promise<ExportedWeights> {
    const entry = this.run(runId);
    const chosen = argument(exportFormatSchema, format, 'weights format');
    const tensors = await this.getWeights(entry.summary.id);
    const bytes = encodeWeights(chosen, tensors, exportMeta(entry.summary, entry.metrics.epochs));
    return { fileName: exportFileName(entry.summary.name, chosen), bytes };
  }

  async openWeights(fileName: unknown, bytes: unknown): Promise<WeightsPreview> {
    return this.pending.open(fileName, bytes);
  }

  async chooseWeightsFile(): Promise<WeightsPreview | null> {
    const file = await this.options.chooseWeightsFile?.();
    return file ? this.openWeights(file.fileName, file.bytes) : null;
  }

  async importWeights(pendingId: unknown, choices: unknown): Promise<RunSummary> {
    const checked = this.pending.get(pendingId);
    const { activation, name, training } = argument(importChoicesSchema, choices, 'import choices');
    const config = importedConfig(checked, activation, training);
    const runName = name ?? checked.fileName.replace(/\.[^.]+$/, '');
    const summary = newSummary(this.newRunId(), runName, config, 'imported');
    this.pending.delete(pendingId as string);
    return this.addRun(summary, checked.tensors);
  }

  onEvent = (listener: (event: LabEvent) => void): (() => void) => this.events.on(listener);

  /** Ends every worker. The service is unusable afterwards. */
  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].map((entry) => this.retire(entry)));
    this.events.clear();
  }

  /** Test hook: kills a run's worker thread as a crash would. */
  async __testKillWorker(runId: string): Promise<void> {
    await this.run(runId).worker?.terminate();
  }

  // --- plumbing ------------------------------------------------------------------------------

  /** A request to the run's worker; a past run's worker is started on demand. */
  private request<T>(entry: RunEntry, make: (requestId: number) => ToRunWorker): Promise<T> {
    if (!entry.worker && !LIVE_STATES.includes(entry.summary.state)) {
      try {
        this.ensureWorker(entry);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return requestFrom<T>(entry, make);
  }

  private updated(entry: RunEntry): void {
    this.save(entry);
    this.events.emit({ type: 'run-updated', run: { ...entry.summary } });
  }

  private record(entry: RunEntry): RunRecord {
    return { summary: { ...entry.summary }, metrics: entry.metrics };
  }

  /** Saves the run's summary and metrics; a failed write is a warning, never a crash. */
  private save(entry: RunEntry): void {
    if (this.runs.get(entry.summary.id) !== entry) return; // deleted: a late worker message must not recreate it
    try {
      this.store.save(this.record(entry));
    } catch (error) {
      this.warn(`Could not save ${entry.summary.name}: ${(error as Error).message}`);
    }
  }
}
