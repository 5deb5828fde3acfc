/** Train (solid) and test (dashed) recognition accuracy per epoch for every visible run. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { accuracyPoints, formatPercent, mergeSeries } from './chartData';
import { ChartFrame } from './ChartFrame';
import { axisProps, CHART_HEIGHT, gridProps, tooltipProps } from './chartStyle';
import { useChartRuns } from './useChartRuns';

/** The accuracy chart region ("Accuracy chart"). */
export function AccuracyChart() {
  const { t } = useTranslation();
  const { runs } = useChartRuns();

  const { rows, summary } = useMemo(() => {
    const keyed = runs.flatMap((run) => {
      if (!run.series) return [];
      const { train, test, validation } = accuracyPoints(run.series);
      return [
        { key: `${run.id}:train`, points: train },
        { key: `${run.id}:test`, points: test },
        { key: `${run.id}:validation`, points: validation },
      ];
    });
    const lines = runs.flatMap((run) => {
      const last = run.series?.epochs[run.series.epochs.length - 1];
      if (!last) return [];
      return [
        t('charts.accuracySummary', {
          name: run.name,
          train: formatPercent(last.trainAccuracy),
          test: formatPercent(last.testAccuracy),
          epoch: last.epoch,
        }),
      ];
    });
    return { rows: mergeSeries(keyed), summary: lines };
  }, [runs, t]);

  // Runs that hold out a validation split get a third, dotted line.
  const withValidation = new Set(
    runs.filter((r) => r.series?.epochs.some((e) => e.validationAccuracy !== undefined)).map((r) => r.id),
  );
  const legend = runs.flatMap((r) => [
    { id: `${r.id}:train`, name: t('charts.train', { name: r.name }), color: r.color },
    { id: `${r.id}:test`, name: t('charts.test', { name: r.name }), color: r.color, dashed: true },
    ...(withValidation.has(r.id)
      ? [
          {
            id: `${r.id}:validation`,
            name: t('charts.validation', { name: r.name }),
            color: r.color,
            dashed: true,
          },
        ]
      : []),
  ]);

  return (
    <ChartFrame
      label={t('charts.accuracy')}
      title={t('charts.accuracyTitle')}
      legend={legend}
      summary={summary}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
            {...axisProps}
          />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} {...axisProps} />
          <Tooltip
            {...tooltipProps}
            formatter={(value: unknown) => (typeof value === 'number' ? formatPercent(value) : String(value))}
            labelFormatter={(x) => `${t('charts.epoch')} ${x}`}
          />
          {runs.flatMap((run) => [
            <Line
              key={`${run.id}:train`}
              dataKey={`${run.id}:train`}
              name={t('charts.train', { name: run.name })}
              stroke={run.color}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />,
            <Line
              key={`${run.id}:test`}
              dataKey={`${run.id}:test`}
              name={t('charts.test', { name: run.name })}
              stroke={run.color}
              strokeDasharray="5 4"
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />,
            ...(withValidation.has(run.id)
              ? [
                  <Line
                    key={`${run.id}:validation`}
                    dataKey={`${run.id}:validation`}
                    name={t('charts.validation', { name: run.name })}
                    stroke={run.color}
                    strokeDasharray="1 3"
                    strokeWidth={2}
                    dot={false}
                    connectNulls
                    isAnimationActive={false}
                  />,
                ]
              : []),
          ])}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
