/**
 * Test images on demand. `sampleImages` returns at most 100 images from a start index, so the
 * cache fetches whole pages of 100 around the indices it is asked for and keeps them, so that
 * flipping back through the gallery never asks twice.
 */
import type { LabApi } from '../../shared/api';

export const IMAGE_PAGE = 100;
export const IMAGE_PIXELS = 784;

/** The pages (0-based, of IMAGE_PAGE images) that hold `indices`, ascending and unique. */
export function pagesFor(indices: readonly number[], pageSize = IMAGE_PAGE): number[] {
  const pages = new Set<number>();
  for (const i of indices) pages.add(Math.floor(i / pageSize));
  return [...pages].sort((a, b) => a - b);
}

/** A page cache of the test split's pixels over LabApi.sampleImages. */
export class TestImageCache {
  private readonly pages = new Map<number, Promise<Uint8Array>>();

  /** `total` is the test set's size, so the last page asks only for what exists. */
  constructor(
    private readonly lab: Pick<LabApi, 'sampleImages'>,
    private readonly total: number,
  ) {}

  private page(p: number): Promise<Uint8Array> {
    let got = this.pages.get(p);
    if (!got) {
      const start = p * IMAGE_PAGE;
      const count = Math.min(IMAGE_PAGE, this.total - start);
      got = this.lab.sampleImages('test', start, count).then((s) => s.pixels);
      // A failed page is forgotten so the next request tries again.
      got.catch(() => this.pages.delete(p));
      this.pages.set(p, got);
    }
    return got;
  }

  /** The 784 pixels of each index asked for (views into the cached pages). */
  async get(indices: readonly number[]): Promise<Map<number, Uint8Array>> {
    const valid = indices.filter((i) => i >= 0 && i < this.total);
    const pages = pagesFor(valid);
    const loaded = await Promise.all(pages.map((p) => this.page(p)));
    const byPage = new Map(pages.map((p, k) => [p, loaded[k]]));
    const out = new Map<number, Uint8Array>();
    for (const i of valid) {
      const pixels = byPage.get(Math.floor(i / IMAGE_PAGE))!;
      const offset = (i % IMAGE_PAGE) * IMAGE_PIXELS;
      out.set(i, pixels.subarray(offset, offset + IMAGE_PIXELS));
    }
    return out;
  }
}
