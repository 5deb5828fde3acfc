/**
 * A run's weights as files: export encodes the run's current weights in the chosen format; import
 * is two steps, open (decode and check, kept under a pending id while the user answers the
 * activation question) and import (the summary and weights of the new, paused run).
 */
import { encodeWeights } from '../../formats/index';
import type { ExportedWeights, WeightsPreview } from '../../shared/api';
import type { RunSummary, WeightTensor } from '../../shared/runs';
import { PendingWeights } from './pending-weights';
import { newSummary, type RunEntry } from './run-entry';
import type { RunWorkers } from './run-workers';
import { argument, exportFormatSchema, importChoicesSchema } from './validate';
import { exportFileName, exportMeta, importedConfig } from './weights-import';

/** A weights file read from the user's disk by main (a dialog). */
export type ChooseWeightsFile = () => Promise<{ fileName: string; bytes: Uint8Array } | null>;

/** The run to create from an imported file. */
export interface ImportedRun {
  summary: RunSummary;
  tensors: WeightTensor[];
}

/** Export and import of weights files. */
export class WeightsFiles {
  private readonly pending = new PendingWeights();

  constructor(
    private readonly workers: RunWorkers,
    private readonly chooseFile?: ChooseWeightsFile,
  ) {}

  /** The run's current weights encoded as `format` (validated), with a file name from the run's. */
  async export(entry: RunEntry, format: unknown): Promise<ExportedWeights> {
    const chosen = argument(exportFormatSchema, format, 'weights format');
    const tensors = await this.workers.weights(entry);
    const bytes = encodeWeights(chosen, tensors, exportMeta(entry.summary, entry.metrics.epochs));
    return { fileName: exportFileName(entry.summary.name, chosen), bytes };
  }

  /** Decodes and checks a file; nothing changes until take(). */
  open(fileName: unknown, bytes: unknown): WeightsPreview {
    return this.pending.open(fileName, bytes);
  }

  /** Asks main's dialog for a file and opens it; null when cancelled or there is no dialog. */
  async choose(): Promise<WeightsPreview | null> {
    const file = await this.chooseFile?.();
    return file ? this.open(file.fileName, file.bytes) : null;
  }

  /** Takes an opened file out: the new run's summary (id from `newRunId`) and weights. */
  take(pendingId: unknown, choices: unknown, newRunId: () => string): ImportedRun {
    const checked = this.pending.get(pendingId);
    const { activation, name, training } = argument(importChoicesSchema, choices, 'import choices');
    const config = importedConfig(checked, activation, training);
    const runName = name ?? checked.fileName.replace(/\.[^.]+$/, '');
    const summary = newSummary(newRunId(), runName, config, 'imported');
    this.pending.delete(pendingId as string);
    return { summary, tensors: checked.tensors };
  }
}
