/** Named selectors over the store's state. */
import { LIVE_STATES, type RunSummary } from '../../shared/runs';
import { isConfigValid } from './configSlice';
import type { LabState } from './index';
import type { RunSeries } from './metricsSlice';

/** The config being edited. */
export const selectConfig = (s: LabState) => s.config;
/** Whether Train may start a run with the current config. */
export const selectConfigValid = (s: LabState) => isConfigValid(s);
/** Run ids, oldest first. */
export const selectRunOrder = (s: LabState) => s.runOrder;
/** The run map. */
export const selectRuns = (s: LabState) => s.runs;
/** The selected run's id. */
export const selectSelectedRunId = (s: LabState) => s.selectedRunId;
/** The selected run, if it still exists. */
export const selectSelectedRun = (s: LabState): RunSummary | undefined =>
  s.selectedRunId ? s.runs[s.selectedRunId] : undefined;
/** The selected run's metric series. */
export const selectSelectedSeries = (s: LabState): RunSeries | undefined =>
  s.selectedRunId ? s.metrics[s.selectedRunId] : undefined;
/**
 * The selected run's evaluation points. The array is replaced only when an epoch arrives (iteration
 * batches keep it), so a view subscribed to it does not re-render at the iteration rate.
 */
export const selectSelectedEpochs = (s: LabState) =>
  s.selectedRunId ? s.metrics[s.selectedRunId]?.epochs : undefined;
/** The smoothing factor. */
export const selectSmoothing = (s: LabState) => s.smoothing;
/** The metrics map. */
export const selectMetrics = (s: LabState) => s.metrics;
/** Hidden run ids. */
export const selectHiddenRuns = (s: LabState) => s.hiddenRuns;
/** Run colours. */
export const selectRunColors = (s: LabState) => s.runColors;
/** Open notices. */
export const selectNotices = (s: LabState) => s.notices;

/** True when a run has a worker that can train, pause or step. */
export function isLive(run: RunSummary | undefined): boolean {
  return !!run && LIVE_STATES.includes(run.state);
}

/** Runs that diverged or failed and whose banner is still shown. */
export function selectFailureBannerIds(s: LabState): string {
  // A string key keeps the selector's result stable between renders (joined ids).
  return s.runOrder
    .filter((id) => {
      const st = s.runs[id]?.state;
      return (st === 'diverged' || st === 'failed') && !s.dismissedBanners[id];
    })
    .join(' ');
}

/** The ids of the runs drawn on the charts, as a space-separated key. */
export function selectVisibleRunKey(s: LabState): string {
  return s.runOrder.filter((id) => !s.hiddenRuns[id]).join(' ');
}
