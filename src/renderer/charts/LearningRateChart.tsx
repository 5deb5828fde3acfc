/** The learning rate of every visible run over iterations (shows schedules and live changes). */
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  formatValue,
  gridFor,
  gridRows,
  iterationLabel,
  learningRateSlots,
  type ChartRow,
} from './chartData';
import { ChartFrame } from './ChartFrame';
import {
  activeDot,
  axisProps,
  CHART_HEIGHT,
  chartMargin,
  dataDomain,
  gridProps,
  tooltipProps,
} from './chartStyle';
import { CHART_RANK, useChartLines, useChartRuns, type ChartLine } from './useChartRuns';

const autoDomain: ['auto', 'auto'] = ['auto', 'auto'];
const lrTick = (v: number) => formatValue(v);

/** The learning-rate chart region ("Learning rate chart"). */
export const LearningRateChart = memo(function LearningRateChart() {
  const { t } = useTranslation();
  const { runs } = useChartRuns(CHART_RANK.learningRate);
  const lines = useChartLines(runs);

  const { rows, summary } = useMemo(() => {
    const withData = runs.filter((run) => run.series);
    const grid = gridFor(withData.map((run) => run.series!.learningRates.length));
    const keyed = withData.map((run) => ({
      key: `${run.id}:lr`,
      slots: learningRateSlots(run.series!, grid),
    }));
    const lines = withData.flatMap((run) => {
      const lrs = run.series!.learningRates;
      if (lrs.length === 0) return [];
      return [
        t('charts.learningRateSummary', {
          name: run.name,
          lr: formatValue(lrs.at(lrs.length - 1)),
          iteration: lrs.length,
        }),
      ];
    });
    return { rows: gridRows(grid, keyed), summary: lines };
  }, [runs, t]);

  return (
    <ChartFrame
      label={t('charts.learningRate')}
      title={t('charts.learningRateTitle')}
      legend={lines}
      summary={summary}
    >
      <LearningRatePlot rows={rows} lines={lines} />
    </ChartFrame>
  );
});

/** The recharts part, redrawn only when its rows or lines change. */
const LearningRatePlot = memo(function LearningRatePlot({
  rows,
  lines,
}: {
  rows: ChartRow[];
  lines: ChartLine[];
}) {
  const { t } = useTranslation();
  const labelFormatter = useCallback(
    (x: unknown, payload: readonly { payload?: Partial<ChartRow> }[]) =>
      iterationLabel(t('charts.iteration'), payload[0]?.payload, x),
    [t],
  );
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={rows} margin={chartMargin}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="x" type="number" domain={dataDomain} {...axisProps} />
        {/* Log scale: learning rates span decades (1e-5..10), like the panel's log slider. */}
        <YAxis scale="log" domain={autoDomain} tickFormatter={lrTick} {...axisProps} />
        <Tooltip {...tooltipProps} labelFormatter={labelFormatter} />
        {lines.map((line) => (
          <Line
            key={line.id}
            dataKey={`${line.id}:lr`}
            name={line.name}
            stroke={line.color}
            strokeWidth={2}
            dot={false}
            activeDot={activeDot}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
});
