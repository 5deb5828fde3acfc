/**
 * Where runs are kept. For now in memory; saving runs to disk (config, metrics, weights, written
 * atomically) is a later issue and plugs in here as another RunStore.
 */
import type { RunSummary } from '../../shared/runs';
import type { MetricsRecorder } from './metrics';

/** What a store keeps per run. */
export interface RunRecord {
  summary: RunSummary;
  metrics: MetricsRecorder;
}

/** The seam for persistence: the service saves on every change and removes on delete. */
export interface RunStore {
  save(record: RunRecord): void;
  remove(runId: string): void;
  list(): RunRecord[];
}

/** Keeps runs for the life of the process. */
export class MemoryRunStore implements RunStore {
  private readonly records = new Map<string, RunRecord>();

  save(record: RunRecord): void {
    this.records.set(record.summary.id, record);
  }

  remove(runId: string): void {
    this.records.delete(runId);
  }

  list(): RunRecord[] {
    return [...this.records.values()];
  }
}
