/**
 * The only Python globals a pickle may name: what NumPy needs to rebuild arrays. Each maps to a
 * constructor written here, over plain data; nothing the pickle says is ever run. Any other
 * global (os.system, builtins.eval, subprocess.Popen, ...) is refused when it is first named.
 */
import { bytesText, PickleFormatError } from './errors';
import { decodeArray, parseDType, type DTypeInfo, type NdArray } from './ndarray';
import { message, toLabMessage, type LabMessage } from '../shared/messages';

/** A Python value as the pickle machine sees it. Tuples and lists are JS arrays; dicts are Maps. */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyValue[]
  | Map<PyValue, PyValue>
  | PyGlobal
  | PyDType
  | PyArray;

/** A whitelisted callable, named by module and name. */
export interface PyGlobal {
  kind: 'global';
  qualifiedName: string;
  call(args: PyValue[], budget: Budget): PyValue;
}

/**
 * Bytes the constructors may still allocate. It starts at twice the pickle's own size: every
 * array's data comes from distinct bytes of the file (at most one intermediate copy), so a pickle that rebuilds one memoised blob into
 * many arrays (an allocation amplifier) runs out of budget instead of memory.
 */
export interface Budget {
  left: number;
}

/** Takes `n` bytes from the budget, or refuses. */
export function spend(budget: Budget, n: number): void {
  if (n > budget.left) {
    throw new PickleFormatError(message('pickleBudget', { size: bytesText(n) }));
  }
  budget.left -= n;
}

/** numpy.dtype('f4', ...) before and after its BUILD (which sets the byte order). */
export interface PyDType {
  kind: 'dtype';
  descr: string;
  byteorder?: string;
  info?: DTypeInfo;
}

/** An ndarray under construction: _reconstruct makes it empty, BUILD fills it. */
export interface PyArray {
  kind: 'ndarray';
  array?: NdArray;
}

const fail = (message: LabMessage): never => {
  throw new PickleFormatError(message);
};

const isObject = <K extends string>(v: PyValue, kind: K): v is Extract<PyValue, { kind: K }> =>
  typeof v === 'object' &&
  v !== null &&
  !(v instanceof Map) &&
  !(v instanceof Uint8Array) &&
  !Array.isArray(v) &&
  v.kind === kind;

/** Resolves a dtype object to its parsed descriptor. */
function dtypeInfo(value: PyValue): DTypeInfo {
  if (!isObject(value, 'dtype')) return fail(message('pickleBadArray', { part: 'dtype' }));
  try {
    return (value.info ??= parseDType(value.descr, value.byteorder));
  } catch (error) {
    return fail(toLabMessage(error));
  }
}

/** Checks that a value is a tuple of non-negative integers (a shape). */
function asShape(value: PyValue): number[] {
  if (
    !Array.isArray(value) ||
    !value.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)
  ) {
    return fail(message('pickleBadArray', { part: 'shape' }));
  }
  return value as number[];
}

function decode(
  bytes: Uint8Array,
  shape: number[],
  info: DTypeInfo,
  fortran: boolean,
  budget: Budget,
): NdArray {
  spend(budget, bytes.length);
  try {
    return decodeArray(bytes, shape, info, fortran);
  } catch (error) {
    return fail(toLabMessage(error));
  }
}

const reconstruct = (): PyArray => ({ kind: 'ndarray' });

/** numpy.dtype(descr, align, copy) -> an unbuilt dtype. */
function makeDType([descr]: PyValue[]): PyDType {
  if (typeof descr !== 'string') return fail(message('pickleBadArray', { part: 'numpy.dtype' }));
  return { kind: 'dtype', descr };
}

/** codecs.encode(text, 'latin1'): how protocol 2 stores bytes. Only latin-1 is accepted. */
function codecsEncode([text, encoding]: PyValue[], budget: Budget): Uint8Array {
  if (typeof text !== 'string' || (encoding !== 'latin1' && encoding !== 'latin-1')) {
    return fail(message('pickleLatin1', { encoding: String(encoding) }));
  }
  // Each char is one byte 0..255; its UTF-8 form in the file took at least as many bytes.
  spend(budget, text.length);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 255) fail(message('pickleLatin1Char'));
    out[i] = c;
  }
  return out;
}

