/**
 * The directory of a zip archive (what an .npz is), read from both the central directory and each
 * entry's own local header, and trusted only where the two agree: every entry's compressed bytes
 * must lie inside the file, before the central directory, and apart from every other entry's (so
 * many entries cannot share one stream, and the compressed sizes add up to less than the file).
 * Stored (0) and deflated (8) entries; zip64 sizes and offsets; no encryption, one disk.
 */
import { NpyFormatError, bytesText } from './errors';
import { MAX_NPZ_ENTRIES } from './limits';
import { messageText } from '../shared/messages';

/** One entry, as checked: where its compressed bytes are and what size it declares inflated. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The entry's compressed bytes (a view into the archive). */
  data: Uint8Array;
  /** The inflated size the directory declares. */
  size: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const damaged = (cause: string): never => {
  throw new NpyFormatError(messageText('npzDamaged', { cause }));
};

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Reads a little-endian u64 as a number; anything past 2^53 is past any file too. */
const u64 = (view: DataView, at: number): number => Number(view.getBigUint64(at, true));

/** Sizes from a zip64 extra field (id 1): each field present only where the 32-bit one is 0xFFFFFFFF. */
function zip64Fields(
  view: DataView,
  extraStart: number,
  extraEnd: number,
  wanted: { size: boolean; compressed: boolean; offset: boolean },
): { size?: number; compressed?: number; offset?: number } {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const take = (want: boolean): number | undefined => {
        if (!want || field + 8 > at + 4 + length || field + 8 > extraEnd) return undefined;
        return u64(view, (field += 8) - 8);
      };
      const size = take(wanted.size);
      const compressed = take(wanted.compressed);
      const offset = take(wanted.offset);
      return { size, compressed, offset };
    }
    at += 4 + length;
  }
  return {};
}

/** Where the central directory is and how many entries it lists. */
function endOfDirectory(bytes: Uint8Array, view: DataView): { count: number; start: number; end: number } {
  let at = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return damaged('no end of central directory record');
  let count = view.getUint16(at + 10, true);
  let size = view.getUint32(at + 12, true);
  let start = view.getUint32(at + 16, true);
  let end = at;
  if ((count === 0xffff || size === MAX32 || start === MAX32) && at >= 20) {
    if (view.getUint32(at - 20, true) === ZIP64_LOCATOR) {
      const record = u64(view, at - 12);
      if (record + 56 > at || view.getUint32(record, true) !== ZIP64_EOCD)
        return damaged('a zip64 end record that is not where its locator says');
      count = u64(view, record + 32);
      size = u64(view, record + 40);
      start = u64(view, record + 48);
      end = record;
    }
  }
  if (start + size > end) return damaged('a central directory that runs past its end record');
  return { count, start, end: start + size };
}

/** Lists an archive's entries, each checked against its local header and against the others. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) return damaged('too short for a zip archive');
  const directory = endOfDirectory(bytes, view);
  if (directory.count > MAX_NPZ_ENTRIES)
    throw new NpyFormatError(
      messageText('npzTooManyEntries', { count: directory.count, max: MAX_NPZ_ENTRIES }),
    );
  const found: (ZipEntry & { offset: number; end: number })[] = [];
  const byOffset = new Map<number, string>();
  let at = directory.start;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > directory.end || view.getUint32(at, true) !== CENTRAL)
      return damaged(`central directory entry ${i + 1} is missing or cut short`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let offset = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > directory.end)
      return damaged(`central directory entry ${i + 1} runs past the directory`);
    const name = (flags & 0x800 ? utf8 : latin1).decode(bytes.subarray(at + 46, nameEnd));
    if (flags & 1) return damaged(`${name} is encrypted`);
    if (method !== 0 && method !== 8) return damaged(`${name} uses compression method ${method}`);
    const wide = zip64Fields(view, nameEnd, nameEnd + extraLength, {
      size: size === MAX32,
      compressed: compressed === MAX32,
      offset: offset === MAX32,
    });
    size = wide.size ?? size;
    compressed = wide.compressed ?? compressed;
    offset = wide.offset ?? offset;
    at = nameEnd + extraLength + commentLength;

    // Two records naming one local header share its stream: refused before anything is inflated.
    const earlier = byOffset.get(offset);
    if (earlier !== undefined)
      throw new NpyFormatError(messageText('npzOverlap', { first: earlier, second: name }));
    byOffset.set(offset, name);

    // The entry's own header: same name and method, same sizes unless they follow the data.
    if (offset + 30 > directory.start || view.getUint32(offset, true) !== LOCAL)
      return damaged(`the local header of ${name} is not where the directory says`);
    const localFlags = view.getUint16(offset + 6, true);
    const localNameLength = view.getUint16(offset + 26, true);
    const localExtraLength = view.getUint16(offset + 28, true);
    const dataStart = offset + 30 + localNameLength + localExtraLength;
    if (dataStart > directory.start) return damaged(`the local header of ${name} runs into the directory`);
    const localName = (localFlags & 0x800 ? utf8 : latin1).decode(
      bytes.subarray(offset + 30, offset + 30 + localNameLength),
    );
    if (localName !== name || view.getUint16(offset + 8, true) !== method)
      throw new NpyFormatError(messageText('npzHeadersDisagree', { name }));
    if (!(localFlags & 0x8)) {
      let localCompressed = view.getUint32(offset + 18, true);
      let localSize = view.getUint32(offset + 22, true);
      if (localCompressed === MAX32 || localSize === MAX32) {
        const localWide = zip64Fields(view, offset + 30 + localNameLength, dataStart, {
          size: localSize === MAX32,
          compressed: localCompressed === MAX32,
          offset: false,
        });
        localSize = localWide.size ?? localSize;
        localCompressed = localWide.compressed ?? localCompressed;
      }
      if (localCompressed !== compressed || localSize !== size)
        throw new NpyFormatError(messageText('npzHeadersDisagree', { name }));
    }
    const end = dataStart + compressed;
    if (end > directory.start)
      throw new NpyFormatError(messageText('npzEntryOutside', { name, size: bytesText(compressed) }));
    if (method === 0 && compressed !== size)
      throw new NpyFormatError(messageText('npzHeadersDisagree', { name }));
    found.push({ name, method, size, data: bytes.subarray(dataStart, end), offset, end });
  }
  // Entries may not share bytes: sorted by position, each must start after the previous one ends.
  const byPosition = [...found].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < byPosition.length; i++) {
    if (byPosition[i].offset < byPosition[i - 1].end)
      throw new NpyFormatError(
        messageText('npzOverlap', { first: byPosition[i - 1].name, second: byPosition[i].name }),
      );
  }
  return found.map(({ name, method, size, data }) => ({ name, method, size, data }));
}
