/**
 * IDX, the MNIST file format (http://yann.lecun.com/exdb/mnist/): a big-endian header
 *   magic = 0x00 0x00 <type> <ndim>, then ndim uint32 sizes, then the data, row-major.
 * Labels are 0x00000801 (1 dim: N), images 0x00000803 (3 dims: N, rows, cols); type 0x08 = uint8.
 * Gzipped files (as downloaded, *.gz) are unpacked transparently.
 */
import { FormatError, IdxFormatError, bytesText } from './errors';
import { gunzipInSteps } from './inflate';
import { MAX_DATASET_IMAGES, MAX_IDX_BYTES, MAX_IMAGE_PIXELS } from './limits';
import { message } from '../shared/messages';

/** A parsed IDX file: its dimensions and its bytes (a view into the input when not gzipped). */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** MNIST images with their labels, checked to agree. images (count, rows·cols) uint8, labels (count). */
export interface MnistPair {
  count: number;
  rows: number;
  cols: number;
  images: Uint8Array;
  labels: Uint8Array;
}

const IDX_TYPES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'short (16-bit)',
  0x0c: 'int (32-bit)',
  0x0d: 'float (32-bit)',
  0x0e: 'double (64-bit)',
};

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Deflate expands data at most ~1032x; a larger declared size is a corrupt or hostile file. */
const MAX_DEFLATE_RATIO = 1032;

function gunzip(bytes: Uint8Array): Uint8Array {
  // The size the gzip trailer declares (ISIZE, last 4 bytes) is checked first: a cheap refusal.
  const declared =
    bytes.length >= 18
      ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.length - 4, true)
      : 0;
  if (declared > bytes.length * MAX_DEFLATE_RATIO) {
    throw new IdxFormatError(
      message('idxGzipDeclares', { declared: bytesText(declared), size: bytesText(bytes.length) }),
    );
  }
  // Unpacked step by step: the IDX header comes first, and nothing past the size it declares is kept.
  let head = new Uint8Array(0);
  let out: Uint8Array | null = null;
  let filled = 0;
  try {
    gunzipInSteps(bytes, (chunk) => {
      if (out === null) {
        const joined = new Uint8Array(head.length + chunk.length);
        joined.set(head);
        joined.set(chunk, head.length);
        const total = idxTotalSize(joined);
        if (total === null) {
          head = joined;
          return;
        }
        out = new Uint8Array(total);
        chunk = joined;
      }
      if (filled + chunk.length > out.length)
        throw new IdxFormatError(message('idxGzipTooLong', { size: bytesText(out.length) }));
      out.set(chunk, filled);
      filled += chunk.length;
    });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new IdxFormatError(message('idxGzipBroken', { cause: (error as Error).message }));
  }
  return out === null ? head : (out as Uint8Array).subarray(0, filled);
}

/** The size of a whole IDX file from its first bytes (null until the header is all there); refuses sizes over MAX_IDX_BYTES. */
function idxTotalSize(prefix: Uint8Array): number | null {
  if (prefix.length < 4) return null;
  const ndim = prefix[3];
  if (prefix[0] !== 0 || prefix[1] !== 0 || ndim === 0)
    throw new IdxFormatError(
      message('idxMagic', { magic: hex(new DataView(prefix.buffer, prefix.byteOffset).getUint32(0)) }),
    );
  const headerSize = 4 + 4 * ndim;
  if (prefix.length < headerSize) return null;
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  let declared = 1;
  for (let d = 0; d < ndim; d++) declared *= view.getUint32(4 + 4 * d);
  checkIdxSize(declared);
  return headerSize + declared;
}

function checkIdxSize(declared: number): void {
  if (declared > MAX_IDX_BYTES)
    throw new IdxFormatError(
      message('idxTooBig', { size: bytesText(declared), max: bytesText(MAX_IDX_BYTES) }),
    );
}

const hex = (n: number) => '0x' + n.toString(16).padStart(8, '0');

/** Parses an unsigned-byte IDX file (raw or gzipped); `expectedDims` checks the number of dimensions. */
export function parseIdx(input: Uint8Array, expectedDims?: number): IdxArray {
  const bytes = isGzip(input) ? gunzip(input) : input;
  if (bytes.length < 4) {
    throw new IdxFormatError(message('idxTooShort', { size: bytesText(bytes.length) }));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const type = bytes[2];
  const ndim = bytes[3];
  if (bytes[0] !== 0 || bytes[1] !== 0 || ndim === 0) {
    throw new IdxFormatError(message('idxMagic', { magic: hex(magic) }));
  }
  if (type !== 0x08) {
    const code = `0x${type.toString(16).padStart(2, '0')}`;
    const name = IDX_TYPES[type];
    throw new IdxFormatError(
      message('idxType', { type: name ? `${code} (${name})` : code, magic: hex(magic) }),
    );
  }
  if (expectedDims !== undefined && ndim !== expectedDims) {
    throw new IdxFormatError(
      message('idxDims', {
        ndim,
        magic: hex(magic),
        expected: expectedDims,
        expectedMagic: hex(0x800 + expectedDims),
      }),
    );
  }
  const headerSize = 4 + 4 * ndim;
  if (bytes.length < headerSize) {
    throw new IdxFormatError(
      message('idxHeaderTruncated', { ndim, needs: bytesText(headerSize), size: bytesText(bytes.length) }),
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < ndim; d++) dims.push(view.getUint32(4 + 4 * d));
  // Product of the declared sizes, checked against what is present before anything is allocated.
  const declared = dims.reduce((a, b) => a * b, 1);
  const present = bytes.length - headerSize;
  if (declared > present) {
    throw new IdxFormatError(
      message('idxTruncated', {
        dims: dims.join(' x '),
        declared: bytesText(declared),
        present: bytesText(present),
      }),
    );
  }
  if (declared < present) {
    throw new IdxFormatError(
      message('idxTrailing', { extra: bytesText(present - declared), dims: dims.join(' x ') }),
    );
  }
  checkIdxSize(declared);
  return { dims, data: bytes.subarray(headerSize, headerSize + declared) };
}

/** Parses MNIST images (N, rows, cols) and labels (N), checking counts agree and labels are digits 0..9. */
export function parseMnistPair(imageBytes: Uint8Array, labelBytes: Uint8Array): MnistPair {
  const images = parseIdx(imageBytes, 3);
  const labels = parseIdx(labelBytes, 1);
  const [count, rows, cols] = images.dims;
  // The CSR index of each image's pixels is 16-bit, and the split must fit what one app can hold.
  if (rows * cols === 0 || rows * cols > MAX_IMAGE_PIXELS)
    throw new IdxFormatError(
      message('idxImageSize', { rows, cols, max: MAX_IMAGE_PIXELS.toLocaleString('en-US') }),
    );
  if (count > MAX_DATASET_IMAGES)
    throw new IdxFormatError(
      message('idxTooManyImages', {
        count: count.toLocaleString('en-US'),
        max: MAX_DATASET_IMAGES.toLocaleString('en-US'),
      }),
    );
  if (labels.dims[0] !== count) {
    throw new IdxFormatError(
      message('idxCounts', {
        images: count.toLocaleString('en-US'),
        labels: labels.dims[0].toLocaleString('en-US'),
      }),
    );
  }
  for (let i = 0; i < count; i++) {
    if (labels.data[i] > 9) {
      throw new IdxFormatError(message('idxLabel', { index: i, label: labels.data[i] }));
    }
  }
  return { count, rows, cols, images: images.data, labels: labels.data };
}
