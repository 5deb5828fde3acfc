/**
 * The recharts part every chart shares: grid, axes, tooltip and one <Line> per series, redrawn
 * only when its rows or series change. Charts differ in their series and axis settings, which
 * they pass as module constants (or memoised values) so a redraw never sees a "new" prop.
 */
import { memo, useCallback } from 'react';
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
  rows: ChartRow[];
  series: PlotSeries[];
  xAxis?: Omit<XAxisProps, 'ref'>;
  yAxis?: Omit<YAxisProps, 'ref'>;
  labelFormatter: LabelFormatter;
  valueFormatter?: (value: unknown) => string;
}

const noAxisProps = {};

export const Plot = memo(function Plot({
  rows,
  series,
  xAxis = noAxisProps,
  yAxis = noAxisProps,
  labelFormatter,
  valueFormatter = tooltipProps.formatter,
}: PlotProps) {
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={rows} margin={chartMargin}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="x" type="number" domain={dataDomain} {...axisProps} {...xAxis} />
        <YAxis {...axisProps} {...yAxis} />
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
