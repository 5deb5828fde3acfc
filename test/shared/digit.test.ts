import { describe, expect, it } from 'vitest';
import { boundingBox, centerOfMass, resample, toMnist, type Raster } from '../../src/shared/digit';

function blank(width: number, height: number): Raster {
  return { width, height, data: new Float32Array(width * height) };
}
function fillRect(r: Raster, left: number, top: number, w: number, h: number, v = 1): void {
  for (let y = top; y < top + h; y++) for (let x = left; x < left + w; x++) r.data[y * r.width + x] = v;
}
function asRaster(pixels: Uint8Array): Raster {
  return { width: 28, height: 28, data: Float32Array.from(pixels, (p) => p / 255) };
}

describe('digit preprocessing', () => {
  it('finds the bounding box of the ink, exclusive on the right and bottom', () => {
    const r = blank(50, 40);
    fillRect(r, 10, 5, 7, 20);
    expect(boundingBox(r)).toEqual({ left: 10, top: 5, right: 17, bottom: 25 });
  });

  it('says an empty canvas is empty instead of predicting', () => {
    expect(boundingBox(blank(280, 280))).toBeNull();
    expect(toMnist(blank(280, 280))).toBeNull();
  });

  it('computes the centre of mass weighted by ink', () => {
    const r = blank(10, 10);
    r.data[2 * 10 + 1] = 1; // (x 1, y 2)
    r.data[2 * 10 + 7] = 3; // (x 7, y 2)
    expect(centerOfMass(r)).toEqual({ x: (1 + 21) / 4, y: 2 });
  });

  it('shrinks with anti-aliased grey levels: a 1-pixel line scaled by 1/2 becomes a half-grey line', () => {
    const r = blank(8, 8);
    fillRect(r, 2, 0, 1, 8); // a vertical line one pixel wide at x = 2
    const half = resample(r, { left: 0, top: 0, right: 8, bottom: 8 }, 4, 4);
    for (let y = 0; y < 4; y++) {
      expect(half.data[y * 4 + 1]).toBeCloseTo(0.5, 1);
      expect(half.data[y * 4 + 3]).toBe(0);
    }
  });

  it('scales a tall stroke so its longer side is 20 pixels and keeps the aspect ratio', () => {
    const r = blank(280, 280);
    fillRect(r, 100, 40, 40, 200); // 40 x 200: aspect 1:5
    const m = toMnist(r)!;
    const b = boundingBox(asRaster(m))!;
    expect(b.bottom - b.top).toBe(20);
    expect(b.right - b.left).toBe(4);
    expect(Math.max(...m)).toBe(255);
  });

  it('centres the ink by its centre of mass at pixel (14, 14) wherever it was drawn', () => {
    for (const [x, y] of [
      [0, 0],
      [200, 30],
      [60, 220],
    ]) {
      const r = blank(280, 280);
      fillRect(r, x, y, 60, 60);
      fillRect(r, x, y, 20, 20, 0.2); // uneven ink moves the centre of mass off the box centre
      const com = centerOfMass(asRaster(toMnist(r)!))!;
      expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    }
  });

  it('handles every box size without reading past the box (float rounding at the edge)', () => {
    for (let w = 1; w <= 280; w++) {
      for (const h of [1, 3, 7, 20, 123, 199, 280]) {
        const r = blank(280, 280);
        fillRect(r, 0, 0, w, h);
        const m = toMnist(r);
        expect(m, `${w}x${h}`).not.toBeNull();
        expect(m!.every((v) => Number.isFinite(v))).toBe(true);
      }
    }
  });
});
