/**
 * Weights files for the CLI: the book's pickle (.pkl) and NumPy .npz through src/formats; our JSON
 * once the formats module provides its encoder/decoder. Files are written atomically.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toFloat32 } from '../formats/ndarray';
import { readNpz, writeNpz } from '../formats/npz';
import { readPickledTensors } from '../formats/pickle';
import { writePickledArrays } from '../formats/pickle-writer';
import type { TrainConfig } from '../shared/hyperparams';
import type { WeightTensor } from '../shared/runs';

/** What a saved file records besides the tensors. */
export interface WeightsMeta {
  config?: TrainConfig;
  testAccuracy?: number;
}

/** Writes bytes to a temp file beside `file`, then renames it over, so a crash never leaves half a file. */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/** Saves tensors in the format the extension names (.pkl, .npz, .json); returns a line for the user. */
export function saveWeights(file: string, tensors: WeightTensor[], meta: WeightsMeta): string {
  const ext = path.extname(file).toLowerCase();
  let bytes: Uint8Array;
  if (ext === '.pkl') bytes = writePickledArrays(tensors, { protocol: 3 });
  else if (ext === '.npz') bytes = writeNpz(tensors.map((t) => ({ name: t.name, shape: t.shape, data: t.data })));
  else if (ext === '.json') bytes = new TextEncoder().encode(JSON.stringify(weightsJson(tensors, meta)));
  else throw new Error(`Cannot save weights as '${ext || file}': use a .json, .pkl or .npz file name.`);
  writeFileAtomic(file, bytes);
  return `weights saved to ${file} (${tensors.map((t) => `${t.name} (${t.shape.join(',')})`).join(', ')})`;
}

/** A plain JSON document: { format, tensors: [{ name, shape, data: number[] }], meta }. */
function weightsJson(tensors: WeightTensor[], meta: WeightsMeta) {
  return {
    format: 'mnist-lab-weights',
    version: 1,
    meta,
    tensors: tensors.map((t) => ({ name: t.name, shape: t.shape, data: Array.from(t.data) })),
  };
}

/** Reads a weights file (.pkl, .npz, or our .json) as float32 tensors in file order. */
export function readWeights(file: string): WeightTensor[] {
  if (!existsSync(file)) throw new Error(`No such weights file: ${file}`);
  const bytes = new Uint8Array(readFileSync(file));
  const ext = path.extname(file).toLowerCase();
  if (ext === '.pkl') return readPickledTensors(bytes);
  if (ext === '.npz') return [...readNpz(bytes)].map(([name, a]) => ({ name, shape: a.shape, data: toFloat32(a) }));
  if (ext === '.json') return readWeightsJson(bytes, file);
  throw new Error(`Unknown weights format '${ext || path.basename(file)}': expected .json (ours), .pkl (the book's pickle) or .npz.`);
}

function readWeightsJson(bytes: Uint8Array, file: string): WeightTensor[] {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const tensors = (doc as { tensors?: unknown }).tensors;
  if (!Array.isArray(tensors)) throw new Error(`${file} has no "tensors" list.`);
  return tensors.map((t: { name?: unknown; shape?: unknown; data?: unknown }, i) => {
    if (typeof t.name !== 'string' || !Array.isArray(t.shape) || !Array.isArray(t.data)) {
      throw new Error(`${file}: tensor ${i} needs a name, a shape and data.`);
    }
    return { name: t.name, shape: t.shape.map(Number), data: Float32Array.from(t.data.map(Number)) };
  });
}
