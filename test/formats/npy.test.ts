import { zipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NpyFormatError } from '../../src/formats/errors';
import { parseNpyHeader, readNpy, writeNpy } from '../../src/formats/npy';
import { readNpz, writeNpz } from '../../src/formats/npz';
import { numpyMissingReason, runPython } from './helpers';

const noNumpy = numpyMissingReason();
const tmp = () => mkdtempSync(path.join(tmpdir(), 'npy-'));

const tensors = [
  { name: 'W1', shape: [784, 50], data: Float32Array.from({ length: 784 * 50 }, (_, i) => Math.cos(i) / 30) },
  { name: 'b1', shape: [50], data: Float32Array.from({ length: 50 }, (_, i) => i - 25.5) },
  { name: 'W2', shape: [50, 10], data: Float32Array.from({ length: 500 }, (_, i) => (i % 7) * 1e-4) },
  { name: 'b2', shape: [10], data: new Float32Array(10) },
];

describe('parseNpyHeader (a strict grammar, never evaluated)', () => {
  it('reads what NumPy writes', () => {
    expect(parseNpyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (784, 50), }   \n")).toEqual({
      descr: '<f4',
      fortranOrder: false,
      shape: [784, 50],
    });
    expect(parseNpyHeader("{'descr': '|u1', 'fortran_order': True, 'shape': (3,), }")).toEqual({
      descr: '|u1',
      fortranOrder: true,
      shape: [3],
    });
    expect(parseNpyHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (), }").shape).toEqual([]);
  });

  it('refuses anything that is not plain data, saying where it stops reading', () => {
    const refusal = (header: string) => {
      try {
        parseNpyHeader(header);
      } catch (error) {
        expect(error).toBeInstanceOf(NpyFormatError);
        return (error as NpyFormatError).data;
      }
      throw new Error(`accepted ${header}`);
    };
    const code = "{'descr': __import__('os').system('ls'), 'fortran_order': False, 'shape': (1,)}";
    expect(refusal(code)).toEqual({ code: 'npyHeaderSyntax', params: { at: 10, header: JSON.stringify(code) } });
    const sum = "{'descr': '<f4', 'fortran_order': False, 'shape': (1+1,)}";
    expect(refusal(sum)).toMatchObject({ code: 'npyHeaderSyntax', params: { at: sum.indexOf('+') } });
    expect(refusal("{'descr': '<f4', 'shape': (1,)}")).toEqual({
      code: 'npyHeaderKey',
      params: { key: 'fortran_order' },
    });
    expect(() => parseNpyHeader("{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,)}")).toThrow(
      NpyFormatError,
    );
  });
});

