import { describe, expect, it } from 'vitest';
import { centerOfMass, toMnist } from '../../../src/shared/digit';
import { imageDataToRaster, isBlank } from '../../../src/renderer/draw/raster';

/** A 280x280 RGBA buffer like a canvas's ImageData, with an opaque dark rectangle of "ink". */
function rgbaWithRect(
  size: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  alpha = 255,
): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const o = 4 * (y * size + x);
      rgba[o] = 30; // colour is the theme's and does not matter
      rgba[o + 1] = 30;
      rgba[o + 2] = 30;
      rgba[o + 3] = alpha;
    }
  }
  return rgba;
}

describe('canvas ImageData -> ink raster', () => {
  it('reads ink from the alpha channel, 0..1, whatever the stroke colour', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 0, 0, 0, 0, 255, 200, 10, 10, 51, 0, 0, 0, 128]);
    const r = imageDataToRaster(rgba, 2, 2);
    expect(r.width).toBe(2);
    expect(r.height).toBe(2);
    expect(Array.from(r.data).map((v) => +v.toFixed(3))).toEqual([0, 1, 0.2, +(128 / 255).toFixed(3)]);
  });

  it('a transparent canvas is blank and toMnist gives null (the hint, not a prediction)', () => {
    const r = imageDataToRaster(new Uint8ClampedArray(280 * 280 * 4), 280, 280);
    expect(isBlank(r)).toBe(true);
    expect(toMnist(r)).toBeNull();
  });

  it('a vertical bar drawn anywhere becomes an MNIST "1": 20 pixels tall, centred at (14, 14)', () => {
    const r = imageDataToRaster(rgbaWithRect(280, 30, 40, 60, 240), 280, 280);
    expect(isBlank(r)).toBe(false);
    const pixels = toMnist(r)!;
    expect(pixels).toHaveLength(784);
    let rows = 0;
    for (let y = 0; y < 28; y++) {
      let ink = false;
      for (let x = 0; x < 28; x++) if (pixels[y * 28 + x] > 0) ink = true;
      if (ink) rows++;
    }
    expect(rows).toBe(20);
    const com = centerOfMass({ width: 28, height: 28, data: Float32Array.from(pixels) })!;
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...pixels)).toBe(255);
  });

  it('the same bar with half-transparent ink still reaches full intensity (MNIST digits do)', () => {
    const pixels = toMnist(imageDataToRaster(rgbaWithRect(280, 100, 20, 130, 220, 128), 280, 280))!;
    expect(Math.max(...pixels)).toBe(255);
  });
});
