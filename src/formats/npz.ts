/**
 * NumPy's .npz: a zip of .npy files, one per array (np.savez names them W1.npy, b1.npy, ...).
 * Read with fflate; each entry's declared size is checked against what its compressed bytes
 * can hold (deflate expands at most ~1032x) before fflate allocates it.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { NpyFormatError, bytesText } from './errors';
import { type NdArray } from './ndarray';
import { readNpy, writeNpy, type NpyArray } from './npy';
import { messageText } from '../shared/messages';

/** Deflate's maximum expansion ratio, plus slack for tiny entries. */
const MAX_DEFLATE_RATIO = 1032;

/** Reads every array of an .npz, keyed by name without '.npy', in archive order. */
export function readNpz(bytes: Uint8Array): Map<string, NdArray> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new NpyFormatError(messageText('notZip'));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        const limit = file.compression === 0 ? file.size : file.size * MAX_DEFLATE_RATIO + 1024;
        if (file.originalSize > limit) {
          throw new NpyFormatError(
            `The .npz entry ${file.name} declares ${bytesText(file.originalSize)}, more than its ${bytesText(file.size)} of compressed data can hold.`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof NpyFormatError) throw error;
    throw new NpyFormatError(messageText('npzDamaged', { cause: (error as Error).message }));
  }
  const out = new Map<string, NdArray>();
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    if (!name.endsWith('.npy')) throw new NpyFormatError(messageText('npzNotNpy', { name }));
    try {
      out.set(name.slice(0, -4), readNpy(data));
    } catch (error) {
      throw new NpyFormatError(messageText('npzEntry', { name, detail: (error as Error).message }));
    }
  }
  if (out.size === 0) throw new NpyFormatError(messageText('npzNoArrays'));
  return out;
}

/** Writes arrays as an .npz (like np.savez, or np.savez_compressed with `compress`). */
export function writeNpz(
  arrays: readonly (NpyArray & { name: string })[],
  options: { compress?: boolean } = {},
): Uint8Array {
  const entries: Zippable = {};
  for (const array of arrays) entries[`${array.name}.npy`] = writeNpy(array);
  return zipSync(entries, { level: options.compress ? 6 : 0 });
}
