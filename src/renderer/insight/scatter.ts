/** Drawing the hidden-layer map on a canvas (geometry in scatter-frame.ts). */
import { CLASS_COLOURS, toCanvas, type Frame } from './scatter-frame';

export { CLASS_COLOURS, frameFor, nearestPoint, toCanvas, type Frame } from './scatter-frame';

/** Paints the points coloured by label, the highlighted one ringed, and the drawn digit as a star. */
export function paintScatter(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  points: Float32Array,
  labels: Uint8Array,
  drawn: [number, number] | null,
  highlighted: number,
): void {
  ctx.clearRect(0, 0, f.size, f.size);
  ctx.globalAlpha = 0.7;
  for (let i = 0; i < labels.length; i++) {
    const [x, y] = toCanvas(f, points[2 * i], points[2 * i + 1]);
    ctx.fillStyle = CLASS_COLOURS[labels[i] % 10];
    ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
  }
  ctx.globalAlpha = 1;
  if (highlighted >= 0) {
    const [x, y] = toCanvas(f, points[2 * highlighted], points[2 * highlighted + 1]);
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, 2 * Math.PI);
    ctx.stroke();
  }
  if (drawn) {
    const [x, y] = toCanvas(f, drawn[0], drawn[1]);
    ctx.fillStyle = '#000';
    ctx.beginPath();
    for (let k = 0; k < 10; k++) {
      const r = k % 2 === 0 ? 9 : 4;
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
    }
    ctx.closePath();
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}
