/**
 * A square SVG plane over [-R, R]² for the 2-D labs: coordinates in and out, axes, and a click
 * that reports the point clicked. Drawing only; every value shown comes from the engine.
 */
import type { MouseEvent, ReactNode } from 'react';

export const PLANE_PX = 420;

/** The pixel of a point of the plane [-range, range]² (y up). */
export function toPixel(range: number, x: number, y: number): [number, number] {
  return [((x + range) / (2 * range)) * PLANE_PX, ((range - y) / (2 * range)) * PLANE_PX];
}

/** An SVG polyline's points for a path, clipped far outside so a diverging path stays drawable. */
export function pathPoints(range: number, points: readonly (readonly [number, number])[]): string {
  const limit = range * 50;
  return points
    .map(([x, y]) =>
      toPixel(range, Math.max(-limit, Math.min(limit, x)), Math.max(-limit, Math.min(limit, y))),
    )
    .map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`)
    .join(' ');
}

/** The plane with its axes; `onPick` gets the clicked point, rounded to 0.1. */
export function Plane({
  range,
  label,
  onPick,
  children,
}: {
  range: number;
  label: string;
  onPick?: (x: number, y: number) => void;
  children: ReactNode;
}) {
  const click = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * 2 * range - range;
    const y = range - ((e.clientY - box.top) / box.height) * 2 * range;
    onPick(Math.round(x * 10) / 10, Math.round(y * 10) / 10);
  };
  const [cx, cy] = toPixel(range, 0, 0);
  return (
    <svg
      className="lab__plane"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${PLANE_PX} ${PLANE_PX}`}
      width={PLANE_PX}
      height={PLANE_PX}
      onClick={click}
    >
      <rect x={0} y={0} width={PLANE_PX} height={PLANE_PX} fill="none" stroke="#999" />
      <line x1={0} x2={PLANE_PX} y1={cy} y2={cy} stroke="#999" strokeDasharray="2 3" />
      <line x1={cx} x2={cx} y1={0} y2={PLANE_PX} stroke="#999" strokeDasharray="2 3" />
      <text x={PLANE_PX - 4} y={cy - 4} textAnchor="end" fontSize={11} fill="#888">
        {range}
      </text>
      <text x={cx + 4} y={12} fontSize={11} fill="#888">
        {range}
      </text>
      {children}
    </svg>
  );
}

/** An arrow from (x1, y1) to (x2, y2) in pixels. */
export function Arrow({
  x1,
  y1,
  x2,
  y2,
  color,
}: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
}) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = Math.min(6, Math.hypot(x2 - x1, y2 - y1) / 2);
  const a1 = angle + Math.PI - 0.45;
  const a2 = angle + Math.PI + 0.45;
  return (
    <g stroke={color} fill="none">
      <line x1={x1} y1={y1} x2={x2} y2={y2} />
      <polyline
        points={`${x2 + head * Math.cos(a1)},${y2 + head * Math.sin(a1)} ${x2},${y2} ${x2 + head * Math.cos(a2)},${y2 + head * Math.sin(a2)}`}
      />
    </g>
  );
}
