/** What a notebook or a training script is written from: one run, as the service holds it. */
import type { UiLanguage } from '../../../shared/shell';
import type { DatasetInfo, RunMetrics, RunSummary, WeightTensor } from '../../../shared/runs';

export interface PythonExportInput {
  summary: RunSummary;
  metrics: RunMetrics;
  /** The run's current weights (W1, b1, ...). */
  tensors: WeightTensor[];
  /** The MNIST the run trained on (its folder becomes MNIST_DIR's default). */
  dataset: DatasetInfo;
  /** The language of the prose (the UI's). */
  language: UiLanguage;
  /** The file's suggested name ("Run-3.py"), for the script's "run it with" line. */
  fileName: string;
}
