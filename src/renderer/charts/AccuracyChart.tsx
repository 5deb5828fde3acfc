/** Train (solid) and test (dashed) recognition accuracy per epoch for every visible run. */
import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { accuracyPoints, epochOf, evaluationStride, formatPercent, mergeSeries } from './chartData';
import { ChartFrame, type LegendEntry } from './ChartFrame';
import { Plot, type PlotSeries } from './Plot';
import { CHART_RANK, useChartLines, useChartRuns, useMemoByParts } from './useChartRuns';

const epochDot = { r: 2 } as const;
/** Beyond this many drawn evaluations a line draws no dots (hundreds of SVG circles per redraw). */
const MAX_DOTTED = 60;
const unitAxis = { domain: [0, 1], tickFormatter: (v: number) => `${Math.round(v * 100)}%` } as const;
const percentFormatter = (value: unknown) =>
  typeof value === 'number' ? formatPercent(value) : String(value);

/** The accuracy chart region ("Accuracy chart"). */
export const AccuracyChart = memo(function AccuracyChart() {
  const { t } = useTranslation();
  const { runs } = useChartRuns(CHART_RANK.accuracy);
  const runLines = useChartLines(runs);
  const epochLists = runs.map((run) => run.series?.epochs);
  const perEpoch = runs.map((run) => run.iterationsPerEpoch);

  const labelFormatter = useCallback((x: unknown) => `${t('charts.epoch')} ${String(x)}`, [t]);

  // Epochs change a few times a minute, iterations many times a second: recompute on new epochs only.
  const parts = [t, runLines, ...epochLists, ...perEpoch];
  const { rows, summary, series, legend } = useMemoByParts(parts, () => {
    // Train and test per run, plus validation where held out, share the chart's point budget.
    const lines = runs.reduce(
      (sum, run) =>
        sum +
        (run.series ? 2 + (run.series.epochs.some((e) => e.validationAccuracy !== undefined) ? 1 : 0) : 0),
      0,
    );
    const stride = evaluationStride(Math.max(0, ...runs.map((run) => run.series?.epochs.length ?? 0)), lines);
    let mostDrawn = 0;
    const keyed = runs.flatMap((run) => {
      if (!run.series) return [];
      const { train, test, validation } = accuracyPoints(run.series, stride, run.iterationsPerEpoch);
      mostDrawn = Math.max(mostDrawn, train.length);
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
          epoch: epochOf(last, run.iterationsPerEpoch),
        }),
      ];
    });
    // Train solid, test dashed; runs that hold out a validation split get a third, dotted line.
    const dot = mostDrawn <= MAX_DOTTED ? epochDot : false;
    const series: PlotSeries[] = runLines.flatMap((line, i) => {
      const withValidation = !!runs[i].series?.epochs.some((e) => e.validationAccuracy !== undefined);
      const { id, name, color } = line;
      return [
        { key: `${id}:train`, name: t('charts.train', { name }), color, dot },
        { key: `${id}:test`, name: t('charts.test', { name }), color, dash: '5 4', dot },
        ...(withValidation
          ? [{ key: `${id}:validation`, name: t('charts.validation', { name }), color, dash: '1 3' }]
          : []),
      ];
    });
    const legend: LegendEntry[] = series.map((s) => ({
      id: s.key,
      name: s.name,
      color: s.color,
      dashed: s.dash !== undefined,
    }));
    return { rows: mergeSeries(keyed), summary, series, legend };
  });

  return (
    <ChartFrame
      label={t('charts.accuracy')}
      title={t('charts.accuracyTitle')}
      legend={legend}
      summary={summary}
    >
      <Plot
        rows={rows}
        series={series}
        yAxis={unitAxis}
        labelFormatter={labelFormatter}
        valueFormatter={percentFormatter}
      />
    </ChartFrame>
  );
});
