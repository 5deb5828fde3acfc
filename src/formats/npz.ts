/**
 * NumPy's .npz: a zip of .npy files, one per array (np.savez names them W1.npy, b1.npy, ...).
 * The directory is read by zip.ts, which checks it against each entry's local header and refuses
 * entries that share bytes. Deflated entries are inflated step by step (inflate.ts): each .npy's
 * header is read from its first bytes, its declared size checked against the directory and against
 * what one weights file may hold in all (MAX_ARRAY_BYTES), and the inflating stops as soon as the
 * output passes what the header declared. Memory stays in proportion to the arrays the file really holds.
 */
import { zipSync, type Zippable } from 'fflate';
import { FormatError, NpyFormatError, bytesText } from './errors';
import { inflateInSteps } from './inflate';
import { MAX_ARRAY_BYTES } from './limits';
import { type NdArray } from './ndarray';
import { readNpy, readNpyLayout, writeNpy, type NpyArray } from './npy';
import { readZipDirectory, type ZipEntry } from './zip';
import { message, toLabMessage } from '../shared/messages';

/** The whole .npy of a deflated entry, inflated within `budget` bytes of array data. */
function inflateEntry(entry: ZipEntry, budget: { left: number }): Uint8Array {
  let head = new Uint8Array(0); // the first bytes, until the header is complete
  let out: Uint8Array | null = null;
  let filled = 0;
  const refuse = (inflated: number, expected: number): never => {
    throw new NpyFormatError(
      message('npzInflatesTooMuch', {
        name: entry.name,
        expected: bytesText(expected),
        more: bytesText(inflated),
      }),
    );
  };
  try {
    inflateInSteps(entry.data, (chunk) => {
      if (out === null) {
        const joined = new Uint8Array(head.length + chunk.length);
        joined.set(head);
        joined.set(chunk, head.length);
        const layout = readNpyLayout(joined);
        if (layout === null) {
          if (joined.length > entry.size) refuse(joined.length, entry.size);
          head = joined;
          return;
        }
        const total = layout.dataStart + layout.dataBytes;
        if (total !== entry.size)
          throw new NpyFormatError(
            message('npzSizeMismatch', {
              name: entry.name,
              declared: bytesText(entry.size),
              needs: bytesText(total),
            }),
          );
        if (layout.dataBytes > budget.left)
          throw new NpyFormatError(message('npzArraysTooBig', { max: bytesText(MAX_ARRAY_BYTES) }));
        budget.left -= layout.dataBytes;
        out = new Uint8Array(total);
        head = new Uint8Array(0);
        chunk = joined;
      }
      if (filled + chunk.length > out.length) refuse(filled + chunk.length, out.length);
      out.set(chunk, filled);
      filled += chunk.length;
    });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new NpyFormatError(message('npzDamaged', { cause: (error as Error).message }));
  }
  // A stream that ends early leaves the array short: readNpy names what is missing.
  return out === null ? head : (out as Uint8Array).subarray(0, filled);
}

/** Reads every array of an .npz, keyed by name without '.npy', in archive order. */
export function readNpz(bytes: Uint8Array): Map<string, NdArray> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new NpyFormatError(message('notZip'));
  const entries = readZipDirectory(bytes);
  const budget = { left: MAX_ARRAY_BYTES };
  const out = new Map<string, NdArray>();
  for (const entry of entries) {
    const { name } = entry;
    if (name.endsWith('/')) continue;
    if (!name.endsWith('.npy')) throw new NpyFormatError(message('npzNotNpy', { name }));
    try {
      if (entry.method === 0) {
        const layout = readNpyLayout(entry.data);
        if (layout && layout.dataBytes > budget.left)
          throw new NpyFormatError(message('npzArraysTooBig', { max: bytesText(MAX_ARRAY_BYTES) }));
        if (layout) budget.left -= layout.dataBytes;
      }
      const data = entry.method === 0 ? entry.data : inflateEntry(entry, budget);
      out.set(name.slice(0, -4), readNpy(data));
    } catch (error) {
      throw new NpyFormatError(message('npzEntry', { name, detail: toLabMessage(error) }));
    }
  }
  if (out.size === 0) throw new NpyFormatError(message('npzNoArrays'));
  return out;
}

/** Writes arrays as an .npz (like np.savez, or np.savez_compressed with `compress`). */
export function writeNpz(
  arrays: readonly (NpyArray & { name: string })[],
  options: { compress?: boolean } = {},
): Uint8Array {
  const entries: Zippable = {};
  for (const array of arrays) entries[`${array.name}.npy`] = writeNpy(array);
  // A fixed date (the zip format's earliest, 1980-01-01): the same weights always give the same bytes.
  return zipSync(entries, { level: options.compress ? 6 : 0, mtime: new Date(1980, 0, 1, 0, 0, 0) });
}
