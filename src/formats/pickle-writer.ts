/**
 * Writes a dict {name: numpy float32 array} as a pickle that the book's code opens with
 * pickle.load and indexes as network['W1']. It emits exactly what NumPy itself emits for a
 * C-order float32 array: numpy.core.multiarray._reconstruct + BUILD with the raw bytes
 * (through _codecs.encode(latin-1 text) in protocol 2, as Python 3 does for bytes there).
 */
import { ExportError } from './errors';
import { float32Bytes, shapeSize } from './ndarray';
import { message } from '../shared/messages';

/** A tensor to write: row-major float32. */
export interface PickleTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** Options for writePickledArrays: pickle protocol 2 (Python 2 and 3), 3 or 4 (Python 3.4+). */
export interface PickleWriteOptions {
  protocol: 2 | 3 | 4;
}

/** Appends opcodes and arguments into a growing byte list. */
class Writer {
  private chunks: Uint8Array[] = [];
  private encoder = new TextEncoder();
  op(...codes: number[]): void {
    this.chunks.push(Uint8Array.from(codes));
  }
  raw(bytes: Uint8Array): void {
    this.chunks.push(bytes);
  }
  u32(n: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    this.raw(b);
  }
  u64(n: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(n), true);
    this.raw(b);
  }
  int(n: number): void {
    if (n >= 0 && n < 256) return this.op(0x4b, n); // BININT1
    const b = new Uint8Array(5);
    b[0] = 0x4a; // BININT, signed 32-bit little-endian
    new DataView(b.buffer).setInt32(1, n, true);
    this.raw(b);
  }
  text(s: string): void {
    const utf8 = this.encoder.encode(s);
    this.op(0x58); // BINUNICODE
    this.u32(utf8.length);
    this.raw(utf8);
  }
  global(module: string, name: string): void {
    this.op(0x63); // GLOBAL 'module\nname\n'
    this.raw(this.encoder.encode(`${module}\n${name}\n`));
  }
  tuple(items: (() => void)[]): void {
    if (items.length === 0) return this.op(0x29); // EMPTY_TUPLE
    if (items.length > 3) this.op(0x28); // MARK
    items.forEach((item) => item());
    this.op(items.length > 3 ? 0x74 : [0, 0x85, 0x86, 0x87][items.length]); // TUPLE or TUPLE1..3
  }
  bytes(data: Uint8Array, protocol: number): void {
    if (protocol === 2) {
      // Protocol 2 has no bytes type: Python 3 writes _codecs.encode('<latin-1 text>', 'latin1').
      this.global('_codecs', 'encode');
      let latin = '';
      for (let i = 0; i < data.length; i += 8192) latin += String.fromCharCode(...data.subarray(i, i + 8192));
      this.tuple([() => this.text(latin), () => this.text('latin1')]);
      this.op(0x52); // REDUCE
    } else if (data.length < 256) {
      this.op(0x43, data.length); // SHORT_BINBYTES
      this.raw(data);
    } else if (data.length < 2 ** 32) {
      this.op(0x42); // BINBYTES
      this.u32(data.length);
      this.raw(data);
    } else {
      if (protocol < 4) throw new ExportError(message('pickleHugeArray'));
      this.op(0x8e); // BINBYTES8
      this.u64(data.length);
      this.raw(data);
    }
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Pickles {name: float32 ndarray} in the given protocol; readable by pickle.load with NumPy 1 or 2. */
export function writePickledArrays(
  tensors: readonly PickleTensor[],
  options: PickleWriteOptions = { protocol: 3 },
): Uint8Array {
  const { protocol } = options;
  if (![2, 3, 4].includes(protocol)) throw new ExportError(message('pickleWriteProtocol', { protocol }));
  const w = new Writer();
  w.op(0x80, protocol, 0x7d); // PROTO, EMPTY_DICT
  for (const t of tensors) {
    if (shapeSize(t.shape) !== t.data.length) {
      throw new ExportError(
        message('valuesVsShape', { name: t.name, count: t.data.length, shape: t.shape.join(', ') }),
      );
    }
    w.text(t.name);
    // _reconstruct(ndarray, (0,), b'b') makes an empty array ...
    w.global('numpy.core.multiarray', '_reconstruct');
    w.tuple([
      () => w.global('numpy', 'ndarray'),
      () => w.tuple([() => w.int(0)]),
      () => w.bytes(Uint8Array.of(0x62), protocol),
    ]);
    w.op(0x52); // REDUCE
    // ... and BUILD sets its state: (1, shape, dtype('<f4'), is_fortran=False, raw bytes).
    w.tuple([
      () => w.int(1),
      () => w.tuple(t.shape.map((d) => () => w.int(d))),
      () => {
        w.global('numpy', 'dtype');
        w.tuple([() => w.text('f4'), () => w.op(0x89), () => w.op(0x88)]); // ('f4', False, True)
        w.op(0x52); // REDUCE
        // dtype state: (3, '<', None, None, None, -1, -1, 0)
        w.tuple([
          () => w.int(3),
          () => w.text('<'),
          () => w.op(0x4e),
          () => w.op(0x4e),
          () => w.op(0x4e),
          () => w.int(-1),
          () => w.int(-1),
          () => w.int(0),
        ]);
        w.op(0x62); // BUILD
      },
      () => w.op(0x89), // NEWFALSE: C order
      () => w.bytes(float32Bytes(t.data), protocol),
    ]);
    w.op(0x62, 0x73); // BUILD, SETITEM
  }
  w.op(0x2e); // STOP
  return w.result();
}
