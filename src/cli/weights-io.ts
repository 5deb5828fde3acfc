/**
 * Weights files for the CLI, through src/formats: our JSON, the book's pickle (.pkl), NumPy .npz,
 * ONNX. Saving goes through the Lab service's own export (the same bytes the app's Export writes:
 * JSON with architecture, config, seed and metrics), written atomically (temp file + rename), so a
 * crash never leaves half a file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { decodeWeights, detectWeightsFormat } from '../formats/index';
import type { DecodedWeights } from '../formats/index';
import { describeWriteError, writeFileAtomic } from '../main/lab/atomic-file';
import type { LabApi } from '../shared/api';
import type { UiLanguage } from '../shared/shell';
import { OUT_EXTENSIONS, outFormat } from './out-format';

export { writeFileAtomic };

/**
 * Saves run `runId` in the format the extension names (weights as .npz, .pkl, .json, .onnx; a
 * notebook .ipynb or a training script .py, its prose in `language`); returns a line for the user.
 */
export async function saveRunWeights(
  lab: Pick<LabApi, 'exportWeights'>,
  runId: string,
  file: string,
  language: UiLanguage = 'en',
): Promise<string> {
  const format = outFormat(file);
  if (!format)
    throw new Error(`${file}: unknown export file extension; choose one of ${OUT_EXTENSIONS.join(', ')}.`);
  const exported = await lab.exportWeights(runId, format, language);
  if (!exported?.bytes) throw new Error('The weights could not be encoded.');
  try {
    writeFileAtomic(file, exported.bytes);
  } catch (error) {
    throw describeWriteError(file, error);
  }
  const what = format === 'ipynb' ? 'notebook' : format === 'py' ? 'training script' : 'weights';
  return `${what} saved to ${file} as ${format} (${exported.bytes.length} bytes)`;
}

/** Reads a weights file of any format src/formats decodes; readable errors for a missing or unknown file. */
export function readWeights(file: string): DecodedWeights {
  if (!existsSync(file)) throw new Error(`No such weights file: ${file}`);
  const bytes = new Uint8Array(readFileSync(file));
  detectWeightsFormat(bytes, file); // throws "Cannot tell what kind of weights file ..."
  return decodeWeights(bytes, file);
}
