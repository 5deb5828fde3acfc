/**
 * A Python pickle reader for dicts of NumPy arrays (what the book saves with pickle.dump).
 * Protocols 2 to 5. It is a small stack machine over the opcodes NumPy arrays need; globals are
 * looked up in a whitelist (pickle-globals.ts), so a pickle can describe data but never run code.
 * Every length read from the file is checked against the bytes left before anything is sliced.
 */
import { PickleFormatError, bytesText } from './errors';
import { OP } from './pickle-opcodes';
import { build, findGlobal, type Budget, type PyValue } from './pickle-globals';
import { toFloat32, type NdArray } from './ndarray';
import { MAX_PICKLE_INT_BYTES, pickleObjectLimit } from './limits';
import { message, type LabMessage } from '../shared/messages';

const MARK = Symbol('mark');
type StackItem = PyValue | typeof MARK;

const fail = (message: LabMessage): never => {
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
      fail(
        message('pickleTruncatedAt', {
          what,
          offset: this.pos,
          needs: bytesText(n),
          left: bytesText(this.bytes.length - this.pos),
        }),
      );
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
    if (end < 0) fail(message('pickleLineNoEnd', { offset: this.pos }));
    return latin1(this.take(end - this.pos + 1, 'a line').subarray(0, -1));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Text = (bytes: Uint8Array): string => {
  try {
    return utf8.decode(bytes);
  } catch {
    return fail(message('pickleBadUtf8'));
  }
};
const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

/**
 * Little-endian two's-complement integer of n bytes (LONG1/LONG4), as a number when safe. Integers
 * longer than MAX_PICKLE_INT_BYTES are refused before they are read (building a huge BigInt byte by
 * byte takes time quadratic in its length: minutes for a megabyte).
 */
function longValue(bytes: Uint8Array, offset: number): number | bigint {
  if (bytes.length > MAX_PICKLE_INT_BYTES)
    fail(message('pickleHugeInt', { bytes: bytes.length, offset, max: MAX_PICKLE_INT_BYTES }));
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
  // Every value pushed and every memo entry counts: one-byte opcodes (EMPTY_DICT, DUP, MEMOIZE)
  // would otherwise turn a few megabytes of file into hundreds of megabytes of objects.
  const maxValues = pickleObjectLimit(bytes.length);
  let values = 0;
  const count = () => {
    if (++values > maxValues)
      fail(message('pickleTooManyValues', { max: maxValues, size: bytesText(bytes.length) }));
  };
  const push = (v: StackItem) => {
    count();
    stack.push(v);
  };
  const remember = (i: number, v: PyValue) => {
    count();
    memo.set(i, v);
  };
  // Twice the file: protocol 2 turns each data byte into a latin-1 bytes object, then an array.
  const budget: Budget = { left: 2 * bytes.length };
  const pop = (): PyValue => {
    const v = stack.pop();
    if (v === undefined || v === MARK) return fail(message('pickleStackEmpty', { offset: r.pos - 1 }));
    return v;
  };
  const top = (): PyValue => {
    const v = stack[stack.length - 1];
    if (v === undefined || v === MARK) return fail(message('pickleStackEmpty', { offset: r.pos - 1 }));
    return v;
  };
  const popMark = (): PyValue[] => {
    const at = stack.lastIndexOf(MARK);
    if (at < 0) fail(message('pickleNoMark', { offset: r.pos - 1 }));
    return stack.splice(at).slice(1) as PyValue[];
  };
  const memoGet = (i: number): PyValue =>
    memo.has(i) ? memo.get(i)! : fail(message('pickleMemo', { index: i }));
  const setItems = (dict: PyValue, items: PyValue[]) => {
    if (!(dict instanceof Map))
      fail(message('pickleWrongOperand', { opcode: 'SETITEMS', offset: r.pos - 1 }));
    if (items.length % 2) fail(message('pickleWrongOperand', { opcode: 'SETITEMS', offset: r.pos - 1 }));
    for (let i = 0; i < items.length; i += 2) (dict as Map<PyValue, PyValue>).set(items[i], items[i + 1]);
  };
  const append = (list: PyValue, items: PyValue[]) => {
    if (!Array.isArray(list)) fail(message('pickleWrongOperand', { opcode: 'APPEND', offset: r.pos - 1 }));
    for (const item of items) (list as PyValue[]).push(item);
  };

  for (;;) {
    if (r.pos >= bytes.length) fail(message('pickleTruncated', { offset: bytes.length }));
    const at = r.pos;
    const op = bytes[r.pos++];
    switch (op) {
      case OP.PROTO: {
        const proto = r.u8();
        if (proto < 2 || proto > 5) fail(message('pickleProtocol', { protocol: proto }));
        break;
      }
      case OP.FRAME: // a hint for buffered readers; the data follows inline
        r.u64();
        break;
      case OP.STOP: {
        const result = pop();
        return result;
      }
      case OP.MARK:
        push(MARK);
        break;
      case OP.POP:
        pop();
        break;
      case OP.POP_MARK:
        popMark();
        break;
      case OP.DUP:
        push(top());
        break;
      case OP.EMPTY_DICT:
        push(new Map());
        break;
      case OP.EMPTY_LIST:
        push([]);
        break;
      case OP.EMPTY_TUPLE:
        push([]);
        break;
      case OP.DICT: {
        const m = new Map<PyValue, PyValue>();
        setItems(m, popMark());
        push(m);
        break;
      }
      case OP.LIST:
      case OP.TUPLE:
        push(popMark());
        break;
      case OP.TUPLE1:
        push([pop()]);
        break;
      case OP.TUPLE2: {
        const b = pop();
        push([pop(), b]);
        break;
      }
      case OP.TUPLE3: {
        const c = pop();
        const b = pop();
        push([pop(), b, c]);
        break;
      }
      case OP.NONE:
        push(null);
        break;
      case OP.NEWTRUE:
        push(true);
        break;
      case OP.NEWFALSE:
        push(false);
        break;
      case OP.BININT1:
        push(r.u8());
        break;
      case OP.BININT2:
        push(r.u16());
        break;
      case OP.BININT:
        push(r.i32());
        break;
      case OP.LONG1:
        push(longValue(r.take(r.u8(), 'a LONG1 integer'), at));
        break;
      case OP.LONG4: {
        const n = r.i32();
        if (n < 0) fail(message('pickleNegativeLength', { offset: at }));
        push(longValue(r.take(n, 'a LONG4 integer'), at));
        break;
      }
      case OP.BINFLOAT:
        push(r.f64());
        break;
      case OP.BINUNICODE:
        push(utf8Text(r.take(r.u32(), 'a string')));
        break;
      case OP.SHORT_BINUNICODE:
        push(utf8Text(r.take(r.u8(), 'a string')));
        break;
      case OP.BINUNICODE8:
        push(utf8Text(r.take(r.u64(), 'a string')));
        break;
      case OP.SHORT_BINSTRING:
        push(latin1(r.take(r.u8(), 'a string')));
        break; // a Python 2 str, read as latin-1 text
      case OP.BINSTRING: {
        const n = r.i32();
        if (n < 0) fail(message('pickleNegativeLength', { offset: at }));
        push(latin1(r.take(n, 'a string')));
        break;
      }
      case OP.SHORT_BINBYTES:
        push(r.take(r.u8(), 'bytes'));
        break;
      case OP.BINBYTES:
        push(r.take(r.u32(), 'bytes'));
        break;
      case OP.BINBYTES8:
        push(r.take(r.u64(), 'bytes'));
        break;
      case OP.BYTEARRAY8:
        push(r.take(r.u64(), 'a bytearray'));
        break;
      case OP.NEXT_BUFFER:
      case OP.READONLY_BUFFER:
        fail(message('pickleOutOfBand'));
        break;
      case OP.BINPUT:
        remember(r.u8(), top());
        break;
      case OP.LONG_BINPUT:
        remember(r.u32(), top());
        break;
      case OP.MEMOIZE:
        remember(memo.size, top());
        break;
      case OP.BINGET:
        push(memoGet(r.u8()));
        break;
      case OP.LONG_BINGET:
        push(memoGet(r.u32()));
        break;
      case OP.GLOBAL: {
        const module = r.line();
        push(findGlobal(module, r.line()));
        break;
      }
      case OP.STACK_GLOBAL: {
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string')
          fail(message('pickleWrongOperand', { opcode: 'STACK_GLOBAL', offset: at }));
        push(findGlobal(module as string, name as string));
        break;
      }
      case OP.REDUCE: {
        // REDUCE: callable(*args), where callable can only be a whitelisted constructor
        const args = pop();
        const callable = pop();
        if (!Array.isArray(args)) fail(message('pickleWrongOperand', { opcode: 'REDUCE', offset: at }));
        if (
          typeof callable !== 'object' ||
          callable === null ||
          !('kind' in callable) ||
          callable.kind !== 'global'
        ) {
          fail(message('pickleWrongOperand', { opcode: 'REDUCE', offset: at }));
        }
        push((callable as { call(a: PyValue[], b: Budget): PyValue }).call(args as PyValue[], budget));
        break;
      }
      case OP.BUILD: {
        const state = pop();
        build(top(), state, budget);
        break;
      }
      case OP.SETITEM: {
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      }
      case OP.SETITEMS: {
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case OP.APPEND: {
        const v = pop();
        append(top(), [v]);
        break;
      }
      case OP.APPENDS: {
        const items = popMark();
        append(top(), items);
        break;
      }
      default:
        fail(message('pickleOpcode', { opcode: `0x${op.toString(16).padStart(2, '0')}`, offset: r.pos - 1 }));
    }
  }
}

/** Reads a pickled dict {name: numpy array} (the book's sample_weight.pkl, params.pkl). */
export function readPickledArrays(bytes: Uint8Array): Map<string, NdArray> {
  const root = loadPickle(bytes);
  if (!(root instanceof Map)) fail(message('pickleNotDict'));
  const out = new Map<string, NdArray>();
  for (const [key, value] of root as Map<PyValue, PyValue>) {
    if (typeof key !== 'string') fail(message('pickleKeyNotString', { key: String(key) }));
    const name = key as string;
    if (typeof value === 'number')
      out.set(name, { shape: [], dtype: 'float64', data: Float64Array.of(value) });
    else if (
      typeof value === 'object' &&
      value !== null &&
      'kind' in value &&
      value.kind === 'ndarray' &&
      value.array
    )
      out.set(name, value.array);
    else fail(message('pickleNotArray', { name }));
  }
  return out;
}

/** Reads a pickled dict of arrays as float32 tensors (W1, b1, ...) in file order. */
export function readPickledTensors(
  bytes: Uint8Array,
): { name: string; shape: number[]; data: Float32Array }[] {
  return [...readPickledArrays(bytes)].map(([name, array]) => ({
    name,
    shape: array.shape,
    data: toFloat32(array),
  }));
}
