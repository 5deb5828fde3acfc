import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PickleFormatError } from '../../src/formats/errors';
import { readPickledArrays, readPickledTensors } from '../../src/formats/pickle';
import { writePickledArrays } from '../../src/formats/pickle-writer';
import { bookDir, numpyMissingReason, readBytes, runPython } from './helpers';

const noNumpy = numpyMissingReason();
const sampleWeight = readBytes(path.join(bookDir, 'sample_weight.pkl'));
const params = readBytes(path.join(bookDir, 'params.pkl'));
const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** Values NumPy reports for a pickle: per key shape, dtype, a few C-order elements and the sum. */
type NumpyView = Record<string, { shape: number[]; dtype: string; picks: number[]; sum: number }>;
const PICKS = [0, 1, 777, -1];
function numpyView(file: string): NumpyView {
  return runPython<NumpyView>(
    `import pickle, sys, json, numpy as np
with open(sys.argv[1], 'rb') as f: d = pickle.load(f)
print(json.dumps({k: {'shape': list(v.shape), 'dtype': v.dtype.name, 'picks': [float(v.ravel()[i % v.size]) for i in ${JSON.stringify(PICKS)}], 'sum': float(v.astype(np.float64).sum())} for k, v in d.items()}))`,
    [file],
  );
}
function expectMatchesNumpy(file: string) {
  const ours = readPickledArrays(readFileSync(file));
  const theirs = numpyView(file);
  expect([...ours.keys()]).toEqual(Object.keys(theirs));
  for (const [name, array] of ours) {
    const want = theirs[name];
    expect(array.shape, name).toEqual(want.shape);
    expect(array.dtype, name).toBe(want.dtype);
    const n = array.data.length;
    PICKS.forEach((p, i) =>
      expect(Number(array.data[((p % n) + n) % n]), `${name}[${p}]`).toBe(want.picks[i]),
    );
    let sum = 0;
    for (const v of array.data) sum += Number(v);
    expect(sum).toBeCloseTo(want.sum, 6);
  }
}

describe('readPickledArrays on the book files', () => {
  it('reads sample_weight.pkl: 784-50-100-10 float32, keys in file order', () => {
    const arrays = readPickledArrays(sampleWeight);
    expect([...arrays.keys()].sort()).toEqual(['W1', 'W2', 'W3', 'b1', 'b2', 'b3']);
    expect(arrays.get('W1')!.shape).toEqual([784, 50]);
    expect(arrays.get('W1')!.dtype).toBe('float32');
    expect(arrays.get('W3')!.shape).toEqual([100, 10]);
    expect(arrays.get('b3')!.data).toBeInstanceOf(Float32Array);
  });

  it('reads params.pkl: SimpleConvNet float64, W1 30x1x5x5, converts to float32 tensors', () => {
    const arrays = readPickledArrays(params);
    expect(arrays.get('W1')!.shape).toEqual([30, 1, 5, 5]);
    expect(arrays.get('W1')!.dtype).toBe('float64');
    expect(arrays.get('W2')!.shape).toEqual([4320, 100]);
    const tensors = readPickledTensors(params);
    const w1 = tensors.find((t) => t.name === 'W1')!;
    expect(w1.data).toBeInstanceOf(Float32Array);
    expect(w1.data[3]).toBeCloseTo(arrays.get('W1')!.data[3] as number, 6);
  });

  it.skipIf(noNumpy)('agrees with NumPy element for element (including Fortran-order W1)', () => {
    expectMatchesNumpy(path.join(bookDir, 'sample_weight.pkl'));
    expectMatchesNumpy(path.join(bookDir, 'params.pkl'));
  });
});

describe.skipIf(noNumpy)('readPickledArrays on pickles NumPy writes now', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pickle-'));
  const make = (name: string, protocol: number, body: string) => {
    const file = path.join(dir, `${name}-${protocol}.pkl`);
    runPython(
      `import pickle, sys, json, collections, numpy as np
rng = np.random.default_rng(0)
${body}
with open(sys.argv[1], 'wb') as f: pickle.dump(d, f, protocol=${protocol})
print(json.dumps(1))`,
      [file],
    );
    return file;
  };
  const body = `d = {'W1': np.asfortranarray(rng.standard_normal((7, 5, 3)).astype('<f4')), 'b1': rng.standard_normal(5).astype('>f8'),
  'idx': np.arange(-3, 900, dtype=np.int32), 'big': np.arange(10, dtype='>i8'), 'px': np.arange(256, dtype=np.uint8).reshape(16, 16),
  'T': rng.standard_normal((40, 30)).T, 'half': np.arange(12, dtype=np.int16)[::2].copy()}`;
  for (const protocol of [2, 3, 4, 5]) {
    it(`protocol ${protocol}: C/Fortran order, big-endian, ints and bytes match NumPy`, () => {
      expectMatchesNumpy(make('mixed', protocol, body));
    });
  }

  it('reads an OrderedDict and NumPy scalars', () => {
    const file = make(
      'ordered',
      2,
      `d = collections.OrderedDict([('a', np.ones((2, 2), np.float32)), ('s', np.float64(2.5)), ('f', 1.25)])`,
    );
    const arrays = readPickledArrays(readFileSync(file));
    expect([...arrays.keys()]).toEqual(['a', 's', 'f']);
    expect(arrays.get('a')!.data).toEqual(new Float32Array(4).fill(1));
    expect(arrays.get('s')).toEqual({ shape: [], dtype: 'float64', data: Float64Array.of(2.5) });
    expect(arrays.get('f')!.data[0]).toBe(1.25);
  });

  it('refuses object arrays and structured dtypes with a clear message', () => {
    const objects = make('objects', 3, `d = {'o': np.array([1, 'x'], dtype=object)}`);
    expect(() => readPickledArrays(readFileSync(objects))).toThrow(
      /Unsupported NumPy dtype 'O8': only numeric arrays/,
    );
    const structured = make('struct', 3, `d = {'s': np.zeros(2, dtype=[('x', '<f4'), ('y', '<i4')])}`);
    expect(() => readPickledArrays(readFileSync(structured))).toThrow(PickleFormatError);
  });
});

