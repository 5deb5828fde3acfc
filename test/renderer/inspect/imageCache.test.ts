import { describe, expect, it } from 'vitest';
import { pagesFor, TestImageCache } from '../../../src/renderer/inspect/imageCache';
import { imageLab, mnistTest } from './setup';

describe('test image page cache over sampleImages (≤100 per call)', () => {
  it('pagesFor lists each 100-image page once, ascending', () => {
    expect(pagesFor([5, 250, 99, 100, 9999, 201])).toEqual([0, 1, 2, 99]);
    expect(pagesFor([])).toEqual([]);
  });

  it('returns the real MNIST pixels of each index asked for', async () => {
    const lab = imageLab();
    const cache = new TestImageCache(lab, 10_000);
    const wanted = [0, 1, 149, 9999];
    const got = await cache.get(wanted);
    const t = mnistTest();
    for (const i of wanted)
      expect(Array.from(got.get(i)!)).toEqual(Array.from(t.pixels.subarray(i * 784, (i + 1) * 784)));
    // Three pages: 0, 1 and 99.
    expect(lab.sampleCalls).toEqual([
      [0, 100],
      [100, 100],
      [9900, 100],
    ]);
  });

  it('never asks for a page twice, even when two requests overlap in flight', async () => {
    const lab = imageLab();
    const cache = new TestImageCache(lab, 10_000);
    await Promise.all([cache.get([10, 20]), cache.get([30, 120])]);
    await cache.get([99, 100, 199]);
    expect(lab.sampleCalls).toEqual([
      [0, 100],
      [100, 100],
    ]);
  });

  it('asks only for what exists on a short last page and ignores out-of-range indices', async () => {
    const lab = imageLab();
    const cache = new TestImageCache(lab, 1050);
    const got = await cache.get([1049, 1050, -1]);
    expect([...got.keys()]).toEqual([1049]);
    expect(lab.sampleCalls).toEqual([[1000, 50]]);
  });

  it('forgets a failed page so a later request retries it', async () => {
    const lab = imageLab();
    let fail = true;
    const flaky = {
      sampleImages: (split: 'train' | 'test', start: number, count: number) =>
        fail ? Promise.reject(new Error('service restarting')) : lab.sampleImages(split, start, count),
    };
    const cache = new TestImageCache(flaky, 10_000);
    await expect(cache.get([5])).rejects.toThrow('service restarting');
    fail = false;
    const got = await cache.get([5]);
    expect(got.get(5)).toHaveLength(784);
  });
});
