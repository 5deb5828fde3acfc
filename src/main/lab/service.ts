/**
 * The Lab service: the Node side of LabApi, free of Electron so the desktop app, the web bridge, the
 * CLI and the tests all drive the same object. A thin facade over the service's parts, one concept
 * each: the dataset (dataset-source.ts), the run registry (run-registry.ts), the runs' worker
 * threads (run-workers.ts), persistence (run-persistence.ts), weights files (weights-files.ts) and
 * the personal test set (drawing-set.ts). Every argument is validated where it arrives.
 */
import type { Drawing, ExportedWeights, LabApi, LabEvent, SampleImages } from '../../shared/api';
import type { TestEvaluation, WeightsPreview } from '../../shared/api';
import { describeConfigErrors, parseTrainConfig } from '../../shared/hyperparams';
import { messageText } from '../../shared/messages';
import type { DatasetInfo, Prediction, RunMetrics, RunSummary, WeightTensor } from '../../shared/runs';
import type { Classified } from '../../shared/worker-messages';
import type { LoadedDataset } from './dataset';
import { writeErrorReason } from './atomic-file';
import { DatasetSource } from './dataset-source';
import { DrawingSet, drawingsFileIn } from './drawing-set';
import { EventHub } from './event-hub';
import { newSummary, sendTo, type RunEntry } from './run-entry';
import { RunPersistence } from './run-persistence';
import { RunRegistry } from './run-registry';
import { RunWorkers } from './run-workers';
import { defaultWasmPath, type LabServiceOptions } from './service-options';
import { argument, languageSchema, learningRateSchema, nameSchema, pixelsSchema } from './validate';
import { WeightsFiles, type ImportedRun } from './weights-files';

export { INTERRUPTED_MESSAGE, type LabServiceOptions } from './service-options';

/** The Lab: datasets, runs and their workers, metrics, events. */
export class LabService implements LabApi {
  private readonly events = new EventHub();
  private readonly datasets: DatasetSource;
  private readonly persistence: RunPersistence;
  private readonly registry: RunRegistry;
  private readonly workers: RunWorkers;
  private readonly weightsFiles: WeightsFiles;
  private readonly drawings: DrawingSet;

  constructor(private readonly options: LabServiceOptions = {}) {
    const warn = options.warn ?? ((m: string) => console.warn(m));
    this.datasets = new DatasetSource(options.datasetFolder);
    this.persistence = RunPersistence.choose(options, warn, (message) =>
      this.events.emit({ type: 'error', message }),
    );
    this.registry = new RunRegistry(this.persistence, this.events);
    this.workers = new RunWorkers({
      registry: this.registry,
      persistence: this.persistence,
      events: this.events,
      dataset: () => this.dataset(),
      wasmPath: options.wasmPath ?? defaultWasmPath(),
    });
    this.weightsFiles = new WeightsFiles(this.workers, options.chooseWeightsFile);
    this.drawings = new DrawingSet(options.drawingsFile ?? drawingsFileIn(options.dataDir), warn);
    this.registry.loadSaved();
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
    return this.registry.list();
  }

  async startRun(config: unknown, name?: unknown, language?: unknown): Promise<RunSummary> {
    this.persistence.assertWritable();
    const parsed = parseTrainConfig(config ?? {});
    if (!parsed.ok)
      throw new Error(messageText('invalidConfig', { detail: describeConfigErrors(parsed.errors) }));
    // No name (undefined, or null from JSON): the run's number in the caller's language.
    const runName =
      name === undefined || name === null
        ? this.registry.defaultName(argument(languageSchema, language ?? 'en', 'language'))
        : argument(nameSchema, name, 'run name');
    return this.addRun({ summary: newSummary(this.newRunId(), runName, parsed.config, 'trained') });
  }

  async pauseRun(runId: unknown): Promise<void> {
    sendTo(this.controllable(runId), { type: 'pause' });
  }

  async resumeRun(runId: unknown): Promise<void> {
    sendTo(this.controllable(runId), { type: 'resume' });
  }

  async stepRun(runId: unknown): Promise<void> {
    const entry = this.controllable(runId);
    sendTo(entry, { type: 'step' });
    // A step posts no state: an imported run that took one is now a paused run being trained further.
    if (entry.summary.state === 'imported') this.registry.setState(entry, 'paused');
  }

  async stopRun(runId: unknown): Promise<void> {
    sendTo(this.controllable(runId), { type: 'stop' });
  }

