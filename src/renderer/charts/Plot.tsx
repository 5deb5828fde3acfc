/**
 * The recharts part every chart shares: grid, axes, tooltip and one <Line> per series, redrawn
 * only when its rows or series change. Charts differ in their series and axis settings, which
 * they pass as module constants (or memoised values) so a redraw never sees a "new" prop.
 */
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type XAxisProps,
  type YAxisProps,
} from 'recharts';
import { linearTicks, rowsMax, type LinearAxis } from './axisTicks';
import { iterationLabel, type ChartRow } from './chartData';
import {
  activeDot,
  axisProps,
  CHART_HEIGHT,
  chartMargin,
  dataDomain,
  gridProps,
  tooltipProps,
} from './chartStyle';

/** One drawn line: the row key it reads, its legend/tooltip name and its look. */
export interface PlotSeries {
  key: string;
  name: string;
  color: string;
  width?: number;
  opacity?: number;
  dash?: string;
  dot?: false | { r: number };
  /** Leave it out of recharts' legend (the raw loss under its smoothed line). */
  unlisted?: boolean;
}

type LabelFormatter = (x: unknown, payload: readonly { payload?: Partial<ChartRow> }[]) => string;

interface PlotProps {
  rows: readonly ChartRow[];
  series: PlotSeries[];
  xAxis?: Omit<XAxisProps, 'ref'>;
  yAxis?: Omit<YAxisProps, 'ref'>;
  labelFormatter: LabelFormatter;
  valueFormatter?: (value: unknown) => string;
}

const noAxisProps = {};

type AxisSettings = Pick<XAxisProps & YAxisProps, 'domain' | 'ticks' | 'scale'>;

/**
 * Round ticks for a linear axis whose domain is numbers (an 'auto' end reaches past `dataMax`),
 * with recharts' own nice-tick search and tick-label measuring switched off; {} for any other
 * axis (log scale, given ticks, other domains), which recharts lays out itself.
 */
function roundAxis(axis: AxisSettings, fallback: AxisSettings['domain'], dataMax: () => number) {
  const domain = axis.domain ?? fallback;
  if (axis.ticks || (axis.scale !== undefined && axis.scale !== 'auto' && axis.scale !== 'linear')) return {};
  if (!Array.isArray(domain) || typeof domain[0] !== 'number') return {};
  const high = domain[1] === 'auto' ? Math.max(dataMax(), domain[0]) : domain[1];
  if (typeof high !== 'number') return {};
  return sameAxis(linearTicks(domain[0], high));
}

/**
 * recharts re-registers an axis (and redraws the whole chart once more) when its domain or ticks
 * is a new array, so equal axes are handed over as the same object.
 */
const roundAxes = new Map<string, ReturnType<typeof fixedAxis>>();
const fixedAxis = ({ domain, ticks }: LinearAxis) =>
  ({ domain, ticks, niceTicks: 'none', interval: 0 }) as const;
function sameAxis(axis: LinearAxis) {
  const key = axis.ticks.join(',');
  let props = roundAxes.get(key);
  if (!props) {
    if (roundAxes.size >= 64) roundAxes.clear();
    props = fixedAxis(axis);
    roundAxes.set(key, props);
  }
  return props;
}

export const Plot = memo(function Plot({
  rows,
  series,
  xAxis = noAxisProps,
  yAxis = noAxisProps,
  labelFormatter,
  valueFormatter = tooltipProps.formatter,
}: PlotProps) {
  const { data, x, y } = useMemo(
    () => ({
      // Frozen here, recharts' store (immer) takes the rows as they are instead of freezing each one.
      data: Object.freeze(rows),
      x: roundAxis(xAxis, dataDomain, () => rowsMax(rows, ['x'])),
      y: roundAxis(yAxis, undefined, () =>
        rowsMax(
          rows,
          series.map((s) => s.key),
        ),
      ),
    }),
    [rows, series, xAxis, yAxis],
  );
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={data} margin={chartMargin}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="x" type="number" domain={dataDomain} {...axisProps} {...xAxis} {...x} />
        <YAxis {...axisProps} {...yAxis} {...y} />
        <Tooltip {...tooltipProps} formatter={valueFormatter} labelFormatter={labelFormatter} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={s.width ?? 2}
            strokeOpacity={s.opacity}
            strokeDasharray={s.dash}
            dot={s.dot ?? false}
            activeDot={activeDot}
            connectNulls
            isAnimationActive={false}
            legendType={s.unlisted ? 'none' : undefined}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
});

/** Tooltip label for iteration-based charts ("Iteration 1,200" or a bucket's range). */
export function useIterationLabel(): LabelFormatter {
  const { t } = useTranslation();
  return useCallback<LabelFormatter>(
    (x, payload) => iterationLabel(t('charts.iteration'), payload[0]?.payload, x),
    [t],
  );
}

/** One summary line per run that has values: the last value and how many there are. */
export function lastValueSummaries<R>(
  runs: R[],
  values: (run: R) => { length: number; at(i: number): number | undefined },
  line: (run: R, last: number, count: number) => string,
): string[] {
  return runs.flatMap((run) => {
    const v = values(run);
    const last = v.length > 0 ? v.at(v.length - 1) : undefined;
    return last === undefined ? [] : [line(run, last, v.length)];
  });
}
