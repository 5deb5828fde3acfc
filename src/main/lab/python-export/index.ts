/**
 * A run taken to Python: a Jupyter notebook (.ipynb) or a NumPy training script (.py), the two
 * Python formats of src/shared/weights-formats.ts. Pure: the service gathers the run's summary,
 * metrics, weights and dataset, this writes the file's bytes.
 */
import type { PythonFormat } from '../../../shared/weights-formats';
import type { PythonExportInput } from './export-input';
import { notebookFile } from './notebook';
import { trainingScriptFile } from './script';

export type { PythonExportInput } from './export-input';
export { PYTHON_ARCHITECTURES, architectureName, pythonArchitecture } from './architecture';

/** The writers, one per Python format. */
const WRITERS: Record<PythonFormat, (input: PythonExportInput) => Uint8Array> = {
  ipynb: notebookFile,
  py: trainingScriptFile,
};

/** The file of `format` for one run. */
export function pythonExportFile(format: PythonFormat, input: PythonExportInput): Uint8Array {
  return WRITERS[format](input);
}