/** numpy.core.multiarray.scalar(dtype, bytes) -> a 0-d array. */
function makeScalar([dtype, bytes]: PyValue[], budget: Budget): PyArray {
  if (!(bytes instanceof Uint8Array)) return fail(message('pickleBadArray', { part: 'numpy scalar' }));
  return { kind: 'ndarray', array: decode(bytes, [], dtypeInfo(dtype), false, budget) };
}

/** numpy.core.numeric._frombuffer(buffer, dtype, shape, order): protocol 5's in-band arrays. */
function fromBuffer([buffer, dtype, shape, order]: PyValue[], budget: Budget): PyArray {
  if (!(buffer instanceof Uint8Array)) return fail(message('pickleBadArray', { part: 'numpy _frombuffer' }));
  return { kind: 'ndarray', array: decode(buffer, asShape(shape), dtypeInfo(dtype), order === 'F', budget) };
}

const orderedDict = (args: PyValue[]): Map<PyValue, PyValue> =>
  args.length === 0 ? new Map() : fail(message('pickleCallRefused', { call: 'collections.OrderedDict' }));

const CONSTRUCTORS: Record<string, (args: PyValue[], budget: Budget) => PyValue> = {
  'numpy.core.multiarray._reconstruct': reconstruct,
  'numpy._core.multiarray._reconstruct': reconstruct,
  'numpy.ndarray': () => fail(message('pickleCallRefused', { call: 'numpy.ndarray' })),
  'numpy.dtype': makeDType,
  'numpy.core.multiarray.scalar': makeScalar,
  'numpy._core.multiarray.scalar': makeScalar,
  'numpy.core.numeric._frombuffer': fromBuffer,
  'numpy._core.numeric._frombuffer': fromBuffer,
  'codecs.encode': codecsEncode,
  '_codecs.encode': codecsEncode,
  'collections.OrderedDict': orderedDict,
};

/** Looks up a global; refuses anything outside the NumPy whitelist, naming it. */
export function findGlobal(module: string, name: string): PyGlobal {
  const qualifiedName = `${module}.${name}`;
  const call = Object.hasOwn(CONSTRUCTORS, qualifiedName) ? CONSTRUCTORS[qualifiedName] : undefined;
  if (!call) {
    throw new PickleFormatError(message('pickleGlobal', { global: qualifiedName }));
  }
  return { kind: 'global', qualifiedName, call };
}

/** BUILD: applies `state` to `target` (dtype byte order, or an array's shape/dtype/order/bytes). */
export function build(target: PyValue, state: PyValue, budget: Budget): PyValue {
  if (isObject(target, 'dtype')) {
    // state = (version, byteorder, subdescr, names, fields, elsize, alignment, flags)
    if (!Array.isArray(state) || typeof state[1] !== 'string')
      return fail(message('pickleBadArray', { part: 'dtype state' }));
    if (state[3] !== null && state[3] !== undefined)
      fail(message('pickleStructured', { dtype: target.descr }));
    target.byteorder = state[1];
    return target;
  }
  if (isObject(target, 'ndarray')) {
    // state = (version, shape, dtype, is_fortran, rawdata)
    if (!Array.isArray(state) || state.length !== 5)
      return fail(message('pickleBadArray', { part: 'array state' }));
    const [, shape, dtype, fortran, raw] = state;
    const info = dtypeInfo(dtype);
    if (!(raw instanceof Uint8Array)) {
      return fail(
        Array.isArray(raw) ? message('pickleObjectArray') : message('pickleBadArray', { part: 'array data' }),
      );
    }
    target.array = decode(raw, asShape(shape), info, fortran === true, budget);
    return target;
  }
  return fail(message('pickleBuildTarget'));
}
