import { describe, expect, it } from 'vitest';
import {
  diverging,
  divergingCss,
  fillDiverging,
  fillGrey,
  maxAbs,
  NEGATIVE_RGB,
  POSITIVE_RGB,
} from '../../../src/renderer/common/colormap';

describe('diverging colour map (blue-white-red, symmetric scale)', () => {
  it('maps zero to white and ±scale to the two end colours', () => {
    expect(diverging(0, 2)).toEqual([255, 255, 255]);
    expect(diverging(2, 2)).toEqual([...POSITIVE_RGB]);
    expect(diverging(-2, 2)).toEqual([...NEGATIVE_RGB]);
  });

  it('clamps values beyond the scale and treats a zero scale as all white', () => {
    expect(diverging(10, 2)).toEqual([...POSITIVE_RGB]);
    expect(diverging(-10, 2)).toEqual([...NEGATIVE_RGB]);
    expect(diverging(5, 0)).toEqual([255, 255, 255]);
  });

  it('is halfway between white and the end colour at half the scale', () => {
    const half = diverging(1, 2);
    for (let c = 0; c < 3; c++) expect(half[c]).toBe(Math.round((255 + POSITIVE_RGB[c]) / 2));
  });

  it('gets monotonically less white (green channel falls) as |v| grows, on both sides', () => {
    let previousRed = 256;
    let previousBlue = 256;
    for (let k = 0; k <= 10; k++) {
      const red = diverging(k / 10, 1)[1];
      const blue = diverging(-k / 10, 1)[1];
      expect(red).toBeLessThanOrEqual(previousRed);
      expect(blue).toBeLessThanOrEqual(previousBlue);
      previousRed = red;
      previousBlue = blue;
    }
  });

  it('maxAbs finds the largest magnitude, negative or positive', () => {
    expect(maxAbs(new Float32Array([0.1, -0.7, 0.3]))).toBeCloseTo(0.7, 6);
    expect(maxAbs([])).toBe(0);
  });

  it('fillDiverging writes opaque RGBA pixels for each value', () => {
    const values = [-1, 0, 1];
    const out = new Uint8ClampedArray(12);
    fillDiverging(out, 3, (i) => values[i], 1);
    expect(Array.from(out)).toEqual([...NEGATIVE_RGB, 255, 255, 255, 255, 255, ...POSITIVE_RGB, 255]);
  });

  it('divergingCss is translucent red/blue with opacity |v|/scale', () => {
    expect(divergingCss(0.5, 1)).toBe(`rgba(${POSITIVE_RGB.join(', ')}, 0.500)`);
    expect(divergingCss(-3, 1)).toBe(`rgba(${NEGATIVE_RGB.join(', ')}, 1.000)`);
    expect(divergingCss(0, 0)).toMatch(/, 0\.000\)$/);
  });

  it('fillGrey prints ink dark on white paper', () => {
    const out = new Uint8ClampedArray(8);
    fillGrey(out, [0, 255]);
    expect(Array.from(out)).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
  });
});
