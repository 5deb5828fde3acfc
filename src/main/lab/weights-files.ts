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
import type { ImportChoices } from '../../shared/api';
import { isPythonFormat, type WeightsFormat } from '../../shared/weights-formats';
import type { UiLanguage } from '../../shared/shell';
import type { DatasetInfo } from '../../shared/runs';
import { pythonArchitecture, pythonExportFile } from './python-export/index';
import { exportFileName, exportMeta, importedConfig } from './weights-import';
import { BOOK_CONVNET_PICKLE_PROTOCOL, convOnnx } from './conv-export';

/** The run to create from an imported file. */
export interface ImportedRun {
  summary: RunSummary;
  tensors: WeightTensor[];
}

/** Export and import of weights files. */
export class WeightsFiles {
  private readonly pending = new PendingWeights();

  /** `dataset` tells the Python exports where the run's MNIST is (MNIST_DIR's default). */
  constructor(
    private readonly workers: RunWorkers,
    private readonly dataset: () => DatasetInfo,
  ) {}

  /**
   * The run's current weights encoded as `chosen`, with a file name from the run's; for a notebook
   * or a training script, the run taken to Python with its prose in `language`.
   */
  async export(
    entry: RunEntry,
    chosen: WeightsFormat,
    language: UiLanguage = 'en',
  ): Promise<ExportedWeights> {
    const fileName = exportFileName(entry.summary.name, chosen);
    // An architecture the Python exports cannot write yet is refused before the worker is asked.
    if (isPythonFormat(chosen)) pythonArchitecture(entry.summary.config, chosen);
    const tensors = await this.workers.weights(entry);
    if (isPythonFormat(chosen)) {
      const input = {
        summary: entry.summary,
        metrics: entry.metrics.snapshot(),
        tensors,
        dataset: this.dataset(),
        language,
        fileName,
      };
      return { fileName, bytes: pythonExportFile(chosen, input) };
    }
    const { config } = entry.summary;
    if (config.arch !== 'mlp' && chosen === 'onnx') return { fileName, bytes: convOnnx(config, tensors) };
    // A CNN's pickle in the book's own protocol (4), as its params.pkl; an MLP's as sample_weight.pkl (3).
    const options = config.arch !== 'mlp' ? { pickleProtocol: BOOK_CONVNET_PICKLE_PROTOCOL } : {};
    const bytes = encodeWeights(chosen, tensors, exportMeta(entry.summary, entry.metrics.epochs), options);
    return { fileName, bytes };
  }

  /** Decodes and checks a file (off the main thread); nothing changes until take(). */
  open(fileName: string, bytes: Uint8Array): Promise<WeightsPreview> {
    return this.pending.open(fileName, bytes);
  }

  /** Takes an opened file out: the new run's summary (id from `newRunId`) and weights. */
  take(pendingId: string, choices: ImportChoices, newRunId: () => string): ImportedRun {
    const checked = this.pending.get(pendingId);
    const { activation, name, training } = choices;
    const config = importedConfig(checked, activation, training);
    const runName = name ?? checked.fileName.replace(/\.[^.]+$/, '');
    const summary = newSummary(newRunId(), runName, config, 'imported');
    this.pending.delete(pendingId);
    return { summary, tensors: checked.tensors };
  }
}
