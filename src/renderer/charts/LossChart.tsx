/** Iteration loss of every visible run: raw (faint) and EMA-smoothed (solid), with a smoothing slider. */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabStore } from '../store';
import { formatValue, gridFor, gridRows, lossSlots } from './chartData';
import { ChartFrame } from './ChartFrame';
import { lastValueSummaries, Plot, useIterationLabel, type PlotSeries } from './Plot';
import { CHART_RANK, useChartLines, useChartRuns } from './useChartRuns';

const lossAxis = { domain: [0, 'auto'], allowDataOverflow: false } as const;

/** The loss chart region ("Loss chart"). */
export const LossChart = memo(function LossChart() {
  const { t } = useTranslation();
  const { runs, smoothing } = useChartRuns(CHART_RANK.loss);
  const lines = useChartLines(runs);
  const setSmoothing = useLabStore((s) => s.setSmoothing);
  const liveSmoothing = useLabStore((s) => s.smoothing);
  const labelFormatter = useIterationLabel();

  const { rows, summary } = useMemo(() => {
    const withData = runs.filter((run) => run.series);
    // One grid for all runs, sized by the longest: rows = slots, whatever the number of runs; two
    // lines a run (raw and smoothed) share the chart's point budget.
    const grid = gridFor(
      withData.map((run) => run.series!.losses.length),
      2,
    );
    const keyed = withData.flatMap((run) => {
      const { raw, smooth } = lossSlots(run.series!, smoothing, grid);
      return [
        { key: `${run.id}:raw`, slots: raw },
        { key: `${run.id}:smooth`, slots: smooth },
      ];
    });
    const summary = lastValueSummaries(
      withData,
      (run) => run.series!.losses,
      (run, loss, iteration) =>
        t('charts.lossSummary', { name: run.name, loss: formatValue(loss), iteration }),
    );
    return { rows: gridRows(grid, keyed), summary };
  }, [runs, smoothing, t]);

  const series = useMemo(
    () =>
      lines.flatMap((line): PlotSeries[] => [
        {
          key: `${line.id}:raw`,
          name: t('charts.raw', { name: line.name }),
          color: line.color,
          width: 1,
          opacity: 0.25,
          unlisted: true,
        },
        { key: `${line.id}:smooth`, name: line.name, color: line.color },
      ]),
    [lines, t],
  );

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
      <Plot rows={rows} series={series} yAxis={lossAxis} labelFormatter={labelFormatter} />
    </ChartFrame>
  );
});
