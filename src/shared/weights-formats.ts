/**
 * The formats a run exports to, declared once: the LabApi's schema, the Export menu, the save
 * dialog's filters and the CLI's `--out` extensions all derive from this list. Four are the weights
 * themselves (ONNX is export-only; reading also knows .npy, see src/formats/weights.ts); two take
 * the run to Python: a Jupyter notebook with the weights, metrics and plots, and a NumPy training
 * script (src/main/lab/python-export).
 */
import { z } from 'zod';

/**
 * Each export format, in menu order: its Export menu label key, its save dialog's title key, and
 * what it holds.
 */
export const EXPORT_FORMAT_INFO = {
  npz: { menuKey: 'runs.exportNpz', titleKey: 'menu.exportWeightsTitle', holds: 'weights' },
  pkl: { menuKey: 'runs.exportPkl', titleKey: 'menu.exportWeightsTitle', holds: 'weights' },
  json: { menuKey: 'runs.exportJson', titleKey: 'menu.exportWeightsTitle', holds: 'weights' },
  onnx: { menuKey: 'runs.exportOnnx', titleKey: 'menu.exportWeightsTitle', holds: 'weights' },
  ipynb: { menuKey: 'runs.exportIpynb', titleKey: 'menu.exportNotebookTitle', holds: 'python' },
  py: { menuKey: 'runs.exportPy', titleKey: 'menu.exportScriptTitle', holds: 'python' },
} as const;

/** A format a run exports to; also the file extension (without the dot). */
export type WeightsFormat = keyof typeof EXPORT_FORMAT_INFO;

/** The formats that take a run to Python (a notebook, a training script), written by src/main/lab/python-export. */
export type PythonFormat = {
  [F in WeightsFormat]: (typeof EXPORT_FORMAT_INFO)[F]['holds'] extends 'python' ? F : never;
}[WeightsFormat];

/** True for the formats that take a run to Python rather than encode its weights. */
export function isPythonFormat(format: WeightsFormat): format is PythonFormat {
  return EXPORT_FORMAT_INFO[format].holds === 'python';
}

/** The export formats in menu order. */
export const EXPORT_FORMATS = Object.keys(EXPORT_FORMAT_INFO) as WeightsFormat[];

/** exportWeights' format argument. */
export const exportFormatSchema = z
  .enum(EXPORT_FORMATS as [WeightsFormat, ...WeightsFormat[]])
  .describe('weights format');

/** The export format a file name's extension names (case-insensitive; `.pickle` is the pickle too), or null. */
export function exportFormatOfFile(fileName: string): WeightsFormat | null {
  const dot = fileName.lastIndexOf('.');
  const ext = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  if (ext === 'pickle') return 'pkl';
  return EXPORT_FORMATS.find((format) => format === ext) ?? null;
}
