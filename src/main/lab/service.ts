/**
 * The Lab service: the Node side of LabApi, free of Electron so the desktop app, the web bridge, the
 * CLI and the tests all drive the same object. A thin facade over the service's parts, one concept
 * each: the dataset (dataset-source.ts), the run registry (run-registry.ts), the runs' worker
 * threads (run-workers.ts), persistence (run-persistence.ts), weights files (weights-files.ts) and
 * the personal test set (drawing-set.ts). It implements the method table's LabHandlers: the
 * arguments arrive validated (lab-dispatch.ts).
 */
import type { Drawing, ExportedWeights, LabEvent, SampleImages } from '../../shared/api';
import type { TestEvaluation, WeightsPreview } from '../../shared/api';
import type { DatasetSplit, ImportChoices } from '../../shared/api';
import { DEFAULT_CONFIG, type TrainConfig } from '../../shared/hyperparams';
import type { LabHandlers, LabResult } from '../../shared/lab-methods';
import { appInfo } from './app-info';
import type { UiLanguage } from '../../shared/shell';
import type { WeightsFormat } from '../../shared/weights-formats';
import type { DatasetInfo, Prediction, RunMetrics, RunSummary, WeightTensor } from '../../shared/runs';
import { LabError, message } from '../../shared/messages';
import { convGeometryProblem } from '../../shared/conv-geometry';
import type { FeatureMap } from '../../shared/feature-maps';
import type { Classified, ToRunWorker } from '../../shared/worker-messages';
import type { Explanation, HiddenMap } from '../../shared/explain';
import type { HiddenMapOptions } from '../../shared/lab-arguments';
import type { LoadedDataset } from './dataset';
import { writeErrorReason } from './atomic-file';
import { DatasetSource } from './dataset-source';
import { DrawingSet, drawingsFileIn } from './drawing-set';
import { EventHub } from './event-hub';
import { newSummary, sendTo, type RunEntry } from './run-entry';
import { RunPersistence } from './run-persistence';
import { RunRegistry } from './run-registry';
import { RunWorkers } from './run-workers';
import { defaultWasmPath, MAX_LIVE_RUNS, VIEWER_IDLE_MS, type LabServiceOptions } from './service-options';
import { LIVE_STATES } from '../../shared/runs';
import { WeightsFiles, type ImportedRun } from './weights-files';
import { GradientChecks } from './gradient-checks';
import { classNamesFileIn, UserClassNames } from './class-names';
import type { GradientCheckOptions, GradientCheckReport } from '../../shared/gradient-check';
import { gradientCheckOptionsSchema } from '../../shared/gradient-check';

export { INTERRUPTED_MESSAGE, type LabServiceOptions } from './service-options';

/** The Lab: datasets, runs and their workers, metrics, events. */
export class LabService implements LabHandlers {
  private readonly events = new EventHub();
  private readonly datasets: DatasetSource;
  private readonly persistence: RunPersistence;
  private readonly registry: RunRegistry;
  private readonly workers: RunWorkers;
  private readonly weightsFiles: WeightsFiles;
  private readonly drawings: DrawingSet;
  private readonly gradientChecks: GradientChecks;
  private readonly userClassNames: UserClassNames;

  private readonly wasmPath: string | undefined;

  /** How many runs may be live at once (LabServiceOptions.maxLiveRuns). */
  private readonly maxLiveRuns: number;

  constructor(options: LabServiceOptions = {}) {
    this.wasmPath = options.wasmPath ?? defaultWasmPath();
    const warn = options.warn ?? ((m: string) => console.warn(m));
    this.datasets = new DatasetSource(options.datasetFolder);
    this.persistence = RunPersistence.choose(options, warn, (message) =>
      this.events.emit({ type: 'error', message }),
    );
    if (options.weightsSaveIntervalMs !== undefined)
      this.persistence.weightsIntervalMs = options.weightsSaveIntervalMs;
    this.registry = new RunRegistry(this.persistence, this.events);
    this.workers = new RunWorkers({
      registry: this.registry,
      persistence: this.persistence,
      events: this.events,
      dataset: () => this.dataset(),
      wasmPath: this.wasmPath,
      idleMs: options.viewerIdleMs ?? VIEWER_IDLE_MS,
    });
    this.maxLiveRuns = options.maxLiveRuns ?? MAX_LIVE_RUNS;
    this.weightsFiles = new WeightsFiles(this.workers, () => this.dataset().info);
    this.drawings = new DrawingSet(options.drawingsFile ?? drawingsFileIn(options.dataDir), warn);
    this.gradientChecks = new GradientChecks(this.workers, this.events);
    this.userClassNames = new UserClassNames(classNamesFileIn(options.dataDir), warn);
    this.registry.loadSaved();
  }