describe('.npy read and write', () => {
  it('round-trips float32, float64, uint8 and int32 through our own reader', () => {
    for (const data of [
      Float32Array.of(1.5, -2, 3),
      Float64Array.of(Math.PI, -1e300, 0),
      Uint8Array.of(0, 128, 255),
      Int32Array.of(-7, 0, 2 ** 31 - 1),
    ]) {
      const back = readNpy(writeNpy({ shape: [3], data }));
      expect(back.shape).toEqual([3]);
      expect(back.data).toEqual(data);
    }
  });

  it('aligns the data to 64 bytes like NumPy', () => {
    const bytes = writeNpy({ shape: [2, 3], data: new Float32Array(6) });
    expect((bytes.length - 24) % 64).toBe(0);
    expect(bytes[bytes.length - 25]).toBe(0x0a); // the header ends with a newline
  });

  it('reports a wrong magic, a bad version and truncation', () => {
    const good = writeNpy({ shape: [100], data: new Float32Array(100) });
    expect(() => readNpy(new TextEncoder().encode('PK this is a zip'))).toThrow(
      /does not start with \\x93NUMPY/,
    );
    const v9 = good.slice();
    v9[6] = 9;
    expect(() => readNpy(v9)).toThrow(/Unsupported .npy version 9.0/);
    expect(() => readNpy(good.subarray(0, 200))).toThrow(
      /needs 400 bytes of data, only 72 bytes are present/,
    );
    expect(() => readNpy(good.subarray(0, 30))).toThrow(/Truncated .npy file: the header declares/);
  });

  it('refuses a huge declared shape without allocating it', () => {
    const bytes = writeNpy({ shape: [100], data: new Float32Array(100) });
    const text = new TextDecoder('latin1')
      .decode(bytes.subarray(10, 128))
      .replace('(100,), }', '(99999999, 99999999)}');
    const forged = bytes.slice();
    forged.set(new TextEncoder().encode(text.padEnd(118, ' ')), 10);
    expect(() => readNpy(forged)).toThrow(/shape \(99999999, 99999999\) of float32 needs/);
  });

  it.skipIf(noNumpy)(
    'reads what NumPy saves: C and Fortran order, big-endian, several dtypes, versions 1.0 and 2.0',
    () => {
      const dir = tmp();
      const cases = runPython<Record<string, { shape: number[]; flat: number[] }>>(
        `import numpy as np, json, sys, os
from numpy.lib import format as fmt
rng = np.random.default_rng(1)
arrays = {'f4': rng.standard_normal((4, 6)).astype('<f4'), 'F': np.asfortranarray(rng.standard_normal((3, 4, 5))), 'be': np.arange(12, dtype='>f8').reshape(3, 4) / 7,
  'u1': np.arange(200, dtype=np.uint8), 'i4': np.arange(-5, 5, dtype=np.int32), 'scalar': np.float64(4.5)}
for k, v in arrays.items(): np.save(os.path.join(sys.argv[1], k + '.npy'), v)
with open(os.path.join(sys.argv[1], 'v2.npy'), 'wb') as f: fmt.write_array(f, arrays['f4'], version=(2, 0))
arrays['v2'] = arrays['f4']
print(json.dumps({k: {'shape': list(np.shape(v)), 'flat': np.ravel(v).astype(np.float64).tolist()} for k, v in arrays.items()}))`,
        [dir],
      );
      for (const [name, want] of Object.entries(cases)) {
        const got = readNpy(readFileSync(path.join(dir, `${name}.npy`)));
        expect(got.shape, name).toEqual(want.shape);
        expect(Array.from(got.data as Float64Array, Number), name).toEqual(
          want.flat.map((v) => (got.dtype === 'float32' ? Math.fround(v) : v)),
        );
      }
    },
  );

  it.skipIf(noNumpy)('writes files np.load reads with the same values, shapes and dtypes', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.npy'), writeNpy({ shape: [784, 50], data: tensors[0].data }));
    writeFileSync(path.join(dir, 'b.npy'), writeNpy({ shape: [2, 2], data: Int32Array.of(1, -2, 3, -4) }));
    const got = runPython<{ a: [string, number[], number[]]; b: [string, number[], number[]] }>(
      `import numpy as np, json, sys
a = np.load(sys.argv[1] + '/a.npy'); b = np.load(sys.argv[1] + '/b.npy')
print(json.dumps({'a': [str(a.dtype), list(a.shape), a.ravel().tolist()], 'b': [str(b.dtype), list(b.shape), b.ravel().tolist()]}))`,
      [dir],
    );
    expect(got.a[0]).toBe('float32');
    expect(got.a[1]).toEqual([784, 50]);
    expect(Float32Array.from(got.a[2])).toEqual(tensors[0].data);
    expect(got.b).toEqual(['int32', [2, 2], [1, -2, 3, -4]]);
  });
});

