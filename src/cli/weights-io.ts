/**
 * Weights files for the CLI, through src/formats: our JSON, the book's pickle (.pkl), NumPy .npz.
 * Files are written atomically (temp file + rename), so a crash never leaves half a file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { decodeWeights, detectWeightsFormat, encodeWeights } from '../formats/index';
import type { DecodedWeights } from '../formats/index';
import { describeWriteError, writeFileAtomic } from '../main/lab/atomic-file';
import type { TrainConfig } from '../shared/hyperparams';
import type { WeightTensor } from '../shared/runs';
import { OUT_EXTENSIONS, outFormat } from './out-format';

export { writeFileAtomic };

/** Saves a run's tensors in the format the extension names (.npz, .pkl, .json, .onnx); returns a line for the user. */
export function saveWeights(file: string, tensors: WeightTensor[], config: TrainConfig, inputSize: number): string {
  const format = outFormat(file);
  if (!format) throw new Error(`${file}: unknown weights file extension; choose one of ${OUT_EXTENSIONS.join(', ')}.`);
  const architecture = { inputSize, hidden: config.hidden, outputSize: 10, activation: config.activation, batchNorm: config.batchNorm };
  try {
    writeFileAtomic(file, encodeWeights(format, tensors, { architecture, config: { ...config }, seed: config.seed }));
  } catch (error) {
    throw new Error(describeWriteError(file, error));
  }
  return `weights saved to ${file} as ${format} (${tensors.map((t) => `${t.name} (${t.shape.join(',')})`).join(', ')})`;
}

/** Reads a weights file of any format src/formats decodes; readable errors for a missing or unknown file. */
export function readWeights(file: string): DecodedWeights {
  if (!existsSync(file)) throw new Error(`No such weights file: ${file}`);
  const bytes = new Uint8Array(readFileSync(file));
  detectWeightsFormat(bytes, file); // throws "Cannot tell what kind of weights file ..."
  return decodeWeights(bytes, file);
}
