/** Strokes of a drawing: the unit of undo, and how they are painted as smooth round lines. */

export interface Point {
  x: number;
  y: number;
}

/** One pointer-down-to-pointer-up line, in canvas pixels. */
export interface Stroke {
  width: number;
  points: Point[];
}

/** The context calls `paintStrokes` uses (a CanvasRenderingContext2D has them all). */
export type StrokeContext = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'lineCap'
  | 'lineJoin'
  | 'lineWidth'
  | 'strokeStyle'
  | 'fillStyle'
>;

/**
 * Paint strokes as round lines. A single point is a dot; longer strokes run through the
 * midpoints of successive points with quadratic curves (the points are the control points), which
 * smooths the corners a mouse or pen leaves between samples.
 */
export function paintStrokes(ctx: StrokeContext, strokes: readonly Stroke[], color: string): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  for (const s of strokes) {
    const pts = s.points;
    if (pts.length === 0) continue;
    ctx.beginPath();
    if (pts.length === 1) {
      ctx.arc(pts[0].x, pts[0].y, s.width / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.lineWidth = s.width;
    ctx.moveTo(pts[0].x, pts[0].y);
    for (let i = 1; i < pts.length - 1; i++) {
      const mx = (pts[i].x + pts[i + 1].x) / 2;
      const my = (pts[i].y + pts[i + 1].y) / 2;
      ctx.quadraticCurveTo(pts[i].x, pts[i].y, mx, my);
    }
    const last = pts[pts.length - 1];
    ctx.lineTo(last.x, last.y);
    ctx.stroke();
  }
}

/** Where a canvas's drawable area sits on screen, in CSS pixels. */
export type CanvasBox = Pick<DOMRectReadOnly, 'left' | 'top' | 'width' | 'height'>;

/** Pointer position in canvas pixels, whatever size CSS shows the canvas at. */
export function toCanvasPoint(
  clientX: number,
  clientY: number,
  rect: CanvasBox,
  width: number,
  height: number,
): Point {
  const sx = rect.width > 0 ? width / rect.width : 1;
  const sy = rect.height > 0 ? height / rect.height : 1;
  return { x: (clientX - rect.left) * sx, y: (clientY - rect.top) * sy };
}