describe('writePickledArrays', () => {
  const tensors = [
    {
      name: 'W1',
      shape: [784, 50],
      data: Float32Array.from({ length: 784 * 50 }, (_, i) => Math.sin(i) * 0.01),
    },
    { name: 'b1', shape: [50], data: Float32Array.from({ length: 50 }, (_, i) => i / 7) },
    { name: 'W2', shape: [50, 10], data: Float32Array.from({ length: 500 }, (_, i) => -i * 1e-3) },
    { name: 'b2', shape: [10], data: new Float32Array(10).fill(-0.5) },
  ];

  for (const protocol of [2, 3, 4] as const) {
    it(`protocol ${protocol} round-trips through our reader`, () => {
      const back = readPickledArrays(writePickledArrays(tensors, { protocol }));
      for (const t of tensors) {
        expect(back.get(t.name)!.shape).toEqual(t.shape);
        expect(back.get(t.name)!.data).toEqual(t.data);
      }
    });

    it.skipIf(noNumpy)(
      `protocol ${protocol} loads in Python with pickle.load as network['W1'] (no warnings)`,
      () => {
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'pickle-w-')), 'w.pkl');
        writeFileSync(file, writePickledArrays(tensors, { protocol }));
        const view = runPython<
          Record<string, { shape: number[]; dtype: string; c: boolean; values: number[] }>
        >(
          `import pickle, sys, json, warnings, numpy as np
warnings.simplefilter('error')
with open(sys.argv[1], 'rb') as f: network = pickle.load(f)
x = np.ones((1, 784), np.float32)
assert np.dot(x, network['W1']).shape == (1, 50)
print(json.dumps({k: {'shape': list(v.shape), 'dtype': str(v.dtype), 'c': bool(v.flags['C_CONTIGUOUS']), 'values': v.ravel().tolist()} for k, v in network.items()}))`,
          [file],
        );
        expect(Object.keys(view)).toEqual(tensors.map((t) => t.name));
        for (const t of tensors) {
          expect(view[t.name].shape).toEqual(t.shape);
          expect(view[t.name].dtype).toBe('float32');
          expect(view[t.name].c).toBe(true);
          expect(Float32Array.from(view[t.name].values)).toEqual(t.data);
        }
      },
    );
  }

  it('refuses a tensor whose data does not fill its shape', () => {
    expect(() =>
      writePickledArrays([{ name: 'W1', shape: [3, 3], data: new Float32Array(8) }], { protocol: 3 }),
    ).toThrow(/W1 has 8 values but shape \(3, 3\)/);
  });
});

