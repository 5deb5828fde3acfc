/**
 * Reading back a PNG a lab saved: what is drawn in given regions of it, decoded by the browser
 * (this tsconfig has no DOM types, so the page script is a string).
 */
import type { Page } from 'playwright-core';

/** A region in CSS pixels of the saved figure (the PNG is at 2x). */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Per region: the share of its pixels unlike the background (pixel (1, 1)) and its red channel's spread. */
export async function pngRegions(
  page: Page,
  png: Buffer,
  regions: Region[],
): Promise<{ drawn: number; spread: number }[]> {
  return (await page.evaluate(`(async () => {
    const regions = ${JSON.stringify(regions)};
    const image = new Image();
    image.src = 'data:image/png;base64,${png.toString('base64')}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const bg = ctx.getImageData(1, 1, 1, 1).data;
    return regions.map((r) => {
      const px = ctx.getImageData(r.x * 2, r.y * 2, r.width * 2, r.height * 2).data;
      let differs = 0, lo = 255, hi = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i] - bg[0]) + Math.abs(px[i + 2] - bg[2]) > 60) differs++;
        lo = Math.min(lo, px[i]);
        hi = Math.max(hi, px[i]);
      }
      return { drawn: differs / (px.length / 4), spread: hi - lo };
    });
  })()`)) as { drawn: number; spread: number }[];
}
