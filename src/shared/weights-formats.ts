/**
 * The formats a run's weights export to, declared once: the LabApi's schema, the Export menu, the
 * save dialog's filters and the CLI's `--out` extensions all derive from this list (ONNX is
 * export-only; reading also knows .npy, see src/formats/weights.ts).
 */
import { z } from 'zod';

/** Each export format, in menu order, with its Export menu label key. */
export const EXPORT_FORMAT_INFO = {
  npz: { menuKey: 'runs.exportNpz' },
  pkl: { menuKey: 'runs.exportPkl' },
  json: { menuKey: 'runs.exportJson' },
  onnx: { menuKey: 'runs.exportOnnx' },
} as const;

/** A format weights export to; also the file extension (without the dot). */
export type WeightsFormat = keyof typeof EXPORT_FORMAT_INFO;

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