  async setLearningRate(runId: unknown, learningRate: unknown): Promise<void> {
    const value = argument(learningRateSchema, learningRate, 'learning rate');
    sendTo(this.controllable(runId), { type: 'set-learning-rate', value });
  }

  async renameRun(runId: unknown, name: unknown): Promise<RunSummary> {
    const entry = this.registry.get(runId);
    this.persistence.assertWritable();
    entry.summary.name = argument(nameSchema, name, 'run name');
    this.registry.updated(entry);
    return { ...entry.summary };
  }

  async deleteRun(runId: unknown): Promise<void> {
    const entry = this.registry.get(runId);
    this.persistence.assertWritable();
    this.registry.remove(entry);
    await this.workers.retire(entry);
    this.events.emit({ type: 'run-removed', runId: entry.summary.id });
  }

  async getRunMetrics(runId: unknown): Promise<RunMetrics> {
    return this.registry.get(runId).metrics.snapshot();
  }

  async predict(runId: unknown, pixels: unknown): Promise<Prediction> {
    const image = argument(pixelsSchema, pixels, 'pixels');
    const entry = this.registry.get(runId);
    return this.workers.request(entry, (requestId) => ({ type: 'predict', requestId, pixels: image }));
  }

  async getWeights(runId: unknown): Promise<WeightTensor[]> {
    return this.workers.weights(this.registry.get(runId));
  }

  async evaluateRun(runId: unknown): Promise<TestEvaluation> {
    const entry = this.registry.get(runId);
    const classified = await this.workers.request<Classified>(entry, (requestId) => ({
      type: 'classify-test',
      requestId,
    }));
    return { runId: entry.summary.id, ...classified };
  }

  // --- the personal test set -----------------------------------------------------------------

  listDrawings = async (): Promise<Drawing[]> => this.drawings.list();
  addDrawing = async (pixels: unknown, label: unknown): Promise<Drawing> => {
    this.persistence.assertWritable();
    return this.drawings.add(pixels, label);
  };
  deleteDrawing = async (drawingId: unknown): Promise<void> => {
    this.persistence.assertWritable();
    return this.drawings.remove(drawingId);
  };

  /** Every drawing classified by the run's worker in one request. */
  async evaluateDrawings(runId: unknown): Promise<TestEvaluation> {
    const entry = this.registry.get(runId);
    const images = this.drawings.images();
    const classified = await this.workers.request<Classified>(entry, (requestId) => ({
      type: 'classify-images',
      requestId,
      ...images,
    }));
    return { runId: entry.summary.id, ...classified };
  }

  // --- weights files -------------------------------------------------------------------------

  async exportWeights(runId: unknown, format: unknown): Promise<ExportedWeights> {
    return this.weightsFiles.export(this.registry.get(runId), format);
  }

  async openWeights(fileName: unknown, bytes: unknown): Promise<WeightsPreview> {
    return this.weightsFiles.open(fileName, bytes);
  }

  async chooseWeightsFile(): Promise<WeightsPreview | null> {
    return this.weightsFiles.choose();
  }

  async importWeights(pendingId: unknown, choices: unknown): Promise<RunSummary> {
    this.persistence.assertWritable();
    return this.addRun(this.weightsFiles.take(pendingId, choices, () => this.newRunId()));
  }

  // --- events and shutdown -------------------------------------------------------------------

  onEvent = (listener: (event: LabEvent) => void): (() => void) => this.events.on(listener);

  /** Ends every worker. The service is unusable afterwards. */
  async close(): Promise<void> {
    await Promise.all(this.registry.entries().map((entry) => this.workers.retire(entry)));
    this.events.clear();
    this.persistence.close();
  }

  /** Test hook: kills a run's worker thread as a crash would. */
  async __testKillWorker(runId: string): Promise<void> {
    await this.workers.kill(this.registry.get(runId));
  }

  // --- plumbing ------------------------------------------------------------------------------

  /** A new run's id, once MNIST is loaded (or has thrown): a run never exists without its dataset. */
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
        throw new Error(messageText('importNotSaved', { why: writeErrorReason(error) }));
      }
    }
    this.workers.start(entry, tensors);
    this.registry.announce(entry);
    return { ...summary };
  }

  /** A run that accepts training controls (validated id; an imported run's worker starts on demand). */
  private controllable(runId: unknown): RunEntry {
    const entry = this.registry.get(runId);
    this.persistence.assertWritable();
    return this.workers.controllable(entry);
  }
}
