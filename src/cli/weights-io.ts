/**
 * Weights files for the CLI, through src/formats: our JSON, the book's pickle (.pkl), NumPy .npz.
 * Files are written atomically (temp file + rename), so a crash never leaves half a file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWeights, detectWeightsFormat, encodeWeights } from '../formats/index';
import type { DecodedWeights } from '../formats/index';
import type { TrainConfig } from '../shared/hyperparams';
import type { WeightTensor } from '../shared/runs';

/** Writes bytes to a temp file beside `file`, then renames it over. */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/** Saves a run's tensors in the format the extension names (.json by default); returns a line for the user. */
export function saveWeights(file: string, tensors: WeightTensor[], config: TrainConfig, inputSize: number): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  const format = ext === 'pkl' || ext === 'npz' || ext === 'onnx' ? ext : 'json';
  const architecture = { inputSize, hidden: config.hidden, outputSize: 10, activation: config.activation, batchNorm: config.batchNorm };
  writeFileAtomic(file, encodeWeights(format, tensors, { architecture, config: { ...config }, seed: config.seed }));
  return `weights saved to ${file} as ${format} (${tensors.map((t) => `${t.name} (${t.shape.join(',')})`).join(', ')})`;
}

/** Reads a weights file of any format src/formats decodes; readable errors for a missing or unknown file. */
export function readWeights(file: string): DecodedWeights {
  if (!existsSync(file)) throw new Error(`No such weights file: ${file}`);
  const bytes = new Uint8Array(readFileSync(file));
  detectWeightsFormat(bytes, file); // throws "Cannot tell what kind of weights file ..."
  return decodeWeights(bytes, file);
}
