/**
 * NumPy's .npy format (numpy.lib.format): the magic "\x93NUMPY", a version (1.0, 2.0 or 3.0),
 * a little-endian header length (2 bytes in 1.0, 4 after), then a Python dict literal such as
 *   {'descr': '<f4', 'fortran_order': False, 'shape': (784, 50), }
 * padded with spaces to a multiple of 64 bytes, then the raw data. The header is read with a
 * strict little grammar of its own (strings, booleans, integer tuples), never evaluated.
 */
import { NpyFormatError, bytesText } from './errors';
import {
  decodeArray,
  dtypeDescr,
  parseDType,
  shapeSize,
  type DType,
  type DTypeInfo,
  type NdArray,
  type TypedData,
} from './ndarray';
import { MAX_ARRAY_BYTES, MAX_NPY_HEADER_BYTES } from './limits';
import { message, toLabMessage, type LabMessage } from '../shared/messages';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93 N U M P Y

const fail = (message: LabMessage): never => {
  throw new NpyFormatError(message);
};

type HeaderValue = string | boolean | number[];

/** Parses the header dict: only string keys, and string / True / False / tuple-of-int values. */
export function parseNpyHeader(text: string): { descr: string; fortranOrder: boolean; shape: number[] } {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n'.includes(text[i])) i++;
  };
  const expect = (c: string) => {
    space();
    if (text[i] !== c) fail(message('npyHeaderSyntax', { at: i, header: JSON.stringify(text) }));
    i++;
  };
  const string = (): string => {
    space();
    const quote = text[i];
    if (quote !== "'" && quote !== '"')
      return fail(message('npyHeaderSyntax', { at: i, header: JSON.stringify(text) }));
    const end = text.indexOf(quote, i + 1);
    if (end < 0) fail(message('npyHeaderSyntax', { at: i, header: JSON.stringify(text) }));
    const s = text.slice(i + 1, end);
    i = end + 1;
    return s;
  };
  const value = (): HeaderValue => {
    space();
    if (text.startsWith('True', i)) return ((i += 4), true);
    if (text.startsWith('False', i)) return ((i += 5), false);
    if (text[i] === '(') {
      i++;
      const dims: number[] = [];
      for (;;) {
        space();
        if (text[i] === ')') break;
        const m = /^\d+L?/.exec(text.slice(i, i + 24));
        if (!m) fail(message('npyHeaderSyntax', { at: i, header: JSON.stringify(text) }));
        dims.push(Number(m![0].replace('L', '')));
        i += m![0].length;
        space();
        if (text[i] === ',') i++;
        else if (text[i] !== ')') fail(message('npyHeaderSyntax', { at: i, header: JSON.stringify(text) }));
      }
      i++;
      return dims;
    }
    return string();
  };
  const dict = new Map<string, HeaderValue>();
  expect('{');
  for (;;) {
    space();
    if (text[i] === '}') break;
    const key = string();
    expect(':');
    dict.set(key, value());
    space();
    if (text[i] === ',') i++;
    else if (text[i] !== '}') fail(message('npyHeaderSyntax', { at: i, header: JSON.stringify(text) }));
  }
  i++;
  space();
  if (i !== text.length) fail(message('npyHeaderSyntax', { at: i, header: JSON.stringify(text) }));
  const descr = dict.get('descr');
  const fortranOrder = dict.get('fortran_order');
  const shape = dict.get('shape');
  if (typeof descr !== 'string') fail(message('npyHeaderKey', { key: 'descr' }));
  if (typeof fortranOrder !== 'boolean') fail(message('npyHeaderKey', { key: 'fortran_order' }));
  if (!Array.isArray(shape)) fail(message('npyHeaderKey', { key: 'shape' }));
  if (dict.size !== 3) fail(message('npyHeaderKeys', { keys: [...dict.keys()].join(', ') }));
  return { descr: descr as string, fortranOrder: fortranOrder as boolean, shape: shape as number[] };
}

/** What an .npy header says: the array's layout and where its data starts. */
export interface NpyLayout {
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  info: DTypeInfo;
  /** Offset of the first data byte. */
  dataStart: number;
  /** Bytes of data the shape and dtype need. */
  dataBytes: number;
}

/**
 * Reads the header from the first bytes of an .npy file, or returns null when `prefix` is too short
 * to hold all of it (so a streaming reader can check the declared size before the data arrives).
 * Refuses headers over MAX_NPY_HEADER_BYTES and arrays over MAX_ARRAY_BYTES.
 */
