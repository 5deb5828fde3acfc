/** Reading a drawing canvas back as ink: the bridge between pixels on screen and `toMnist`. */
import type { Raster } from '../../shared/digit';

/**
 * RGBA bytes (ImageData.data, (height, width, 4)) -> ink raster in 0..1 from the alpha channel.
 * The canvas is transparent paper and strokes are opaque, so alpha is the ink whatever colour the
 * theme draws with; anti-aliased stroke edges give the grey levels.
 */
export function imageDataToRaster(rgba: ArrayLike<number>, width: number, height: number): Raster {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[4 * i + 3] / 255;
  return { width, height, data };
}

/** True when no pixel has any ink. */
export function isBlank(r: Raster): boolean {
  for (let i = 0; i < r.data.length; i++) if (r.data[i] > 0) return false;
  return true;
}