  // --- dataset -------------------------------------------------------------------------------

  /** The loaded dataset (once a call that needs it has loaded it: see `ready`). */
  dataset(): LoadedDataset {
    return this.datasets.get();
  }

  /**
   * The dataset, loaded on first use (the chosen folder, else the bundled package) in a thread of
   * its own: every call that may start a worker awaits it first, and the main thread keeps answering.
   */
  ready = (): Promise<LoadedDataset> => this.datasets.load();

  datasetInfo = async (): Promise<DatasetInfo> => this.named((await this.ready()).info);

  async sampleImages(split: DatasetSplit, start: number, count: number): Promise<SampleImages> {
    return this.datasets.sample(split, start, count);
  }

  /** A browser has no folder dialog (the desktop app answers with its own, desktop-methods.ts). */
  async chooseDatasetFolder(): Promise<DatasetInfo | null> {
    return null;
  }

  /** Loads MNIST from `folder`; on any error throws a readable message and keeps the old dataset. */
  async setDatasetFolder(folder: string): Promise<DatasetInfo> {
    const info = this.named((await this.datasets.setFolder(folder)).info);
    this.events.emit({ type: 'dataset', info });
    return info;
  }

  // --- runs ----------------------------------------------------------------------------------

  async listRuns(): Promise<RunSummary[]> {
    return this.registry.list();
  }

  /**
   * `config` as the dispatch validated it (whole; a caller in main may leave out the defaults).
   * Without a name the run is named by its number in `language` ("Run 3" in English, the default).
   */
  async startRun(
    config: Partial<TrainConfig> = {},
    name?: string,
    language?: UiLanguage,
  ): Promise<RunSummary> {
    this.persistence.assertWritable();
    await this.ready();
    const max = this.maxLiveRuns;
    const live = this.registry.entries().filter((e) => LIVE_STATES.includes(e.summary.state)).length;
    if (live >= max) throw new LabError(message('tooManyRuns', { max }));
    const runName = name ?? this.registry.defaultName(language ?? 'en');
    const full = { ...DEFAULT_CONFIG, ...config };
    const impossible = convGeometryProblem(full); // a CNN whose sizes do not work out (cnnviews)
    if (impossible) throw new LabError(impossible);
    const summary = newSummary(this.newRunId(), runName, full, 'trained');
    return this.addRun({ summary });
  }

  async pauseRun(runId: string): Promise<void> {
    await this.ready();
    sendTo(this.controllable(runId), { type: 'pause' });
  }

  async resumeRun(runId: string): Promise<void> {
    await this.ready();
    sendTo(this.controllable(runId), { type: 'resume' });
  }

  async stepRun(runId: string): Promise<void> {
    await this.ready();
    const entry = this.controllable(runId);
    sendTo(entry, { type: 'step' });
    // A step posts no state: an imported run that took one is now a paused run being trained further.
    if (entry.summary.state === 'imported') this.registry.setState(entry, 'paused');
  }

  async stopRun(runId: string): Promise<void> {
    await this.ready();
    sendTo(this.controllable(runId), { type: 'stop' });
  }

  async setLearningRate(runId: string, learningRate: number): Promise<void> {
    await this.ready();
    sendTo(this.controllable(runId), { type: 'set-learning-rate', value: learningRate });
  }

  async renameRun(runId: string, name: string): Promise<RunSummary> {
    const entry = this.registry.get(runId);
    this.persistence.assertWritable();
    entry.summary.name = name;
    this.registry.updated(entry);
    return { ...entry.summary };
  }

