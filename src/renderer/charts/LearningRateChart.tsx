/** The learning rate of every visible run over iterations (shows schedules and live changes). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue, learningRatePoints, mergeSeries } from './chartData';
import { ChartFrame } from './ChartFrame';
import { axisProps, CHART_HEIGHT, gridProps, tooltipProps } from './chartStyle';
import { useChartRuns } from './useChartRuns';

/** The learning-rate chart region ("Learning rate chart"). */
export function LearningRateChart() {
  const { t } = useTranslation();
  const { runs } = useChartRuns();

  const { rows, summary } = useMemo(() => {
    const keyed = runs.flatMap((run) =>
      run.series ? [{ key: `${run.id}:lr`, points: learningRatePoints(run.series) }] : [],
    );
    const lines = runs.flatMap((run) => {
      const lrs = run.series?.learningRates;
      if (!lrs || lrs.length === 0) return [];
      return [
        t('charts.learningRateSummary', {
          name: run.name,
          lr: formatValue(lrs.at(lrs.length - 1)),
          iteration: lrs.length,
        }),
      ];
    });
    return { rows: mergeSeries(keyed), summary: lines };
  }, [runs, t]);

  return (
    <ChartFrame
      label={t('charts.learningRate')}
      title={t('charts.learningRateTitle')}
      legend={runs.map((r) => ({ id: r.id, name: r.name, color: r.color }))}
      summary={summary}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} {...axisProps} />
          {/* Log scale: learning rates span decades (1e-5..10), like the panel's log slider. */}
          <YAxis
            scale="log"
            domain={['auto', 'auto']}
            tickFormatter={(v: number) => formatValue(v)}
            {...axisProps}
          />
          <Tooltip {...tooltipProps} labelFormatter={(x) => `${t('charts.iteration')} ${x}`} />
          {runs.map((run) => (
            <Line
              key={run.id}
              dataKey={`${run.id}:lr`}
              name={run.name}
              stroke={run.color}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