export function readNpyLayout(prefix: Uint8Array): NpyLayout | null {
  if (prefix.length < 10) return null;
  if (MAGIC.some((b, i) => prefix[i] !== b)) fail(message('notNpy'));
  const major = prefix[6];
  if (major < 1 || major > 3) fail(message('npyVersion', { version: `${major}.${prefix[7]}` }));
  const lengthSize = major === 1 ? 2 : 4;
  if (prefix.length < 8 + lengthSize) return null;
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerLength > MAX_NPY_HEADER_BYTES)
    fail(
      message('npyHeaderTooLong', {
        size: bytesText(headerLength),
        max: bytesText(MAX_NPY_HEADER_BYTES),
      }),
    );
  const dataStart = 8 + lengthSize + headerLength;
  if (dataStart > prefix.length) return null;
  const headerBytes = prefix.subarray(8 + lengthSize, dataStart);
  const header = parseNpyHeader(new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(headerBytes));
  let info: DTypeInfo;
  let dataBytes: number;
  try {
    info = parseDType(header.descr);
    dataBytes = shapeSize(header.shape) * info.size;
  } catch (error) {
    return fail(toLabMessage(error));
  }
  if (dataBytes > MAX_ARRAY_BYTES)
    fail(
      message('arrayTooBig', {
        shape: header.shape.join(', '),
        dtype: info.dtype,
        size: bytesText(dataBytes),
        max: bytesText(MAX_ARRAY_BYTES),
      }),
    );
  return { ...header, info, dataStart, dataBytes };
}

/** Reads a .npy file into a C-order array; checks the data size before allocating. */
export function readNpy(bytes: Uint8Array): NdArray {
  const layout = readNpyLayout(bytes);
  if (layout === null) {
    if (bytes.length < 10) fail(message('notNpy'));
    const lengthSize = bytes[6] === 1 ? 2 : 4;
    if (bytes.length < 8 + lengthSize) fail(message('npyNoHeaderLength'));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = lengthSize === 2 ? view.getUint16(8, true) : view.getUint32(8, true);
    return fail(
      message('npyHeaderTruncated', {
        declared: bytesText(headerLength),
        present: bytesText(bytes.length - 8 - lengthSize),
      }),
    );
  }
  const { shape, info, dataStart, dataBytes: expected, fortranOrder } = layout;
  try {
    const present = bytes.length - dataStart;
    if (expected > present)
      fail(
        message('npyTruncated', {
          shape: shape.join(', '),
          dtype: info.dtype,
          needs: bytesText(expected),
          present: bytesText(present),
        }),
      );
    if (expected < present) fail(message('npyTrailing', { extra: bytesText(present - expected) }));
    return decodeArray(bytes.subarray(dataStart), shape, info, fortranOrder);
  } catch (error) {
    if (error instanceof NpyFormatError) throw error;
    return fail(toLabMessage(error));
  }
}

/** An array to write: C-order data of a numeric dtype. */
export interface NpyArray {
  shape: number[];
  dtype?: DType;
  data: TypedData;
}

const DTYPE_OF = (data: TypedData): DType =>
  data instanceof Float32Array
    ? 'float32'
    : data instanceof Float64Array
      ? 'float64'
      : data instanceof Uint8Array
        ? 'uint8'
        : data instanceof Int8Array
          ? 'int8'
          : data instanceof Int16Array
            ? 'int16'
            : data instanceof Uint16Array
              ? 'uint16'
              : data instanceof Int32Array
                ? 'int32'
                : data instanceof Uint32Array
                  ? 'uint32'
                  : data instanceof BigInt64Array
                    ? 'int64'
                    : 'uint64';

/** Writes a .npy file (version 1.0, or 2.0 when the header needs it), data little-endian, C order. */
export function writeNpy(array: NpyArray): Uint8Array {
  const dtype = array.dtype ?? DTYPE_OF(array.data);
  if (shapeSize(array.shape) !== array.data.length)
    fail(
      message('valuesVsShape', { name: 'array', count: array.data.length, shape: array.shape.join(', ') }),
    );
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  const dict = `{'descr': '${dtypeDescr(dtype)}', 'fortran_order': False, 'shape': ${shape}, }`;
  // Pad with spaces so the data starts on a 64-byte boundary; the header ends with '\n'.
  const padded = (prefix: number) => Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const v1 = padded(10) - 10 < 65536; // version 1.0 stores the header length in 2 bytes
  const prefix = v1 ? 10 : 12;
  const total = padded(prefix);
  const header = dict + ' '.repeat(total - prefix - dict.length - 1) + '\n';
  const size = parseDType(dtypeDescr(dtype)).size;
  const out = new Uint8Array(total + array.data.length * size);
  out.set(MAGIC);
  out[6] = v1 ? 1 : 2;
  const view = new DataView(out.buffer);
  if (v1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  const src = array.data;
  for (let i = 0; i < src.length; i++) {
    const at = total + i * size;
    const v = src[i];
    switch (dtype) {
      case 'float32':
        view.setFloat32(at, v as number, true);
        break;
      case 'float64':
        view.setFloat64(at, v as number, true);
        break;
      case 'uint8':
      case 'bool':
        view.setUint8(at, v as number);
        break;
      case 'int8':
        view.setInt8(at, v as number);
        break;
      case 'uint16':
        view.setUint16(at, v as number, true);
        break;
      case 'int16':
        view.setInt16(at, v as number, true);
        break;
      case 'uint32':
        view.setUint32(at, v as number, true);
        break;
      case 'int32':
        view.setInt32(at, v as number, true);
        break;
      case 'int64':
        view.setBigInt64(at, v as bigint, true);
        break;
      case 'uint64':
        view.setBigUint64(at, v as bigint, true);
        break;
    }
  }
  return out;
}
