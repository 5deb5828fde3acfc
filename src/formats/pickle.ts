/**
 * A Python pickle reader for dicts of NumPy arrays (what the book saves with pickle.dump).
 * Protocols 2 to 5. It is a small stack machine over the opcodes NumPy arrays need; globals are
 * looked up in a whitelist (pickle-globals.ts), so a pickle can describe data but never run code.
 * Every length read from the file is checked against the bytes left before anything is sliced.
 */
import { PickleFormatError, bytesText } from './errors';
import { build, findGlobal, type PyValue } from './pickle-globals';
import { toFloat32, type NdArray } from './ndarray';

const MARK = Symbol('mark');
type StackItem = PyValue | typeof MARK;

const fail = (message: string): never => {
  throw new PickleFormatError(message);
};

/** Reads bytes from the pickle, refusing to run past its end. */
class Reader {
  pos = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number, what: string): void {
    if (n > this.bytes.length - this.pos) {
      fail(`Truncated pickle: ${what} at offset ${this.pos} needs ${bytesText(n)}, only ${bytesText(this.bytes.length - this.pos)} left.`);
    }
  }
  u8(): number {
    this.need(1, 'an opcode argument');
    return this.bytes[this.pos++];
  }
  u16(): number {
    this.need(2, 'a 2-byte integer');
    return this.view.getUint16((this.pos += 2) - 2, true);
  }
  i32(): number {
    this.need(4, 'a 4-byte integer');
    return this.view.getInt32((this.pos += 4) - 4, true);
  }
  u32(): number {
    this.need(4, 'a 4-byte length');
    return this.view.getUint32((this.pos += 4) - 4, true);
  }
  u64(): number {
    this.need(8, 'an 8-byte length');
    const n = this.view.getBigUint64((this.pos += 8) - 8, true);
    // Any length beyond the file's size is refused by take(); clamp so it stays a safe number.
    return n > BigInt(this.bytes.length) ? this.bytes.length + 1 : Number(n);
  }
  f64(): number {
    this.need(8, 'a float');
    return this.view.getFloat64((this.pos += 8) - 8, false); // BINFLOAT is big-endian
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    return this.bytes.subarray(this.pos, (this.pos += n));
  }
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) fail(`Truncated pickle: a text line at offset ${this.pos} has no end.`);
    return latin1(this.take(end - this.pos + 1, 'a line').subarray(0, -1));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Text = (bytes: Uint8Array): string => {
  try {
    return utf8.decode(bytes);
  } catch {
    return fail('pickle holds a string that is not valid UTF-8.');
  }
};
const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