  async deleteRun(runId: string): Promise<void> {
    const entry = this.registry.get(runId);
    this.persistence.assertWritable();
    this.registry.remove(entry);
    await this.workers.retire(entry);
    this.events.emit({ type: 'run-removed', runId: entry.summary.id });
  }

  async getRunMetrics(runId: string): Promise<RunMetrics> {
    return this.registry.get(runId).metrics.snapshot();
  }

  /** One request to the run's worker, once the dataset is ready. */
  private async ask<T>(runId: string, make: (requestId: number) => ToRunWorker): Promise<T> {
    await this.ready();
    return this.workers.request<T>(this.registry.get(runId), make);
  }

  async predict(runId: string, pixels: Uint8Array): Promise<Prediction> {
    return this.ask(runId, (requestId) => ({ type: 'predict', requestId, pixels }));
  }

  /** Look deeper: the saliency of one drawing for `classIndex` (left out: the top class), by the run's worker. */
  async explain(runId: string, pixels: Uint8Array, classIndex?: number): Promise<Explanation> {
    return this.ask(runId, (requestId) => ({
      type: 'explain',
      requestId,
      pixels,
      classIndex: classIndex ?? null,
    }));
  }

  /**
   * Look deeper: hidden layer `layer`'s map of the first test images (and of the drawn `pixels`),
   * computed by the run's evaluator thread; null when one is still being computed (skipped).
   */
  async hiddenMap(
    runId: string,
    layer: number,
    pixels?: Uint8Array,
    options?: HiddenMapOptions,
  ): Promise<HiddenMap | null> {
    return this.ask(runId, (requestId) => ({
      type: 'hidden-map',
      requestId,
      layer,
      pixels: pixels ?? null,
      withFeatures: options?.withFeatures === true,
    }));
  }

  async getWeights(runId: string): Promise<WeightTensor[]> {
    await this.ready();
    return this.workers.weights(this.registry.get(runId));
  }

  async evaluateRun(runId: string): Promise<TestEvaluation> {
    await this.ready();
    const entry = this.registry.get(runId);
    const classified = await this.workers.request<Classified>(entry, (requestId) => ({
      type: 'classify-test',
      requestId,
    }));
    return { runId: entry.summary.id, ...classified };
  }

  // --- the personal test set -----------------------------------------------------------------

  listDrawings = async (): Promise<Drawing[]> => this.drawings.list();
  addDrawing = async (pixels: Uint8Array, label: number): Promise<Drawing> => {
    this.persistence.assertWritable();
    return this.drawings.add(pixels, label);
  };
  deleteDrawing = async (drawingId: string): Promise<void> => {
    this.persistence.assertWritable();
    return this.drawings.remove(drawingId);
  };

  /** Every drawing classified by the run's worker in one request. */
  async evaluateDrawings(runId: string): Promise<TestEvaluation> {
    await this.ready();
    const entry = this.registry.get(runId);
    const images = this.drawings.images();
    const classified = await this.workers.request<Classified>(entry, (requestId) => ({
      type: 'classify-images',
      requestId,
      ...images,
    }));
    return { runId: entry.summary.id, ...classified };
  }

  // --- the CNN views (cnnviews) ---------------------------------------------------------------

  async featureMaps(runId: string, pixels: Uint8Array): Promise<FeatureMap[]> {
    await this.ready();
    if (this.registry.get(runId).summary.config.arch === 'mlp') return []; // no convolution or pooling layers
    return this.ask(runId, (requestId) => ({ type: 'feature-maps', requestId, pixels }));
  }

  async initialWeights(runId: string): Promise<WeightTensor[] | null> {
    await this.ready();
    // An imported run's weights came from a file, not from its seed.
    if (this.registry.get(runId).summary.source === 'imported') return null;
    return this.ask(runId, (requestId) => ({ type: 'get-initial-weights', requestId }));
  }

  // --- weights files -------------------------------------------------------------------------

  /** The run as a file of `format`; a notebook's or a script's prose in `language` (English by default). */
  async exportWeights(runId: string, format: WeightsFormat, language?: UiLanguage): Promise<ExportedWeights> {
    await this.ready();
    return this.weightsFiles.export(this.registry.get(runId), format, language);
  }

