/**
 * Data augmentation for MNIST-sized images: a random shift and rotation, resampled bilinearly.
 * Not in the book (which trains on the images as they are), but a classic way to fight overfitting.
 *
 * Each output pixel p looks up where it came from: src = R(-θ) · (p - c - s) + c, with c the image
 * centre, s the shift and θ the rotation, and blends the four source pixels around src.
 */

/**
 * out (side·side) = src image (uint8 at srcOffset, side·side) shifted by (shiftX, shiftY) pixels and
 * rotated by `angle` radians about its centre, scaled to [0, 1]. Pixels from outside are 0.
 */
export function shiftRotate(
  src: Uint8Array,
  srcOffset: number,
  out: Float32Array,
  side: number,
  shiftX: number,
  shiftY: number,
  angle: number,
): void {
  const c = (side - 1) / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const scale = 1 / 255;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const dx = x - c - shiftX;
      const dy = y - c - shiftY;
      // Inverse rotation: where in the source did this output pixel come from?
      const sx = cos * dx + sin * dy + c;
      const sy = -sin * dx + cos * dy + c;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const v00 = pixelAt(src, srcOffset, side, x0, y0);
      const v10 = pixelAt(src, srcOffset, side, x0 + 1, y0);
      const v01 = pixelAt(src, srcOffset, side, x0, y0 + 1);
      const v11 = pixelAt(src, srcOffset, side, x0 + 1, y0 + 1);
      const top = v00 + fx * (v10 - v00);
      const bottom = v01 + fx * (v11 - v01);
      out[y * side + x] = (top + fy * (bottom - top)) * scale;
    }
  }
}

/** The uint8 pixel at (x, y), or 0 outside the image. */
function pixelAt(src: Uint8Array, offset: number, side: number, x: number, y: number): number {
  return x < 0 || y < 0 || x >= side || y >= side ? 0 : src[offset + y * side + x];
}
