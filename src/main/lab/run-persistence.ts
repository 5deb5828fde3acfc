/**
 * Saving runs: the service's side of the RunStore (run-store.ts). The summary and metrics are saved
 * on every change, the weights at every evaluation point and at the end (as the worker sends
 * them); a failed write is a warning, never a crash, so training goes on.
 */
import type { WeightTensor } from '../../shared/runs';
import type { RunEntry } from './run-entry';
import { FileRunStore } from './run-files';
import { MemoryRunStore, type RunRecord, type RunStore } from './run-store';

/** Where runs are saved, and what a failed save says. */
export class RunPersistence {
  constructor(
    private readonly store: RunStore,
    private readonly warn: (message: string) => void,
  ) {}

  /** The given store, else files in `dataDir`, else memory only. */
  static choose(
    options: { store?: RunStore; dataDir?: string },
    warn: (message: string) => void,
  ): RunPersistence {
    const store =
      options.store ?? (options.dataDir ? new FileRunStore(options.dataDir, warn) : new MemoryRunStore());
    return new RunPersistence(store, warn);
  }

  /** Every saved run, oldest first. */
  saved(): RunRecord[] {
    return this.store.list();
  }

  /** Saves the run's summary and metrics; a failed write is a warning. */
  save(entry: RunEntry): void {
    try {
      this.store.save(record(entry));
    } catch (error) {
      this.warn(`Could not save ${entry.summary.name}: ${(error as Error).message}`);
    }
  }

  /** Saves the run's weights; throws when they cannot be written (an import must say so). */
  saveWeights(entry: RunEntry, tensors: WeightTensor[]): void {
    this.store.saveWeights(record(entry), tensors);
  }

  /** Saves a training run's weights; a failed write is a warning and training goes on. */
  saveWeightsOrWarn(entry: RunEntry, tensors: WeightTensor[]): void {
    try {
      this.saveWeights(entry, tensors);
    } catch (error) {
      this.warn(`Could not save the weights of ${entry.summary.name}: ${(error as Error).message}`);
    }
  }

  /** The run's last saved weights, or null when none were saved; throws when they cannot be read. */
  loadWeights(runId: string): WeightTensor[] | null {
    return this.store.loadWeights(runId);
  }

  /** Forgets the run and its files. */
  remove(runId: string): void {
    this.store.remove(runId);
  }
}

/** What the store keeps of a run: a copy of its summary, and its metrics. */
function record(entry: RunEntry): RunRecord {
  return { summary: { ...entry.summary }, metrics: entry.metrics };
}
