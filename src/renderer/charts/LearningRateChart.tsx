/** The learning rate of every visible run over iterations (shows schedules and live changes). */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue, gridFor, gridRows, learningRateSlots } from './chartData';
import { ChartFrame } from './ChartFrame';
import { lastValueSummaries, Plot, useIterationLabel, type PlotSeries } from './Plot';
import { CHART_RANK, useChartLines, useChartRuns } from './useChartRuns';

/** Log scale: learning rates span decades (1e-5..10), like the panel's log slider. */
const lrAxis = {
  scale: 'log',
  domain: ['auto', 'auto'],
  tickFormatter: (v: number) => formatValue(v),
} as const;

/** The learning-rate chart region ("Learning rate chart"). */
export const LearningRateChart = memo(function LearningRateChart() {
  const { t } = useTranslation();
  const { runs } = useChartRuns(CHART_RANK.learningRate);
  const lines = useChartLines(runs);
  const labelFormatter = useIterationLabel();

  const { rows, summary } = useMemo(() => {
    const withData = runs.filter((run) => run.series);
    const grid = gridFor(withData.map((run) => run.series!.learningRates.length));
    const keyed = withData.map((run) => ({
      key: `${run.id}:lr`,
      slots: learningRateSlots(run.series!, grid),
    }));
    const summary = lastValueSummaries(
      withData,
      (run) => run.series!.learningRates,
      (run, lr, iteration) =>
        t('charts.learningRateSummary', { name: run.name, lr: formatValue(lr), iteration }),
    );
    return { rows: gridRows(grid, keyed), summary };
  }, [runs, t]);

  const series = useMemo(
    () => lines.map((line): PlotSeries => ({ key: `${line.id}:lr`, name: line.name, color: line.color })),
    [lines],
  );

  return (
    <ChartFrame
      label={t('charts.learningRate')}
      title={t('charts.learningRateTitle')}
      legend={lines}
      summary={summary}
    >
      <Plot rows={rows} series={series} yAxis={lrAxis} labelFormatter={labelFormatter} />
    </ChartFrame>
  );
});
