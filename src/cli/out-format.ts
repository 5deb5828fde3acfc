/** `--out FILE`: the weights format its extension names. */
import path from 'node:path';
import type { WeightsFormat } from '../shared/api';

/** The extensions --out accepts, each naming its format. */
export const OUT_EXTENSIONS = ['.npz', '.pkl', '.json', '.onnx'] as const;

/** The format of `file` by its extension (case-insensitive), or null when it names none. */
export function outFormat(file: string): WeightsFormat | null {
  const ext = path.extname(file).toLowerCase();
  return (OUT_EXTENSIONS as readonly string[]).includes(ext) ? (ext.slice(1) as WeightsFormat) : null;
}
