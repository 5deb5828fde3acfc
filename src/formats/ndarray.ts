/**
 * The NumPy array model that .npy, .npz and pickle share: a dtype string such as '<f4', a shape,
 * a memory order, and raw bytes. Decoding checks the byte count the shape and dtype declare
 * against the bytes present before any typed array is allocated.
 */
import { FormatError, bytesText } from './errors';
import { message } from '../shared/messages';

/** The element types we read. NumPy 'f4' is float32, 'u1' uint8, 'i8' int64, ... */
export type DType =
  | 'float32'
  | 'float64'
  | 'uint8'
  | 'int8'
  | 'uint16'
  | 'int16'
  | 'uint32'
  | 'int32'
  | 'int64'
  | 'uint64'
  | 'bool';

/** A typed array for each dtype (int64/uint64 as BigInt arrays, bool as 0/1 bytes). */
export type TypedData =
  | Float32Array
  | Float64Array
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | BigInt64Array
  | BigUint64Array;

/** A NumPy array read from a file: row-major (C order) data, whatever order the file used. */
export interface NdArray {
  shape: number[];
  dtype: DType;
  data: TypedData;
}

/** A parsed NumPy type descriptor: '<f4' -> { dtype: 'float32', size: 4, littleEndian: true }. */
export interface DTypeInfo {
  dtype: DType;
  size: number;
  littleEndian: boolean;
}

const KINDS: Record<string, DType> = {
  f4: 'float32',
  f8: 'float64',
  u1: 'uint8',
  i1: 'int8',
  u2: 'uint16',
  i2: 'int16',
  u4: 'uint32',
  i4: 'int32',
  i8: 'int64',
  u8: 'uint64',
  b1: 'bool',
};

const ARRAYS: Record<DType, { new (length: number): TypedData }> = {
  float32: Float32Array,
  float64: Float64Array,
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  bool: Uint8Array,
};

/** Parses a NumPy dtype string ('<f4', '>f8', '|u1', 'f4', '=i4'); `byteorder` overrides when given. */
export function parseDType(descr: string, byteorder?: string): DTypeInfo {
  const m = /^([<>|=]?)([fuib])(\d+)$/.exec(descr);
  const dtype = m ? KINDS[m[2] + m[3]] : undefined;
  if (!m || !dtype) {
    throw new FormatError(message('unsupportedDtype', { dtype: descr }));
  }
  const order = byteorder ?? m[1];
  return { dtype, size: Number(m[3]), littleEndian: order !== '>' };
}

/** The NumPy descriptor of a dtype, little-endian: 'float32' -> '<f4'. */
export function dtypeDescr(dtype: DType): string {
  const entry = Object.entries(KINDS).find(([, d]) => d === dtype)!;
  return (entry[0].endsWith('1') ? '|' : '<') + entry[0];
}

/** Number of elements of a shape, after checking every dimension is a non-negative integer. */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0)
      throw new FormatError(message('invalidShape', { shape: shape.join(', ') }));
    n *= d;
  }
  return n;
}

/** Decodes raw array bytes into a C-order typed array; Fortran-order data is transposed. */
export function decodeArray(
  bytes: Uint8Array,
  shape: number[],
  info: DTypeInfo,
  fortranOrder: boolean,
): NdArray {
  const count = shapeSize(shape);
  const expected = count * info.size;
  if (bytes.length !== expected) {
    throw new FormatError(
      message('arrayDataSize', {
        has: bytesText(bytes.length),
        shape: shape.join(', '),
        dtype: info.dtype,
        needs: bytesText(expected),
      }),
    );
  }
  const data = new ARRAYS[info.dtype](count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = info.littleEndian;
  const read: (i: number) => number | bigint = {
    float32: (i: number) => view.getFloat32(i * 4, le),
    float64: (i: number) => view.getFloat64(i * 8, le),
    uint8: (i: number) => view.getUint8(i),
    bool: (i: number) => (view.getUint8(i) ? 1 : 0),
    int8: (i: number) => view.getInt8(i),
    uint16: (i: number) => view.getUint16(i * 2, le),
    int16: (i: number) => view.getInt16(i * 2, le),
    uint32: (i: number) => view.getUint32(i * 4, le),
    int32: (i: number) => view.getInt32(i * 4, le),
    int64: (i: number) => view.getBigInt64(i * 8, le),
    uint64: (i: number) => view.getBigUint64(i * 8, le),
  }[info.dtype];
  const target = data as unknown as { [i: number]: number | bigint };
  if (!fortranOrder || shape.length < 2) {
    for (let i = 0; i < count; i++) target[i] = read(i);
  } else {
    // Fortran order: the first index varies fastest. Walk the C-order output and compute the
    // Fortran offset of each element: offset = i0 + n0·(i1 + n1·(i2 + ...)).
    const ndim = shape.length;
    const fStride = new Array<number>(ndim);
    fStride[0] = 1;
    for (let d = 1; d < ndim; d++) fStride[d] = fStride[d - 1] * shape[d - 1];
    const index = new Array<number>(ndim).fill(0);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      target[i] = read(offset);
      for (let d = ndim - 1; d >= 0; d--) {
        index[d]++;
        offset += fStride[d];
        if (index[d] < shape[d]) break;
        offset -= fStride[d] * shape[d];
        index[d] = 0;
      }
    }
  }
  return { shape, dtype: info.dtype, data };
}

/** Converts any array to float32 (the app's tensor type); int64 values beyond 2^53 lose precision. */
export function toFloat32(array: NdArray): Float32Array {
  if (array.data instanceof Float32Array) return array.data;
  const out = new Float32Array(array.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Number(array.data[i]);
  return out;
}

/** Encodes float32 values as little-endian bytes (a copy, independent of the host's endianness). */
export function float32Bytes(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return out;
}
