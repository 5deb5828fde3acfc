/** Painting a typed array onto a canvas through ImageData: one pixel per value, fast. */

/**
 * Resize `canvas` to width x height and let `fill` write its RGBA bytes. Returns false where
 * there is no 2-D context (jsdom in tests, or a lost context), so callers can skip quietly.
 */
export function paintPixels(
  canvas: HTMLCanvasElement | null,
  width: number,
  height: number,
  fill: (rgba: Uint8ClampedArray) => void,
): boolean {
  if (!canvas) return false;
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const image = ctx.createImageData(width, height);
  fill(image.data);
  ctx.putImageData(image, 0, 0);
  return true;
}

/** The 2-D context of a canvas, or null where canvases cannot draw (jsdom). */
export function context2d(
  canvas: HTMLCanvasElement | null,
  options?: CanvasRenderingContext2DSettings,
): CanvasRenderingContext2D | null {
  if (!canvas) return null;
  return canvas.getContext('2d', options);
}
