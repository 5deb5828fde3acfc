/** Iteration loss of every visible run: raw (faint) and EMA-smoothed (solid), with a smoothing slider. */
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLabStore } from '../store';
import { formatValue, gridFor, gridRows, iterationLabel, lossSlots, type ChartRow } from './chartData';
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

const lossDomain: [number, 'auto'] = [0, 'auto'];

/** The loss chart region ("Loss chart"). */
export const LossChart = memo(function LossChart() {
  const { t } = useTranslation();
  const { runs, smoothing } = useChartRuns(CHART_RANK.loss);
  const lines = useChartLines(runs);
  const setSmoothing = useLabStore((s) => s.setSmoothing);
  const liveSmoothing = useLabStore((s) => s.smoothing);

  const { rows, summary } = useMemo(() => {
    const withData = runs.filter((run) => run.series);
    // One grid for all runs, sized by the longest: rows = slots, whatever the number of runs.
    const grid = gridFor(withData.map((run) => run.series!.losses.length));
    const keyed = withData.flatMap((run) => {
      const { raw, smooth } = lossSlots(run.series!, smoothing, grid);
      return [
        { key: `${run.id}:raw`, slots: raw },
        { key: `${run.id}:smooth`, slots: smooth },
      ];
    });
    const lines = withData.flatMap((run) => {
      const losses = run.series!.losses;
      if (losses.length === 0) return [];
      return [
        t('charts.lossSummary', {
          name: run.name,
          loss: formatValue(losses.at(losses.length - 1)),
          iteration: losses.length,
        }),
      ];
    });
    return { rows: gridRows(grid, keyed), summary: lines };
  }, [runs, smoothing, t]);

  const smoothingControl = (
    <div className="chart__control">
      <span aria-hidden="true">{t('charts.smoothing')}</span>
      <input
        type="range"
        aria-label={t('charts.smoothing')}
        min={0}
        max={0.99}
        step={0.01}
        value={liveSmoothing}
        onChange={(e) => setSmoothing(Number(e.target.value))}
      />
      <output aria-hidden="true">{liveSmoothing.toFixed(2)}</output>
    </div>
  );

  return (
    <ChartFrame
      label={t('charts.loss')}
      title={t('charts.lossTitle')}
      legend={lines}
      summary={summary}
      controls={smoothingControl}
    >
      <LossPlot rows={rows} lines={lines} />
    </ChartFrame>
  );
});

/** The recharts part, redrawn only when its rows or lines change. */
const LossPlot = memo(function LossPlot({ rows, lines }: { rows: ChartRow[]; lines: ChartLine[] }) {
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
        <YAxis domain={lossDomain} allowDataOverflow={false} {...axisProps} />
        <Tooltip {...tooltipProps} labelFormatter={labelFormatter} />
        {lines.flatMap((line) => [
          <Line
            key={`${line.id}:raw`}
            dataKey={`${line.id}:raw`}
            name={t('charts.raw', { name: line.name })}
            stroke={line.color}
            strokeOpacity={0.25}
            dot={false}
            activeDot={activeDot}
            connectNulls
            isAnimationActive={false}
            legendType="none"
          />,
          <Line
            key={`${line.id}:smooth`}
            dataKey={`${line.id}:smooth`}
            name={line.name}
            stroke={line.color}
            strokeWidth={2}
            dot={false}
            activeDot={activeDot}
            connectNulls
            isAnimationActive={false}
          />,
        ])}
      </LineChart>
    </ResponsiveContainer>
  );
});
