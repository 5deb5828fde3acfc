/**
 * Where runs are kept: in memory (MemoryRunStore, the CLI and tests) or on disk (FileRunStore in
 * run-files.ts, the app). The service saves the summary and metrics on every change, the weights at
 * every evaluation point and at the end, and removes a run's record when it is deleted.
 */
import type { RunSummary, WeightTensor } from '../../shared/runs';
import type { MetricsRecorder } from './metrics';

/** What a store keeps per run. */
export interface RunRecord {
  summary: RunSummary;
  metrics: MetricsRecorder;
}

/** The seam for persistence. */
export interface RunStore {
  save(record: RunRecord): void;
  /** The run's weights as of now (an epoch, the end, an import). */
  saveWeights(record: RunRecord, tensors: WeightTensor[]): void;
  /** The last saved weights, or null when none were saved. Throws when they cannot be read. */
  loadWeights(runId: string): WeightTensor[] | null;
  remove(runId: string): void;
  /** Every saved run, oldest first. */
  list(): RunRecord[];
}

/** Keeps runs for the life of the process. */
export class MemoryRunStore implements RunStore {
  private readonly records = new Map<string, RunRecord>();
  private readonly weights = new Map<string, WeightTensor[]>();

  save(record: RunRecord): void {
    this.records.set(record.summary.id, record);
  }

  saveWeights(record: RunRecord, tensors: WeightTensor[]): void {
    this.weights.set(record.summary.id, tensors);
  }

  loadWeights(runId: string): WeightTensor[] | null {
    return this.weights.get(runId) ?? null;
  }

  remove(runId: string): void {
    this.records.delete(runId);
    this.weights.delete(runId);
  }

  list(): RunRecord[] {
    return [...this.records.values()];
  }
}
