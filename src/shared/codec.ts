/**
 * The web bridge's wire format: one WebSocket BINARY frame per message.
 *
 *   [u32 little-endian: JSON byte length][JSON (UTF-8)][pad to 8][buffer 0][pad to 8][buffer 1]...
 *
 * The JSON is `{"buffers": [["Float32Array", length], ...], "value": ...}`. Typed arrays anywhere in
 * the value (weights, images, losses, probabilities) are taken out and replaced by a placeholder
 * `{"$bin": index}`; their raw bytes follow the JSON, each at an 8-byte aligned offset. So 100,000
 * losses travel as 400 KB of float32, not as 1.5 MB of decimal text.
 *
 * No Node or DOM imports: the server (src/main/web) and the browser client (src/renderer/bridge)
 * both use this file.
 */

/** The typed-array constructors the codec carries, by name. */
const TYPED_ARRAYS = {
  Float32Array,
  Float64Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Uint8Array,
  Uint8ClampedArray,
  Uint16Array,
  Uint32Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;
type AnyTypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;

/** The JSON part of a frame: the buffer table and the value with placeholders. */
interface Envelope {
  buffers: [TypedArrayName, number][];
  value: unknown;
}

const ALIGN = 8;
const HEADER_BYTES = 4;
const alignUp = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

function typedArrayName(value: unknown): TypedArrayName | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  const name = value.constructor.name;
  return Object.hasOwn(TYPED_ARRAYS, name) ? (name as TypedArrayName) : null;
}

function isPlaceholder(v: unknown): v is { $bin: unknown } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, '$bin');
}

/** Encodes any JSON-like value that may contain typed arrays into one binary frame. */
export function encodeMessage(value: unknown): Uint8Array {
  const arrays: AnyTypedArray[] = [];
  const table: [TypedArrayName, number][] = [];
  // The replacer sees each typed array before JSON.stringify would turn it into {"0":..,"1":..}.
  const valueJson = JSON.stringify(value, (_key, v: unknown) => {
    const type = typedArrayName(v);
    if (type === null) {
      if (isPlaceholder(v))
        throw new Error('Cannot encode an object with a "$bin" key: the codec reserves it');
      return v;
    }
    const array = v as AnyTypedArray;
    arrays.push(array);
    table.push([type, array.length]);
    return { $bin: arrays.length - 1 };
  });
  const json = `{"buffers":${JSON.stringify(table)},"value":${valueJson ?? 'null'}}`;
  const jsonBytes = new TextEncoder().encode(json);

  // Lay the buffers out after the JSON, each 8-byte aligned so offsets are easy to recompute.
  const offsets: number[] = [];
  let end = alignUp(HEADER_BYTES + jsonBytes.length);
  for (const array of arrays) {
    offsets.push(end);
    end = alignUp(end + array.byteLength);
  }
  const frame = new Uint8Array(end);
  new DataView(frame.buffer).setUint32(0, jsonBytes.length, true);
  frame.set(jsonBytes, HEADER_BYTES);
  arrays.forEach((array, i) => {
    frame.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[i]);
  });
  return frame;
}

/** Decodes a frame made by encodeMessage; typed arrays come back as fresh copies. */
export function decodeMessage(data: ArrayBuffer | Uint8Array): unknown {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength < HEADER_BYTES) throw new Error('Malformed message: shorter than its header');
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (HEADER_BYTES + jsonLength > bytes.byteLength) {
    throw new Error('Malformed message: its JSON runs past the end of the frame');
  }
  const text = new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonLength));
  const envelope = JSON.parse(text) as Envelope;
  if (!Array.isArray(envelope?.buffers)) throw new Error('Malformed message: no buffer table');

  // Rebuild each typed array from the table, in order, checking every length against the frame.
  let cursor = alignUp(HEADER_BYTES + jsonLength);
  const arrays = envelope.buffers.map((entry) => {
    const [type, length] = Array.isArray(entry) ? entry : [];
    if (typeof type !== 'string' || !Object.hasOwn(TYPED_ARRAYS, type)) {
      throw new Error(`Malformed message: unknown array type ${String(type)}`);
    }
    if (!Number.isSafeInteger(length) || (length as number) < 0) {
      throw new Error('Malformed message: bad array length');
    }
    const Ctor = TYPED_ARRAYS[type];
    const byteLength = (length as number) * Ctor.BYTES_PER_ELEMENT;
    if (cursor + byteLength > bytes.byteLength) {
      throw new Error('Malformed message: binary data runs past the end of the frame');
    }
    // Copy out: the frame's memory may be pooled or unaligned, and the caller owns the result.
    const start = bytes.byteOffset + cursor;
    cursor = alignUp(cursor + byteLength);
    return new Ctor(bytes.buffer.slice(start, start + byteLength) as ArrayBuffer);
  });

  const revive = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(revive);
    if (isPlaceholder(v)) {
      const array = typeof v.$bin === 'number' ? arrays[v.$bin] : undefined;
      if (!array) throw new Error('Malformed message: bad binary placeholder');
      return array;
    }
    // fromEntries defines own properties, so a "__proto__" key stays a plain key.
    return Object.fromEntries(Object.entries(v).map(([key, inner]) => [key, revive(inner)]));
  };
  return revive(envelope.value);
}