describe('readPickledArrays on hostile and broken pickles', () => {
  // The classic exploit: GLOBAL os system, ('echo pwned',), REDUCE.
  const exploit = (module: string, name: string) =>
    concat(
      [0x80, 2],
      ascii(`c${module}\n${name}\n`),
      [0x58, 10, 0, 0, 0],
      ascii('echo pwned'),
      [0x85, 0x52, 0x2e],
    );

  it('refuses os.system, builtins.eval, subprocess.Popen, posix.system by name', () => {
    expect(() => readPickledArrays(exploit('os', 'system'))).toThrow(
      'pickle refers to os.system, which is not allowed: only NumPy arrays can be loaded.',
    );
    expect(() => readPickledArrays(exploit('builtins', 'eval'))).toThrow(
      /builtins\.eval, which is not allowed/,
    );
    expect(() => readPickledArrays(exploit('subprocess', 'Popen'))).toThrow(/subprocess\.Popen/);
    expect(() => readPickledArrays(exploit('posix', 'system'))).toThrow(PickleFormatError);
  });

  it('refuses a STACK_GLOBAL to something outside the whitelist', () => {
    const bytes = concat([0x80, 4, 0x8c, 8], ascii('builtins'), [0x8c, 4], ascii('exec'), [0x93, 0x2e]);
    expect(() => readPickledArrays(bytes)).toThrow(/builtins\.exec, which is not allowed/);
  });

  it.skipIf(noNumpy)('refuses a real Python exploit pickle (a __reduce__ calling os.system)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pickle-x-')), 'x.pkl');
    runPython(
      `import pickle, sys, os, json
class Evil:
    def __reduce__(self): return (os.system, ('touch ${file}.pwned',))
with open(sys.argv[1], 'wb') as f: pickle.dump({'W1': Evil()}, f, protocol=4)
print(json.dumps(1))`,
      [file],
    );
    expect(() => readPickledArrays(readFileSync(file))).toThrow(/posix\.system|os\.system|nt\.system/);
  });

  it('reports truncation at every cut point of a real file instead of misreading', () => {
    for (const cut of [1, 2, 10, 100, 600, sampleWeight.length / 2, sampleWeight.length - 1]) {
      expect(() => readPickledArrays(sampleWeight.subarray(0, Math.floor(cut))), `cut at ${cut}`).toThrow(
        PickleFormatError,
      );
    }
    expect(() => readPickledArrays(sampleWeight.subarray(0, 600))).toThrow(/Truncated pickle/);
  });

  it('refuses huge declared sizes without allocating them', () => {
    // BINBYTES8 claiming 2^62 bytes, BINUNICODE claiming 4 GiB, LONG_BINPUT far away: all tiny files.
    const bytes8 = concat([0x80, 4, 0x8e], [0, 0, 0, 0, 0, 0, 0, 0x40], [1, 2, 3]);
    expect(() => readPickledArrays(bytes8)).toThrow(/Truncated pickle: bytes at offset 11 needs/);
    const unicode = concat([0x80, 3, 0x58, 0xff, 0xff, 0xff, 0xff], ascii('W1'));
    expect(() => readPickledArrays(unicode)).toThrow(/needs 4,294,967,295 bytes, only 2 bytes left/);
    // An array state whose shape declares 10^12 float64 values over 8 bytes of data.
    const good = writePickledArrays([{ name: 'W1', shape: [2], data: Float32Array.of(1, 2) }], {
      protocol: 3,
    });
    const i = good.indexOf(0x4b, good.indexOf(0x62) + 1); // first BININT1 inside the state tuple ...
    const huge = concat(
      good.subarray(0, i + 2),
      [0x4a, 0xff, 0xff, 0xff, 0x7f, 0x4a, 0xff, 0xff, 0xff, 0x7f, 0x86],
      good.subarray(good.indexOf(0x85, i) + 1),
    );
    expect(() => readPickledArrays(huge)).toThrow(
      /Array data has 8 bytes but shape \(2147483647, 2147483647\) of float32 needs/,
    );
  });

  it('refuses a pickle that rebuilds one memoised blob into many arrays (allocation amplifier)', () => {
    const text = (s: string) => concat([0x58, s.length, 0, 0, 0], ascii(s));
    const blob = concat([0x42, 0xa0, 0x0f, 0, 0], new Uint8Array(4000), [0x71, 0, 0x30]); // BINBYTES 4000, BINPUT 0, POP
    const array = (key: string) =>
      concat(
        text(key),
        ascii('cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\n'),
        [0x4b, 0, 0x85, 0x43, 1, 0x62, 0x87, 0x52],
        [0x28, 0x4b, 1, 0x4d, 0xe8, 0x03, 0x85],
        ascii('cnumpy\ndtype\n'),
        text('f4'),
        [0x89, 0x88, 0x87, 0x52],
        [0x28, 0x4b, 3],
        text('<'),
        [0x4e, 0x4e, 0x4e, 0x4a, 255, 255, 255, 255, 0x4a, 255, 255, 255, 255, 0x4b, 0, 0x74, 0x62],
        [0x89, 0x68, 0, 0x74, 0x62, 0x73],
      ); // NEWFALSE, BINGET 0 (the blob again), TUPLE, BUILD, SETITEM
    const one = concat([0x80, 3, 0x7d], blob, array('a0'), [0x2e]);
    expect(readPickledArrays(one).get('a0')!.shape).toEqual([1000]); // the crafted array is well formed
    const many = concat(
      [0x80, 3, 0x7d],
      blob,
      ...Array.from({ length: 20 }, (_, k) => array(`a${k}`)),
      [0x2e],
    );
    expect(many.length).toBeLessThan(4000 * 2);
    expect(() => readPickledArrays(many)).toThrow(/asks for more memory than its own size justifies/);
  });

  it('explains other malformed inputs', () => {
    expect(() => readPickledArrays(ascii('hello'))).toThrow(/Unsupported pickle opcode 0x68|memo entry/);
    expect(() => readPickledArrays(Uint8Array.of(0x80, 1, 0x2e))).toThrow(/Unsupported pickle protocol 1/);
    expect(() => readPickledArrays(Uint8Array.of(0x80, 2, 0x5d, 0x2e))).toThrow(
      /does not hold a dict of arrays/,
    );
    expect(() => readPickledArrays(Uint8Array.of(0x80, 2, 0x2e))).toThrow(/stack is empty/);
    expect(() => readPickledArrays(Uint8Array.of(0x80, 2, 0x68, 5, 0x2e))).toThrow(
      /memo entry 5 is read before it is written/,
    );
  });
});
