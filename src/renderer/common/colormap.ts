/**
 * Colour maps for looking inside a network. Weights are signed, so they get a diverging map:
 * blue for negative, white for zero, red for positive, on a symmetric scale (±max|W|) so that
 * white always means exactly zero and equal distances from zero look equally strong.
 */

export type Rgb = readonly [number, number, number];

/** ColorBrewer RdBu end points: strong negative and strong positive. */
export const NEGATIVE_RGB: Rgb = [33, 102, 172];
export const POSITIVE_RGB: Rgb = [178, 24, 43];
const WHITE: Rgb = [255, 255, 255];

/** Largest absolute value in `data` (0 for an empty array). Used as the symmetric scale. */
export function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    if (a > m) m = a;
  }
  return m;
}

/** Map v in [-scale, scale] to blue-white-red; values beyond the scale are clamped. */
export function diverging(v: number, scale: number): Rgb {
  const t = scale > 0 ? Math.max(-1, Math.min(1, v / scale)) : 0;
  const end = t < 0 ? NEGATIVE_RGB : POSITIVE_RGB;
  const s = Math.abs(t);
  return [
    Math.round(WHITE[0] + (end[0] - WHITE[0]) * s),
    Math.round(WHITE[1] + (end[1] - WHITE[1]) * s),
    Math.round(WHITE[2] + (end[2] - WHITE[2]) * s),
  ];
}

/**
 * Fill an RGBA buffer (ImageData.data) with the diverging colours of `values`, one pixel each.
 * `values(i)` returns the i-th value; `out` has 4 * count bytes.
 */
export function fillDiverging(
  out: Uint8ClampedArray,
  count: number,
  values: (i: number) => number,
  scale: number,
): void {
  for (let i = 0; i < count; i++) {
    const [r, g, b] = diverging(values(i), scale);
    out[4 * i] = r;
    out[4 * i + 1] = g;
    out[4 * i + 2] = b;
    out[4 * i + 3] = 255;
  }
}

/**
 * A translucent CSS colour for a DOM cell: red (positive) or blue (negative) with opacity |v|/scale,
 * so it blends with the page background in both light and dark themes.
 */
export function divergingCss(v: number, scale: number): string {
  const t = scale > 0 ? Math.max(-1, Math.min(1, v / scale)) : 0;
  const [r, g, b] = t < 0 ? NEGATIVE_RGB : POSITIVE_RGB;
  return `rgba(${r}, ${g}, ${b}, ${Math.abs(t).toFixed(3)})`;
}

/** MNIST pixels (0..255 ink) -> RGBA: ink is dark on white paper, like a printed digit. */
export function fillGrey(out: Uint8ClampedArray, pixels: ArrayLike<number>): void {
  for (let i = 0; i < pixels.length; i++) {
    const v = 255 - pixels[i];
    out[4 * i] = v;
    out[4 * i + 1] = v;
    out[4 * i + 2] = v;
    out[4 * i + 3] = 255;
  }
}
