/** The hidden-layer map's geometry: data to canvas coordinates, and the point under the pointer (no DOM). */

/** One colour per class (Tableau 10), readable on white. */
export const CLASS_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#79706e',
] as const;

/** How data coordinates map to the canvas: x' = (x - x0)·scale + pad, y' flipped. */
export interface Frame {
  x0: number;
  y0: number;
  scale: number;
  pad: number;
  size: number;
}

/** A square frame that fits every point (and the drawn one) with `pad` pixels to spare. */
export function frameFor(
  points: Float32Array,
  drawn: [number, number] | null,
  size: number,
  pad = 10,
): Frame {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  };
  for (let i = 0; i < points.length; i += 2) add(points[i], points[i + 1]);
  if (drawn) add(drawn[0], drawn[1]);
  if (!Number.isFinite(minX)) return { x0: 0, y0: 0, scale: 1, pad, size };
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  return { x0: minX, y0: minY, scale: (size - 2 * pad) / span, pad, size };
}

/** Canvas position of a data point. */
export function toCanvas(f: Frame, x: number, y: number): [number, number] {
  return [(x - f.x0) * f.scale + f.pad, f.size - ((y - f.y0) * f.scale + f.pad)];
}

/** The index of the point nearest (cx, cy) within `radius` canvas pixels, or -1. */
export function nearestPoint(points: Float32Array, f: Frame, cx: number, cy: number, radius = 6): number {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < points.length / 2; i++) {
    const [px, py] = toCanvas(f, points[2 * i], points[2 * i + 1]);
    const d = (px - cx) ** 2 + (py - cy) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
