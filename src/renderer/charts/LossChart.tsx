/** Iteration loss of every visible run: raw (faint) and EMA-smoothed (solid), with a smoothing slider. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLabStore } from '../store';
import { lossPoints, mergeSeries, formatValue } from './chartData';
import { ChartFrame } from './ChartFrame';
import { axisProps, CHART_HEIGHT, gridProps, tooltipProps } from './chartStyle';
import { useChartRuns } from './useChartRuns';

/** The loss chart region ("Loss chart"). */
export function LossChart() {
  const { t } = useTranslation();
  const { runs, smoothing } = useChartRuns();
  const setSmoothing = useLabStore((s) => s.setSmoothing);
  const liveSmoothing = useLabStore((s) => s.smoothing);

  const { rows, summary } = useMemo(() => {
    const keyed = runs.flatMap((run) => {
      if (!run.series) return [];
      const { raw, smooth } = lossPoints(run.series, smoothing);
      return [
        { key: `${run.id}:raw`, points: raw },
        { key: `${run.id}:smooth`, points: smooth },
      ];
    });
    const lines = runs.flatMap((run) => {
      const losses = run.series?.losses;
      if (!losses || losses.length === 0) return [];
      return [
        t('charts.lossSummary', {
          name: run.name,
          loss: formatValue(losses.at(losses.length - 1)),
          iteration: losses.length,
        }),
      ];
    });
    return { rows: mergeSeries(keyed), summary: lines };
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
      legend={runs.map((r) => ({ id: r.id, name: r.name, color: r.color }))}
      summary={summary}
      controls={smoothingControl}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} {...axisProps} />
          <YAxis domain={[0, 'auto']} allowDataOverflow={false} {...axisProps} />
          <Tooltip {...tooltipProps} labelFormatter={(x) => `${t('charts.iteration')} ${x}`} />
          {runs.flatMap((run) => [
            <Line
              key={`${run.id}:raw`}
              dataKey={`${run.id}:raw`}
              name={t('charts.raw', { name: run.name })}
              stroke={run.color}
              strokeOpacity={0.25}
              dot={false}
              connectNulls
              isAnimationActive={false}
              legendType="none"
            />,
            <Line
              key={`${run.id}:smooth`}
              dataKey={`${run.id}:smooth`}
              name={run.name}
              stroke={run.color}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />,
          ])}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
