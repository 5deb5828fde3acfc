/** Train (solid) and test (dashed) recognition accuracy per epoch for every visible run. */
import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { accuracyPoints, formatPercent, mergeSeries, type ChartRow } from './chartData';
import { ChartFrame, type LegendEntry } from './ChartFrame';
import {
  activeDot,
  axisProps,
  CHART_HEIGHT,
  chartMargin,
  dataDomain,
  gridProps,
  tooltipProps,
} from './chartStyle';
import { CHART_RANK, useChartLines, useChartRuns, useMemoByParts, type ChartLine } from './useChartRuns';

const epochDot = { r: 2 } as const;
const unitDomain: [number, number] = [0, 1];
const percentTick = (v: number) => `${Math.round(v * 100)}%`;
const percentFormatter = (value: unknown) =>
  typeof value === 'number' ? formatPercent(value) : String(value);

/** A run's accuracy lines: train, test, and validation when the run holds out a validation split. */
interface AccuracyLine extends ChartLine {
  withValidation: boolean;
}

/** The accuracy chart region ("Accuracy chart"). */
export const AccuracyChart = memo(function AccuracyChart() {
  const { t } = useTranslation();
  const { runs } = useChartRuns(CHART_RANK.accuracy);
  const runLines = useChartLines(runs);
  const epochLists = runs.map((run) => run.series?.epochs);

  // Epochs change a few times a minute, iterations many times a second: recompute on new epochs only.
  const { rows, summary, lines, legend } = useMemoByParts([t, runLines, ...epochLists], () => {
    const keyed = runs.flatMap((run) => {
      if (!run.series) return [];
      const { train, test, validation } = accuracyPoints(run.series);
      return [
        { key: `${run.id}:train`, points: train },
        { key: `${run.id}:test`, points: test },
        { key: `${run.id}:validation`, points: validation },
      ];
    });
    const summary = runs.flatMap((run) => {
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
    // Runs that hold out a validation split get a third, dotted line.
    const lines: AccuracyLine[] = runLines.map((line, i) => ({
      ...line,
      withValidation: !!runs[i].series?.epochs.some((e) => e.validationAccuracy !== undefined),
    }));
    const legend: LegendEntry[] = lines.flatMap((r) => [
      { id: `${r.id}:train`, name: t('charts.train', { name: r.name }), color: r.color },
      { id: `${r.id}:test`, name: t('charts.test', { name: r.name }), color: r.color, dashed: true },
      ...(r.withValidation
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
    return { rows: mergeSeries(keyed), summary, lines, legend };
  });

  return (
    <ChartFrame
      label={t('charts.accuracy')}
      title={t('charts.accuracyTitle')}
      legend={legend}
      summary={summary}
    >
      <AccuracyPlot rows={rows} lines={lines} />
    </ChartFrame>
  );
});

/** The recharts part, redrawn only when its rows or lines change. */
const AccuracyPlot = memo(function AccuracyPlot({
  rows,
  lines,
}: {
  rows: ChartRow[];
  lines: AccuracyLine[];
}) {
  const { t } = useTranslation();
  const labelFormatter = useCallback((x: unknown) => `${t('charts.epoch')} ${String(x)}`, [t]);
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={rows} margin={chartMargin}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="x" type="number" domain={dataDomain} allowDecimals={false} {...axisProps} />
        <YAxis domain={unitDomain} tickFormatter={percentTick} {...axisProps} />
        <Tooltip {...tooltipProps} formatter={percentFormatter} labelFormatter={labelFormatter} />
        {lines.flatMap((line) => [
          <Line
            key={`${line.id}:train`}
            dataKey={`${line.id}:train`}
            name={t('charts.train', { name: line.name })}
            stroke={line.color}
            strokeWidth={2}
            dot={epochDot}
            activeDot={activeDot}
            connectNulls
            isAnimationActive={false}
          />,
          <Line
            key={`${line.id}:test`}
            dataKey={`${line.id}:test`}
            name={t('charts.test', { name: line.name })}
            stroke={line.color}
            strokeDasharray="5 4"
            strokeWidth={2}
            dot={epochDot}
            activeDot={activeDot}
            connectNulls
            isAnimationActive={false}
          />,
          ...(line.withValidation
            ? [
                <Line
                  key={`${line.id}:validation`}
                  dataKey={`${line.id}:validation`}
                  name={t('charts.validation', { name: line.name })}
                  stroke={line.color}
                  strokeDasharray="1 3"
                  strokeWidth={2}
                  dot={false}
                  activeDot={activeDot}
                  connectNulls
                  isAnimationActive={false}
                />,
              ]
            : []),
        ])}
      </LineChart>
    </ResponsiveContainer>
  );
});
