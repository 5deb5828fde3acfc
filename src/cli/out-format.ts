/** `--out FILE`: the weights format its extension names (the export formats of src/shared/weights-formats.ts). */
import path from 'node:path';
import { EXPORT_FORMATS, type WeightsFormat } from '../shared/weights-formats';

/** The extensions --out accepts, each naming its format. */
export const OUT_EXTENSIONS: readonly string[] = EXPORT_FORMATS.map((format) => `.${format}`);

/** The format of `file` by its extension (case-insensitive), or null when it names none. */
export function outFormat(file: string): WeightsFormat | null {
  const ext = path.extname(file).toLowerCase();
  return EXPORT_FORMATS.find((format) => `.${format}` === ext) ?? null;
}
