/** Shared recharts settings: colours from CSS variables, no animations (they fight live data). */
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

/** Height of each chart in px. */
export const CHART_HEIGHT = 220;
