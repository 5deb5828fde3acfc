/**
 * Hostile weights files against the decoders: each is refused with the message that says what is
 * wrong, at a cost in proportion to the file (before, each took minutes or gigabytes: the LONG4
 * integer was decoded in quadratic time, the EMPTY_DICTs became millions of Maps, the lying or
 * shared .npz entries and the deflated gigabyte were inflated in full before any check).
 * How much memory refusing costs is checked in test/main/decode-worker.test.ts, in a worker whose
 * heap is capped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NpyFormatError, PickleFormatError, WeightsJsonError } from '../../src/formats/errors';
import { MAX_JSON_VALUES, MAX_NPZ_ENTRIES, pickleObjectLimit } from '../../src/formats/limits';
import { writeNpy } from '../../src/formats/npy';
import { readNpz } from '../../src/formats/npz';
import { loadPickle } from '../../src/formats/pickle';
import { decodeWeights, encodeWeights } from '../../src/formats/weights';
import { decodeWeightsJson } from '../../src/formats/weights-json';
import {
  deflatedZeros,
  npyHeader,
  npzGigabyteOfZeros,
  npzLyingDirectory,
  npzSharedStream,
  npzStreamLongerThanDeclared,
  pickleEmptyDicts,
  pickleLong4,
  zipOf,
} from './hostile-files';

describe('hostile pickles', () => {
  it('refuses a 1 MB LONG4 integer at once, without decoding it', () => {
    expect(() => loadPickle(pickleLong4())).toThrow(PickleFormatError);
    expect(() => loadPickle(pickleLong4())).toThrow(
      'The pickle holds an integer of 1048576 bytes at offset 2; integers over 64 bytes are refused',
    );
  });

  it('still reads the integers Python writes (LONG1 of 8 and 9 bytes, negative too)', () => {
    // pickle.dumps([2**63 - 1, -2**63, 2**64], protocol=2)
    const bytes = Uint8Array.from([
      0x80, 2, 0x5d, 0x28, 0x8a, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x8a, 8, 0, 0, 0, 0, 0, 0,
      0, 0x80, 0x8a, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x65, 0x2e,
    ]);
    expect(loadPickle(bytes)).toEqual([2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n]);
  });

  it('refuses 3 MB of EMPTY_DICT opcodes once it has made the values its size allows', () => {
    const bytes = pickleEmptyDicts();
    const max = pickleObjectLimit(bytes.length);
    expect(max).toBeLessThanOrEqual(100_000);
    expect(() => loadPickle(bytes)).toThrow(
      `The pickle creates more than ${max} values for its 3,145,731 bytes (a dict of NumPy arrays needs a few hundred)`,
    );
  });

  it('counts stack copies and memo entries too (DUP and MEMOIZE are one byte each)', () => {
    const dups = Uint8Array.from([0x80, 2, 0x4e, ...new Array<number>(1 << 20).fill(0x32), 0x2e]);
    expect(() => loadPickle(dups)).toThrow(PickleFormatError);
    const memos = Uint8Array.from([0x80, 4, 0x4e, ...new Array<number>(1 << 20).fill(0x94), 0x2e]);
    expect(() => loadPickle(memos)).toThrow(/creates more than \d+ values/);
  });
});

describe('hostile .npz archives', () => {
  it('compares the central directory with each local header: a lying directory is refused', () => {
    expect(() => readNpz(npzLyingDirectory())).toThrow(
      "The .npz entry W1.npy is described differently by the archive's directory and by its own header",
    );
    // Both headers tell the same lie: the compressed bytes they claim are not in the file.
    expect(() => readNpz(npzLyingDirectory(true))).toThrow(
      'The .npz entry W1.npy declares 1,000,000 bytes of compressed data, more than the archive holds for it',
    );
  });

  it('refuses entries that share one compressed stream', () => {
    expect(() => readNpz(npzSharedStream(1000, true))).toThrow(
      'The .npz entries W1.npy and W1.npy share the same bytes',
    );
    expect(() => readNpz(npzSharedStream(1000))).toThrow(
      'The .npz entries W1.npy and W2.npy share the same bytes',
    );
    // A local header that starts inside another entry's data.
    const npy = writeNpy({ shape: [64], data: new Float32Array(64) });
    const archive = zipOf([
      { name: 'W1.npy', method: 0, data: npy, size: npy.length },
      { name: 'b1.npy', method: 0, data: npy, size: npy.length },
    ]);
    const view = new DataView(archive.buffer);
    const second = archive.findLastIndex(
      (_, i) => i + 4 <= archive.length && view.getUint32(i, true) === 0x02014b50,
    );
    view.setUint32(second + 42, 30 + 6 + 8, true); // into W1.npy's data
    expect(() => readNpz(archive)).toThrow(NpyFormatError);
  });

  it('refuses a deflated gigabyte of zeros from its .npy header, before inflating it', () => {
    const bytes = npzGigabyteOfZeros();
    expect(bytes.length).toBeLessThan(1.1e6);
    expect(() => readNpz(bytes)).toThrow(
      'In W1.npy: An array of shape (268435456) of float32 needs 1,073,741,824 bytes; a weights file may hold at most 83,886,080 bytes of arrays.',
    );
  });

  it('stops inflating as soon as an entry passes the size its header declared', () => {
    expect(() => readNpz(npzStreamLongerThanDeclared())).toThrow(
      /The .npz entry W1.npy inflates to more than the 168 bytes it declares \([\d,]+ bytes so far\)/,
    );
  });

  it('refuses more entries than a network has, and arrays over the total cap together', () => {
    const many = zipOf(
      Array.from({ length: MAX_NPZ_ENTRIES + 1 }, (_, i) => {
        const npy = writeNpy({ shape: [1], data: new Float32Array(1) });
        return { name: `a${i}.npy`, method: 0 as const, data: npy, size: npy.length };
      }),
    );
    expect(() => readNpz(many)).toThrow(`The .npz archive lists ${MAX_NPZ_ENTRIES + 1} entries`);
    // Five arrays of 20 MiB: each is allowed, together they pass 80 MiB.
    const header = npyHeader(5 << 20);
    const data = deflatedZeros(header, 20 << 20);
    const five = zipOf(
      Array.from({ length: 5 }, (_, i) => ({
        name: `W${i + 1}.npy`,
        method: 8 as const,
        data,
        size: header.length + (20 << 20),
      })),
    );
    expect(() => readNpz(five)).toThrow('The arrays of this .npz need more than 83,886,080 bytes in all');
  });

  it('reads an archive laid out as np.savez lays it out (Python zipfile, zip64 local headers)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'npz-zip64-'));
    const tensors = [
      { name: 'W1', shape: [784, 50], data: Float32Array.from({ length: 784 * 50 }, (_, i) => Math.sin(i)) },
      { name: 'b1', shape: [50], data: Float32Array.from({ length: 50 }, (_, i) => i) },
    ];
    for (const t of tensors) writeFileSync(path.join(dir, `${t.name}.npy`), writeNpy(t));
    for (const [file, method] of [
      ['plain.npz', 'ZIP_STORED'],
      ['small.npz', 'ZIP_DEFLATED'],
    ]) {
      execFileSync('/usr/bin/python3', [
        '-c',
        `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', compression=zipfile.${method}, allowZip64=True) as z:
    for name in ['W1.npy', 'b1.npy']:
        with open(sys.argv[2] + '/' + name, 'rb') as src, z.open(name, 'w', force_zip64=True) as out: out.write(src.read())`,
        path.join(dir, file),
        dir,
      ]);
      const arrays = readNpz(new Uint8Array(readFileSync(path.join(dir, file))));
      for (const t of tensors) expect(arrays.get(t.name)!.data).toEqual(t.data);
    }
  });
});

describe('hostile weights JSON', () => {
  const tensors = [{ name: 'W1', shape: [2], data: Float32Array.of(1, 2) }];
  const architecture = {
    inputSize: 2,
    hidden: [],
    outputSize: 2,
    activation: 'relu' as const,
    batchNorm: false,
  };
  const withMetrics = (metrics: unknown) => encodeWeights('json', tensors, { architecture, metrics });

  it('refuses more values than a weights file needs, before parsing them', () => {
    const values = new TextEncoder().encode(`{"metrics": [${'[],'.repeat(MAX_JSON_VALUES)}[]]}`);
    expect(() => decodeWeightsJson(values)).toThrow(WeightsJsonError);
    expect(() => decodeWeightsJson(values)).toThrow('The weights JSON holds more than 1,000,000 values');
    const deep = new TextEncoder().encode(`{"metrics": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(() => decodeWeightsJson(deep)).toThrow('The weights JSON nests deeper than 64 levels');
  });

  it('keeps metrics of a real size and drops oversized ones (importing never reads them)', () => {
    const epochs = Array.from({ length: 100 }, (_, i) => ({ epoch: i + 1, testAccuracy: 0.9 }));
    expect(decodeWeights(withMetrics({ epochs })).meta?.metrics).toEqual({ epochs });
    const huge = { notes: 'x'.repeat(5 << 20) };
    const decoded = decodeWeights(withMetrics(huge));
    expect(decoded.meta?.metrics).toBeUndefined();
    expect(decoded.tensors[0].data).toEqual(Float32Array.of(1, 2));
  });

  it('refuses oversized training settings', () => {
    const config = { learningRate: 0.1, notes: 'x'.repeat(100_000) };
    expect(() => decodeWeights(encodeWeights('json', tensors, { architecture, config }))).toThrow(
      /The training settings in the weights JSON are \d+ characters long; at most 65536 are read/,
    );
  });
});