/** Little-endian two's-complement integer of n bytes (LONG1/LONG4), as a number when safe. */
function longValue(bytes: Uint8Array): number | bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  if (bytes.length > 0 && bytes[bytes.length - 1] & 0x80) v -= 1n << BigInt(8 * bytes.length);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Runs the pickle machine and returns the object it builds (plain data only). */
export function loadPickle(bytes: Uint8Array): PyValue {
  const r = new Reader(bytes);
  const stack: StackItem[] = [];
  const memo = new Map<number, PyValue>();
  const pop = (): PyValue => {
    const v = stack.pop();
    if (v === undefined || v === MARK) return fail(`Malformed pickle: the stack is empty at offset ${r.pos - 1}.`);
    return v;
  };
  const top = (): PyValue => {
    const v = stack[stack.length - 1];
    if (v === undefined || v === MARK) return fail(`Malformed pickle: the stack is empty at offset ${r.pos - 1}.`);
    return v;
  };
  const popMark = (): PyValue[] => {
    const at = stack.lastIndexOf(MARK);
    if (at < 0) fail(`Malformed pickle: no MARK before offset ${r.pos - 1}.`);
    return stack.splice(at).slice(1) as PyValue[];
  };
  const memoGet = (i: number): PyValue => (memo.has(i) ? memo.get(i)! : fail(`Malformed pickle: memo entry ${i} is read before it is written.`));
  const setItems = (dict: PyValue, items: PyValue[]) => {
    if (!(dict instanceof Map)) fail('Malformed pickle: SETITEMS on something that is not a dict.');
    if (items.length % 2) fail('Malformed pickle: SETITEMS with an odd number of items.');
    for (let i = 0; i < items.length; i += 2) (dict as Map<PyValue, PyValue>).set(items[i], items[i + 1]);
  };
  const append = (list: PyValue, items: PyValue[]) => {
    if (!Array.isArray(list)) fail('Malformed pickle: APPEND on something that is not a list.');
    (list as PyValue[]).push(...items);
  };

  for (;;) {
    if (r.pos >= bytes.length) fail(`Truncated pickle: it ends at offset ${bytes.length} without a STOP opcode.`);
    const op = bytes[r.pos++];
    switch (op) {
      case 0x80: { // PROTO
        const proto = r.u8();
        if (proto < 2 || proto > 5) fail(`Unsupported pickle protocol ${proto}: protocols 2 to 5 can be read.`);
        break;
      }
      case 0x95: r.u64(); break; // FRAME: a hint for buffered readers; the data follows inline
      case 0x2e: { // STOP
        const result = pop();
        return result;
      }
      case 0x28: stack.push(MARK); break; // MARK
      case 0x30: pop(); break; // POP
      case 0x31: popMark(); break; // POP_MARK
      case 0x32: stack.push(top()); break; // DUP
      case 0x7d: stack.push(new Map()); break; // EMPTY_DICT
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x64: { const m = new Map<PyValue, PyValue>(); setItems(m, popMark()); stack.push(m); break; } // DICT
      case 0x6c: // LIST
      case 0x74: stack.push(popMark()); break; // TUPLE
      case 0x85: stack.push([pop()]); break; // TUPLE1
      case 0x86: { const b = pop(); stack.push([pop(), b]); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); stack.push([pop(), b, c]); break; } // TUPLE3
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4b: stack.push(r.u8()); break; // BININT1
      case 0x4d: stack.push(r.u16()); break; // BININT2
      case 0x4a: stack.push(r.i32()); break; // BININT
      case 0x8a: stack.push(longValue(r.take(r.u8(), 'a LONG1 integer'))); break; // LONG1
      case 0x8b: { const n = r.i32(); if (n < 0) fail('Malformed pickle: negative LONG4 length.'); stack.push(longValue(r.take(n, 'a LONG4 integer'))); break; }
      case 0x47: stack.push(r.f64()); break; // BINFLOAT
      case 0x58: stack.push(utf8Text(r.take(r.u32(), 'a string'))); break; // BINUNICODE
      case 0x8c: stack.push(utf8Text(r.take(r.u8(), 'a string'))); break; // SHORT_BINUNICODE
      case 0x8d: stack.push(utf8Text(r.take(r.u64(), 'a string'))); break; // BINUNICODE8
      case 0x55: stack.push(latin1(r.take(r.u8(), 'a string'))); break; // SHORT_BINSTRING (Python 2 str)
      case 0x54: { const n = r.i32(); if (n < 0) fail('Malformed pickle: negative string length.'); stack.push(latin1(r.take(n, 'a string'))); break; } // BINSTRING
      case 0x43: stack.push(r.take(r.u8(), 'bytes')); break; // SHORT_BINBYTES
      case 0x42: stack.push(r.take(r.u32(), 'bytes')); break; // BINBYTES
      case 0x8e: stack.push(r.take(r.u64(), 'bytes')); break; // BINBYTES8
      case 0x96: stack.push(r.take(r.u64(), 'a bytearray')); break; // BYTEARRAY8
      case 0x97: // NEXT_BUFFER
      case 0x98: fail('This pickle keeps its arrays out of band (protocol 5 buffers), which cannot be loaded from a file.'); break;
      case 0x71: memo.set(r.u8(), top()); break; // BINPUT
      case 0x72: memo.set(r.u32(), top()); break; // LONG_BINPUT
      case 0x94: memo.set(memo.size, top()); break; // MEMOIZE
      case 0x68: stack.push(memoGet(r.u8())); break; // BINGET
      case 0x6a: stack.push(memoGet(r.u32())); break; // LONG_BINGET
      case 0x63: { const module = r.line(); stack.push(findGlobal(module, r.line())); break; } // GLOBAL
      case 0x93: { // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') fail('Malformed pickle: STACK_GLOBAL needs two strings.');
        stack.push(findGlobal(module as string, name as string));
        break;
      }
      case 0x52: { // REDUCE: callable(*args), where callable can only be a whitelisted constructor
        const args = pop();
        const callable = pop();
        if (!Array.isArray(args)) fail('Malformed pickle: REDUCE arguments are not a tuple.');
        if (typeof callable !== 'object' || callable === null || !('kind' in callable) || callable.kind !== 'global') {
          fail('Malformed pickle: REDUCE on something that is not a global.');
        }
        stack.push((callable as { call(a: PyValue[]): PyValue }).call(args as PyValue[]));
        break;
      }
      case 0x62: { const state = pop(); build(top(), state); break; } // BUILD
      case 0x73: { const v = pop(); const k = pop(); setItems(top(), [k, v]); break; } // SETITEM
      case 0x75: { const items = popMark(); setItems(top(), items); break; } // SETITEMS
      case 0x61: { const v = pop(); append(top(), [v]); break; } // APPEND
      case 0x65: { const items = popMark(); append(top(), items); break; } // APPENDS
      default:
        fail(`Unsupported pickle opcode 0x${op.toString(16).padStart(2, '0')} at offset ${r.pos - 1}: only protocol 2-5 pickles of NumPy arrays can be read.`);
    }
  }
}

/** Reads a pickled dict {name: numpy array} (the book's sample_weight.pkl, params.pkl). */
export function readPickledArrays(bytes: Uint8Array): Map<string, NdArray> {
  const root = loadPickle(bytes);
  if (!(root instanceof Map)) fail('The pickle does not hold a dict of arrays (like {"W1": array, "b1": array, ...}).');
  const out = new Map<string, NdArray>();
  for (const [key, value] of root as Map<PyValue, PyValue>) {
    if (typeof key !== 'string') fail(`The pickled dict has a key that is not a string (${String(key)}).`);
    const name = key as string;
    if (typeof value === 'number') out.set(name, { shape: [], dtype: 'float64', data: Float64Array.of(value) });
    else if (typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'ndarray' && value.array) out.set(name, value.array);
    else fail(`The pickled value '${name}' is not a NumPy array.`);
  }
  return out;
}

/** Reads a pickled dict of arrays as float32 tensors (W1, b1, ...) in file order. */
export function readPickledTensors(bytes: Uint8Array): { name: string; shape: number[]; data: Float32Array }[] {
  return [...readPickledArrays(bytes)].map(([name, array]) => ({ name, shape: array.shape, data: toFloat32(array) }));
}
