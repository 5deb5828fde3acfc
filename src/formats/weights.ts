/**
 * One entry point for weights files, whatever their format: detect it from the bytes (and the
 * file name as a hint), decode to float32 tensors, encode tensors for export. Used by the CLI
 * and the Lab service's import/export.
 */
import type { WeightTensor } from '../shared/runs';
import { ExportError, FormatError } from './errors';
import { toFloat32, type NdArray } from './ndarray';
import { readNpy, writeNpy } from './npy';
import { readNpz, writeNpz } from './npz';
import { writeOnnx } from './onnx';
import { readPickledArrays } from './pickle';
import { writePickledArrays } from './pickle-writer';
import { decodeWeightsJson, encodeWeightsJson, type WeightsMeta } from './weights-json';
import { message } from '../shared/messages';

/** The weights formats we know. ONNX is export-only. */
export const WEIGHTS_FORMATS = ['json', 'npz', 'pkl', 'npy', 'onnx'] as const;
export type WeightsFormat = (typeof WEIGHTS_FORMATS)[number];

/** A decoded weights file: float32 tensors in file order, plus metadata from a JSON file. */
export interface DecodedWeights {
  tensors: WeightTensor[];
  meta?: WeightsMeta;
}

/** Options for encodeWeights beyond the metadata: the pickle protocol and .npz compression. */
export interface EncodeOptions {
  pickleProtocol?: 2 | 3 | 4;
  compressNpz?: boolean;
}

const EXTENSIONS: Record<string, WeightsFormat> = {
  json: 'json',
  npz: 'npz',
  pkl: 'pkl',
  pickle: 'pkl',
  npy: 'npy',
  onnx: 'onnx',
};

/** Names a weights file's format from its first bytes, falling back to its extension. */
export function detectWeightsFormat(bytes: Uint8Array, fileName = ''): WeightsFormat {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'npz'; // zip: "PK"
  if (starts(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59)) return 'npy'; // "\x93NUMPY"
  if (bytes[0] === 0x80 && bytes[1] >= 2 && bytes[1] <= 5) return 'pkl'; // pickle PROTO opcode
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i])) i++;
  if (bytes[i] === 0x7b) return 'json'; // "{"
  if (bytes[0] === 0x08 && bytes[1] > 0 && bytes[1] < 0x20) return 'onnx'; // ModelProto: field 1 ir_version
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1].toLowerCase();
  if (extension && EXTENSIONS[extension]) return EXTENSIONS[extension];
  throw new FormatError(message('unknownKind', { name: fileName || '(unnamed)' }));
}

const tensorsOf = (arrays: Map<string, NdArray>): WeightTensor[] =>
  [...arrays].map(([name, array]) => ({ name, shape: array.shape, data: toFloat32(array) }));

/** Decodes a weights file of any supported format into float32 tensors (W1, b1, ...). */
export function decodeWeights(bytes: Uint8Array, fileName = ''): DecodedWeights {
  const format = detectWeightsFormat(bytes, fileName);
  switch (format) {
    case 'json':
      return decodeWeightsJson(bytes);
    case 'npz':
      return { tensors: tensorsOf(readNpz(bytes)) };
    case 'pkl':
      return { tensors: tensorsOf(readPickledArrays(bytes)) };
    case 'npy': {
      // A lone .npy holds one array: name it after the file (W1.npy -> W1).
      const name = /([^/\\]+)\.npy$/i.exec(fileName)?.[1] ?? 'W1';
      return { tensors: tensorsOf(new Map([[name, readNpy(bytes)]])) };
    }
    case 'onnx':
      throw new FormatError(message('onnxImport'));
  }
}

/** Encodes tensors in a format. JSON needs meta.architecture; ONNX needs meta.architecture.activation. */
export function encodeWeights(
  format: WeightsFormat,
  tensors: readonly WeightTensor[],
  meta?: Partial<WeightsMeta>,
  options: EncodeOptions = {},
): Uint8Array {
  switch (format) {
    case 'json':
      if (!meta?.architecture) throw new ExportError(message('exportNeedsArchitecture', { format: 'JSON' }));
      return encodeWeightsJson(tensors, meta as WeightsMeta);
    case 'npz':
      return writeNpz(tensors, { compress: options.compressNpz ?? true });
    case 'pkl':
      return writePickledArrays(tensors, { protocol: options.pickleProtocol ?? 3 });
    case 'npy':
      if (tensors.length !== 1) throw new ExportError(message('npyOneArray', { count: tensors.length }));
      return writeNpy(tensors[0]);
    case 'onnx':
      if (!meta?.architecture) throw new ExportError(message('exportNeedsArchitecture', { format: 'ONNX' }));
      return writeOnnx(tensors, { activation: meta.architecture.activation });
    default:
      throw new ExportError(
        message('unknownFormat', { format: String(format), formats: WEIGHTS_FORMATS.join(', ') }),
      );
  }
}
