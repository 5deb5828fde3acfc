/**
 * A dataset folder is read in a thread of its own (issue 16): a hostile folder is refused with a
 * message while the main thread goes on (its timers keep running, the service keeps its old MNIST),
 * a load past its deadline or its heap is stopped with a message, absolute limits come before any
 * allocation (a raw IDX file over the limit is refused unread), and the per-image pixel index cannot
 * wrap (65,536 pixels is the last size it can index; one more is refused even by shareSplit itself).
 */
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MNIST_FILES, bundledMnistFolder, shareSplit } from '../../src/main/lab/dataset';
import { loadMnistOffThread } from '../../src/main/lab/load-off-thread';
import { LabService } from '../../src/main/lab/service';
import { viewSplit } from '../../src/shared/dataset';

const tmpDirs: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mnist-lab-hostile-'));
  tmpDirs.push(dir);
  return dir;
}
const lab = new LabService({ warn: () => {} });
afterAll(async () => {
  await lab.close();
  tmpDirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** An IDX file: magic 0x0000 08 <ndim>, big-endian sizes, then `data`. */
function idx(dims: number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

/** A folder with the real test split and the given training files. */
function folderWith(trainImages: [string, Uint8Array], trainLabels: [string, Uint8Array]): string {
  const dir = tempFolder();
  for (const name of [MNIST_FILES.testImages, MNIST_FILES.testLabels])
    copyFileSync(path.join(bundledMnistFolder(), name), path.join(dir, name));
  for (const [name, bytes] of [trainImages, trainLabels]) writeFileSync(path.join(dir, name), bytes);
  return dir;
}

/**
 * 120,000 blank 28x28 training images, gzipped to a few hundred KB (94 MB unpacked, within the
 * limits, so it is all unpacked and indexed), whose labels file ends in a label that is no digit.
 */
function hostileFolder(): string {
  const count = 120_000;
  const images = gzipSync(idx([count, 28, 28], new Uint8Array(count * 784)), { level: 9 });
  const labels = new Uint8Array(count);
  labels[count - 1] = 200;
  return folderWith(
    [`${MNIST_FILES.trainImages}.gz`, images],
    [MNIST_FILES.trainLabels, idx([count], labels)],
  );
}

describe('a dataset folder is read off the main thread', () => {
  it('refuses a hostile folder with its message while the main thread keeps running', async () => {
    const before = await lab.datasetInfo();
    expect(before.source).toBe('bundled');
    const dir = hostileFolder();

    // Counts turns of the main thread's event loop while the folder is being read.
    let ticks = 0;
    let loading = true;
    const tick = () => {
      ticks++;
      if (loading) setImmediate(tick);
    };
    setImmediate(tick);
    const answered: string[] = [];
    const load = lab.setDatasetFolder(dir).finally(() => (loading = false));
    // The service answers other calls meanwhile.
    answered.push((await lab.datasetInfo()).source);
    await expect(load).rejects.toThrow(
      /Cannot read train-images-idx3-ubyte\.gz \/ train-labels-idx1-ubyte: Label 119999 is 200; MNIST labels must be digits 0 to 9\./,
    );
    expect(ticks).toBeGreaterThan(0); // a load on the main thread lets none through
    expect(answered).toEqual(['bundled']);
    // The old dataset stays.
    expect(await lab.datasetInfo()).toEqual(before);
  });

  it('stops a load that passes its deadline', async () => {
    await expect(loadMnistOffThread(undefined, { deadlineMs: 1 })).rejects.toThrow(
      'Reading the dataset took longer than 0.001 s, more than any MNIST-format folder needs; it was stopped.',
    );
  });

  it('reports a heap the load cannot fit in, instead of aborting the process', async () => {
    await expect(loadMnistOffThread(undefined, { heapMb: 1 })).rejects.toThrow(
      'Reading the dataset needs more than 1 MiB of memory, more than any MNIST-format folder needs; it was stopped.',
    );
  });

  it('refuses a raw IDX file over the absolute limit without reading it', async () => {
    const dir = folderWith(
      [MNIST_FILES.trainImages, new Uint8Array(0)],
      [MNIST_FILES.trainLabels, idx([1], new Uint8Array(1))],
    );
    // A sparse file of 600 MiB: what its size says is refused before a byte of it is read.
    truncateSync(path.join(dir, MNIST_FILES.trainImages), 600 * 1024 * 1024);
    await expect(loadMnistOffThread(dir)).rejects.toThrow(
      'train-images-idx3-ubyte is 629,145,600 bytes long; an IDX file may hold at most 536,870,912 bytes of data.',
    );
  });

  it('indexes the last pixel of a 256x256 image as 65535 (the pixel index does not wrap)', async () => {
    const pixels = new Uint8Array(2 * 65_536);
    pixels[65_535] = 255; // image 0's last pixel
    pixels[65_536] = 7; // image 1's first
    const images = idx([2, 256, 256], pixels);
    const labels = idx([2], new Uint8Array([3, 4]));
    const dir = tempFolder();
    for (const name of [MNIST_FILES.trainImages, MNIST_FILES.testImages])
      writeFileSync(path.join(dir, name), images);
    for (const name of [MNIST_FILES.trainLabels, MNIST_FILES.testLabels])
      writeFileSync(path.join(dir, name), labels);
    const { shared, info } = await loadMnistOffThread(dir);
    expect(info).toMatchObject({ rows: 256, cols: 256, trainCount: 2, testCount: 2 });
    for (const split of [shared.train, shared.test]) {
      const view = viewSplit(split, 65_536);
      expect(Array.from(view.rowPtr)).toEqual([0, 1, 2]);
      expect(Array.from(view.colIdx)).toEqual([65_535, 0]);
      expect(Array.from(view.values)).toEqual([255, 7]);
    }
  });

  it('refuses images over 65,536 pixels even in shareSplit, where the index is built', () => {
    const rows = 257;
    const cols = 256;
    const images = new Uint8Array(rows * cols);
    images[65_536] = 1; // pixel 65,536 would be indexed as 0
    expect(() => shareSplit({ count: 1, rows, cols, images, labels: new Uint8Array(1) })).toThrow(
      'The images are 257x256 pixels; images of 1 to 65,536 pixels can be used.',
    );
  });
});
