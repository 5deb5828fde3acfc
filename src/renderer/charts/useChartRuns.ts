/** The runs a chart draws (visible ones, with name, colour and series), throttled for redraws. */
import { useMemo } from 'react';
import type { LabState } from '../store';
import type { RunSeries } from '../store/metricsSlice';
import { useThrottledState } from './useThrottledState';

/** A run as the charts see it. */
export interface ChartRun {
  id: string;
  name: string;
  color: string;
  series: RunSeries | undefined;
}

const selectChartInputs = (s: LabState) => ({
  runs: s.runs,
  runOrder: s.runOrder,
  hiddenRuns: s.hiddenRuns,
  runColors: s.runColors,
  metrics: s.metrics,
  smoothing: s.smoothing,
});

/** Visible runs plus the smoothing factor, refreshed at most ~4 times a second. */
export function useChartRuns(): { runs: ChartRun[]; smoothing: number } {
  const inputs = useThrottledState(selectChartInputs);
  const runs = useMemo(
    () =>
      inputs.runOrder
        .filter((id) => !inputs.hiddenRuns[id] && inputs.runs[id])
        .map((id) => ({
          id,
          name: inputs.runs[id].name,
          color: inputs.runColors[id] ?? 'currentColor',
          series: inputs.metrics[id],
        })),
    [inputs],
  );
  return { runs, smoothing: inputs.smoothing };
}
