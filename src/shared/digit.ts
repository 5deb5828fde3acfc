/**
 * Turning a drawing into MNIST's own format, the way MNIST itself was made (LeCun et al.):
 * crop the ink to its bounding box, scale it to fit a 20x20 box keeping the aspect ratio, with
 * anti-aliased grey levels, and place it in a 28x28 field so that its centre of mass sits at the
 * field's centre.
 *
 * Pure functions over typed arrays: the drawing canvas uses them, and so does the robustness test
 * that pushes real MNIST test digits through the same path.
 */

export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;

/** A grey raster: ink intensity per pixel, row-major, 0 = paper. */
export interface Raster {
  width: number;
  height: number;
  /** (height, width) ink in 0..1 (or any non-negative scale). */
  data: Float32Array;
}

export interface Box {
  left: number;
  top: number;
  /** Exclusive. */
  right: number;
  /** Exclusive. */
  bottom: number;
}

/** The smallest box holding every pixel with ink above `threshold`; null for an empty raster. */
export function boundingBox(r: Raster, threshold = 0): Box | null {
  let left = r.width;
  let top = r.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < r.height; y++) {
    const row = y * r.width;
    for (let x = 0; x < r.width; x++) {
      if (r.data[row + x] > threshold) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return right < 0 ? null : { left, top, right: right + 1, bottom: bottom + 1 };
}

/**
 * Area weights for one axis: how much of source pixel i (covering [i, i+1)) falls inside the
 * footprint [a, b) of each output pixel, divided by the footprint's length.
 */
function areaWeights(from: number, length: number, outCount: number, srcCount: number) {
  const step = length / outCount;
  const first = new Int32Array(outCount);
  const weights: Float32Array[] = [];
  for (let o = 0; o < outCount; o++) {
    const a = from + o * step;
    // The last footprint ends exactly at the box edge; rounding must not push it one pixel past.
    const b = o === outCount - 1 ? from + length : a + step;
    const i0 = Math.max(0, Math.floor(a));
    const i1 = Math.min(srcCount, from + length, Math.ceil(b));
    const w = new Float32Array(Math.max(0, i1 - i0));
    for (let i = i0; i < i1; i++) w[i - i0] = (Math.min(b, i + 1) - Math.max(a, i)) / step;
    first[o] = i0;
    weights.push(w);
  }
  return { first, weights };
}

/**
 * Resample `box` of `r` into a width x height raster by area averaging: each output pixel is the
 * mean ink over the part of the source it covers, so shrinking gives anti-aliased grey levels.
 * Separable: rows first, then columns.
 */
export function resample(r: Raster, box: Box, width: number, height: number): Raster {
  const bw = box.right - box.left;
  const bh = box.bottom - box.top;
  const wx = areaWeights(box.left, bw, width, r.width);
  const wy = areaWeights(box.top, bh, height, r.height);
  // (bh rows of the box, width) after the horizontal pass
  const rows = new Float32Array(bh * width);
  for (let y = 0; y < bh; y++) {
    const src = (box.top + y) * r.width;
    for (let o = 0; o < width; o++) {
      const w = wx.weights[o];
      const i0 = wx.first[o];
      let sum = 0;
      for (let i = 0; i < w.length; i++) sum += w[i] * r.data[src + i0 + i];
      rows[y * width + o] = sum;
    }
  }
  const out = new Float32Array(width * height);
  for (let o = 0; o < height; o++) {
    const w = wy.weights[o];
    const j0 = wy.first[o] - box.top;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let j = 0; j < w.length; j++) sum += w[j] * rows[(j0 + j) * width + x];
      out[o * width + x] = sum;
    }
  }
  return { width, height, data: out };
}

/** Centre of mass (x, y) in pixel indices (the first pixel is 0); null when empty. */
export function centerOfMass(r: Raster): { x: number; y: number } | null {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const v = r.data[y * r.width + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  return mass > 0 ? { x: mx / mass, y: my / mass } : null;
}

/**
 * A drawing -> 784 MNIST pixels (0..255, uint8), or null when nothing is drawn.
 * The ink is scaled so its longer side is 20 pixels, then shifted by whole pixels so the centre
 * of mass lands on the middle of the 28x28 field, pixel (14, 14) as in MNIST itself.
 */
export function toMnist(drawing: Raster, threshold = 0.02): Uint8Array | null {
  const box = boundingBox(drawing, threshold);
  if (!box) return null;
  const bw = box.right - box.left;
  const bh = box.bottom - box.top;
  const scale = MNIST_BOX / Math.max(bw, bh);
  const w = Math.max(1, Math.round(bw * scale));
  const h = Math.max(1, Math.round(bh * scale));
  const digit = resample(drawing, box, w, h);

  let peak = 0;
  for (const v of digit.data) if (v > peak) peak = v;
  if (peak <= 0) return null;
  const com = centerOfMass(digit)!;
  // MNIST's own digits have their centre of mass at pixel (14, 14) (measured on the test set:
  // mean 14.01, 13.99, spread 0.3), so that is where ours goes.
  const centre = MNIST_SIDE / 2;
  const dx = Math.round(centre - com.x);
  const dy = Math.round(centre - com.y);

  const out = new Uint8Array(MNIST_SIDE * MNIST_SIDE);
  // Grey levels relative to the strongest stroke: MNIST's digits all reach full intensity.
  const gain = 255 / peak;
  for (let y = 0; y < h; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= MNIST_SIDE) continue;
    for (let x = 0; x < w; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= MNIST_SIDE) continue;
      out[ty * MNIST_SIDE + tx] = Math.min(255, Math.round(digit.data[y * w + x] * gain));
    }
  }
  return out;
}