  async openWeights(fileName: string, bytes: Uint8Array): Promise<WeightsPreview> {
    return this.weightsFiles.open(fileName, bytes);
  }

  /** A browser has no open dialog (the desktop app answers with its own, desktop-methods.ts). */
  async chooseWeightsFile(): Promise<WeightsPreview | null> {
    return null;
  }

  async importWeights(pendingId: string, choices: ImportChoices): Promise<RunSummary> {
    this.persistence.assertWritable();
    await this.ready();
    return this.addRun(this.weightsFiles.take(pendingId, choices, () => this.newRunId()));
  }

  /** The app's version, the kernels the workers run, relaxed-SIMD support, Node's version. */
  appInfo = async (): Promise<LabResult<'appInfo'>> =>
    appInfo(this.wasmPath, this.persistence.readOnlyReason ?? this.persistence.storageProblem);

  // --- gradient check in the app (issue 13) -------------------------------------------------

  /** The book's ch05 check of the run's current weights, in a thread of its own (gradient-checks.ts). */
  async checkGradients(runId: string, options?: GradientCheckOptions): Promise<GradientCheckReport> {
    await this.ready();
    const entry = this.registry.get(runId);
    return this.gradientChecks.check(entry, this.dataset(), gradientCheckOptionsSchema.parse(options));
  }

  async cancelGradientCheck(runId: string): Promise<void> {
    this.gradientChecks.cancel(this.registry.get(runId).summary.id);
  }

  // --- class names for any dataset (issue 13) -----------------------------------------------

  /** Names the loaded dataset's classes (null: forget the user's names), saved in the data folder. */
  async setClassNames(names: string[] | null): Promise<DatasetInfo> {
    const { info } = await this.ready();
    this.persistence.assertWritable();
    this.userClassNames.set(info.labelsChecksum ?? '', names);
    const named = this.named(info);
    this.events.emit({ type: 'dataset', info: named });
    return named;
  }

  /** The dataset's info with the user's class names, when the user named them. */
  private named(info: DatasetInfo): DatasetInfo {
    const names = this.userClassNames.get(info.labelsChecksum ?? '');
    return names ? { ...info, classNames: { source: 'user', names } } : info;
  }

  // --- events and shutdown -------------------------------------------------------------------

  onEvent = (listener: (event: LabEvent) => void): (() => void) => this.events.on(listener);

  /** Ends every worker. The service is unusable afterwards. */
  async close(): Promise<void> {
    this.gradientChecks.cancelAll();
    await Promise.all(this.registry.entries().map((entry) => this.workers.retire(entry)));
    this.events.clear();
    this.persistence.flushAllWeights();
    this.persistence.close();
  }

  /** Test hook: kills a run's worker thread as a crash would. */
  async __testKillWorker(runId: string): Promise<void> {
    await this.workers.kill(this.registry.get(runId));
  }

  // --- plumbing ------------------------------------------------------------------------------

  /** A new run's id, once MNIST is loaded (`ready`, or `get` throws): a run never exists without its dataset. */
  private newRunId(): string {
    this.dataset();
    return this.registry.nextId();
  }

  /** Registers a new run, starts its worker (paused from `tensors` for an import), saves it, tells listeners. */
  private addRun({
    summary,
    tensors,
  }: {
    summary: RunSummary;
    tensors?: ImportedRun['tensors'];
  }): RunSummary {
    const entry = this.registry.add(summary);
    if (tensors) {
      // An import whose weights cannot be saved is not added at all: no run without its weights.
      try {
        this.persistence.saveWeights(entry, tensors);
      } catch (error) {
        this.registry.remove(entry);
        throw new LabError(message('importNotSaved', { why: writeErrorReason(error) }));
      }
    }
    this.workers.start(entry, tensors);
    this.registry.announce(entry);
    return { ...summary };
  }

  /** A run that accepts training controls (an imported run's worker starts on demand). */
  private controllable(runId: string): RunEntry {
    const entry = this.registry.get(runId);
    this.persistence.assertWritable();
    return this.workers.controllable(entry);
  }
}
