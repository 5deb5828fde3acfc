/** The runs a chart draws (visible ones, with name, colour and series), throttled for redraws. */
import { useMemo } from 'react';
import type { LabState } from '../store';
import type { RunSeries } from '../store/metricsSlice';
import { CHART_REDRAW_MS, useThrottledState } from './useThrottledState';

/** A run as the charts see it. */
export interface ChartRun {
  id: string;
  name: string;
  color: string;
  series: RunSeries | undefined;
  /** Training iterations per pass over the training images (0 while the run has not said). */
  iterationsPerEpoch: number;
}

/** A run's line identity (what the legend and the <Line> elements need, without its data). */
export interface ChartLine {
  id: string;
  name: string;
  color: string;
}

/**
 * Redraw order when several charts are due at once: the accuracy chart (a few points per epoch)
 * first, the loss chart (four lines of iteration data) last.
 */
export const CHART_RANK = { accuracy: 0, learningRate: 1, loss: 2 } as const;

const selectChartInputs = (s: LabState) => ({
  runs: s.runs,
  runOrder: s.runOrder,
  hiddenRuns: s.hiddenRuns,
  runColors: s.runColors,
  metrics: s.metrics,
  smoothing: s.smoothing,
});

/**
 * Visible runs plus the smoothing factor, refreshed at most every CHART_REDRAW_MS, one chart per
 * frame in `rank` order (cheapest first).
 */
export function useChartRuns(rank: number): { runs: ChartRun[]; smoothing: number } {
  const inputs = useThrottledState(selectChartInputs, CHART_REDRAW_MS, rank);
  const runs = useMemo(
    () =>
      inputs.runOrder
        .filter((id) => !inputs.hiddenRuns[id] && inputs.runs[id])
        .map((id) => ({
          id,
          name: inputs.runs[id].name,
          color: inputs.runColors[id] ?? 'currentColor',
          series: inputs.metrics[id],
          iterationsPerEpoch: inputs.runs[id].iterationsPerEpoch ?? 0,
        })),
    [inputs],
  );
  return { runs, smoothing: inputs.smoothing };
}

/** The runs' lines, the same array as long as no id, name or colour changes (new data keeps it). */
export function useChartLines(runs: ChartRun[]): ChartLine[] {
  const key = runs.map((r) => `${r.id}\u0000${r.name}\u0000${r.color}`).join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures everything used from runs
  return useMemo(() => runs.map(({ id, name, color }) => ({ id, name, color })), [key]);
}

/** `compute()`, recomputed only when one of `parts` is a different object than last time. */
export function useMemoByParts<T>(parts: readonly unknown[], compute: () => T): T {
  // A stable dependency from a variable-length list: a counter bumped when any part changes.
  const key = identityKey(parts);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `parts`
  return useMemo(compute, [key]);
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** A string naming each part by identity (objects) or value (primitives). */
function identityKey(parts: readonly unknown[]): string {
  return parts
    .map((p) => {
      if (p === null || (typeof p !== 'object' && typeof p !== 'function')) return `v${String(p)}`;
      let id = identities.get(p);
      if (id === undefined) {
        id = nextIdentity++;
        identities.set(p, id);
      }
      return `o${id}`;
    })
    .join(',');
}