describe('.npz read and write', () => {
  for (const compress of [false, true]) {
    it(`round-trips W1, b1, W2, b2 ${compress ? 'deflated' : 'stored'} through our reader`, () => {
      const back = readNpz(writeNpz(tensors, { compress }));
      expect([...back.keys()]).toEqual(['W1', 'b1', 'W2', 'b2']);
      for (const t of tensors) expect(back.get(t.name)!.data).toEqual(t.data);
    });

    it.skipIf(noNumpy)(
      `${compress ? 'deflated' : 'stored'}: dict(np.load(f)) in Python gives the same float32 arrays`,
      () => {
        const file = path.join(tmp(), 'w.npz');
        writeFileSync(file, writeNpz(tensors, { compress }));
        const got = runPython<Record<string, [string, number[], number[]]>>(
          `import numpy as np, json, sys
d = dict(np.load(sys.argv[1]))
print(json.dumps({k: [str(v.dtype), list(v.shape), v.ravel().tolist()] for k, v in d.items()}))`,
          [file],
        );
        expect(Object.keys(got)).toEqual(['W1', 'b1', 'W2', 'b2']);
        for (const t of tensors) {
          expect(got[t.name][0]).toBe('float32');
          expect(got[t.name][1]).toEqual(t.shape);
          expect(Float32Array.from(got[t.name][2])).toEqual(t.data);
        }
      },
    );
  }

  it.skipIf(noNumpy)('reads np.savez and np.savez_compressed files', () => {
    const dir = tmp();
    const sums = runPython<Record<string, number>>(
      `import numpy as np, json, sys
rng = np.random.default_rng(2)
d = {'W1': rng.standard_normal((784, 50)).astype(np.float32), 'b1': np.zeros(50, np.float32), 'gamma1': np.ones(50)}
np.savez(sys.argv[1] + '/plain.npz', **d); np.savez_compressed(sys.argv[1] + '/small.npz', **d)
print(json.dumps({k: float(v.astype(np.float64).sum()) for k, v in d.items()}))`,
      [dir],
    );
    for (const file of ['plain.npz', 'small.npz']) {
      const arrays = readNpz(readFileSync(path.join(dir, file)));
      expect([...arrays.keys()]).toEqual(['W1', 'b1', 'gamma1']);
      expect(arrays.get('W1')!.shape).toEqual([784, 50]);
      expect(arrays.get('gamma1')!.dtype).toBe('float64');
      for (const [k, sum] of Object.entries(sums)) {
        let s = 0;
        for (const v of arrays.get(k)!.data) s += Number(v);
        expect(s).toBeCloseTo(sum, 3);
      }
    }
  });

  it('reports truncated and damaged archives clearly', () => {
    const bytes = writeNpz(tensors, { compress: true });
    expect(() => readNpz(bytes.subarray(0, bytes.length - 30))).toThrow(NpyFormatError);
    expect(() => readNpz(bytes.subarray(0, bytes.length / 2))).toThrow(/damaged or truncated/);
    expect(() => readNpz(Uint8Array.of(1, 2, 3, 4, 5))).toThrow(/not a zip archive/);
    const notNpy = zipSync({ 'readme.txt': new TextEncoder().encode('hi') });
    expect(() => readNpz(notNpy)).toThrow(/holds readme.txt, which is not a .npy file/);
    const badInside = zipSync(
      { 'W1.npy': writeNpy({ shape: [10], data: new Float32Array(10) }).subarray(0, 70) },
      { level: 0 },
    );
    expect(() => readNpz(badInside)).toThrow(/In W1.npy: Truncated .npy file/);
  });

  it('refuses an entry whose declared size its compressed data cannot hold (zip bomb)', () => {
    const bytes = writeNpz([tensors[1]], { compress: false }).slice();
    // Set the central directory's uncompressed size (offset 24 in the entry) to 2 GB.
    const view = new DataView(bytes.buffer);
    const cd = bytes.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(cd + 24, 2_000_000_000, true);
    // The entry's own header still says the true size: the two are compared, not trusted.
    expect(() => readNpz(bytes)).toThrow(
      /The .npz entry b1.npy is described differently by the archive's directory and by its own header/,
    );
    // Both headers changed alike: the .npy inside says what it really needs.
    const local = bytes.findIndex((_, i) => view.getUint32(i, true) === 0x04034b50);
    view.setUint32(local + 22, 2_000_000_000, true);
    expect(() => readNpz(bytes)).toThrow(NpyFormatError);
  });
});
