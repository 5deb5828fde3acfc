/**
 * Shared recharts settings: colours from CSS variables, no animations (they fight live data), and
 * every object prop a module constant, so a redraw never hands recharts a "new" prop that is not.
 */
import { formatValue } from './chartData';

/** Axis and grid colours follow the theme through CSS variables. */
export const axisProps = {
  stroke: 'var(--chart-axis)',
  tick: { fill: 'var(--chart-axis)', fontSize: 11 },
} as const;

/** Grid lines. */
export const gridProps = { stroke: 'var(--chart-grid)', strokeDasharray: '3 3' } as const;

/** Tooltip box styled like the app. */
export const tooltipProps = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' },
  labelStyle: { color: 'var(--text)' },
  isAnimationActive: false,
  formatter: (value: unknown) => (typeof value === 'number' ? formatValue(value) : String(value)),
} as const;

/** Space around each plot. */
export const chartMargin = { top: 8, right: 16, bottom: 8, left: 0 } as const;

/** The x axis starts at 0 and ends at a round number past the data, so its ticks are round too. */
export const dataDomain: [number, 'auto'] = [0, 'auto'];

/** The hovered point: a small dot, drawn only on hover (lines draw no dots). */
export const activeDot = { r: 3 } as const;

/** Height of each chart in px. */
export const CHART_HEIGHT = 220;
