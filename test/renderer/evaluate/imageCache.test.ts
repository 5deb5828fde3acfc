/**
 * The test-image page cache over the real LabService's sampleImages (≤100 images per call): the
 * pixels must be the bundled MNIST test split's, read independently from the IDX files.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pagesFor, TestImageCache } from '../../../src/renderer/evaluate/imageCache';
import { createLab, MISSING_DATASET, MNIST_DIR, type LabService } from '../realLab';
import { mnistTest } from '../common/setup';

let lab: LabService;
beforeAll(() => {
  lab = createLab();
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => lab.close());

/** Every sampleImages call as [start, count]. */
const calls = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([, start, count]) => [start, count]);

describe('test image page cache over the real sampleImages', () => {
  it('pagesFor lists each 100-image page once, ascending', () => {
    expect(pagesFor([5, 250, 99, 100, 9999, 201])).toEqual([0, 1, 2, 99]);
    expect(pagesFor([])).toEqual([]);
  });

  it('returns the real MNIST pixels of each index asked for', async () => {
    const sample = vi.spyOn(lab, 'sampleImages');
    const cache = new TestImageCache(lab, 10_000);
    const wanted = [0, 1, 149, 9999];
    const got = await cache.get(wanted);
    const t = mnistTest();
    for (const i of wanted)
      expect(Array.from(got.get(i)!)).toEqual(Array.from(t.pixels.subarray(i * 784, (i + 1) * 784)));
    // Three pages: 0, 1 and 99.
    expect(calls(sample)).toEqual([
      [0, 100],
      [100, 100],
      [9900, 100],
    ]);
  });

  it('never asks for a page twice, even when two requests overlap in flight', async () => {
    const sample = vi.spyOn(lab, 'sampleImages');
    const cache = new TestImageCache(lab, 10_000);
    await Promise.all([cache.get([10, 20]), cache.get([30, 120])]);
    await cache.get([99, 100, 199]);
    expect(calls(sample)).toEqual([
      [0, 100],
      [100, 100],
    ]);
  });

  it('asks only for what exists on a short last page and ignores out-of-range indices', async () => {
    const sample = vi.spyOn(lab, 'sampleImages');
    const cache = new TestImageCache(lab, 1050);
    const got = await cache.get([1049, 1050, -1]);
    expect([...got.keys()]).toEqual([1049]);
    expect(calls(sample)).toEqual([[1000, 50]]);
  });

  it('forgets a failed page so a later request retries it (dataset folder missing, then chosen)', async () => {
    const broken = createLab({ datasetFolder: MISSING_DATASET });
    try {
      const cache = new TestImageCache(broken, 10_000);
      await expect(cache.get([5])).rejects.toThrow(`Dataset folder not found: ${MISSING_DATASET}`);
      await broken.setDatasetFolder(MNIST_DIR);
      const got = await cache.get([5]);
      expect(Array.from(got.get(5)!)).toEqual(Array.from(mnistTest().pixels.subarray(5 * 784, 6 * 784)));
    } finally {
      await broken.close();
    }
  });
});
