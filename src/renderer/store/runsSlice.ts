/** Runs slice: every run's summary by id, in arrival order, with its colour and visibility. */
import type { StateCreator } from 'zustand';
import type { RunState, RunSummary } from '../../shared/runs';
import type { LabState } from './index';

export interface RunsSlice {
  runs: Record<string, RunSummary>;
  /** Run ids, oldest first. */
  runOrder: string[];
  /** Ids of runs hidden from the charts. */
  hiddenRuns: Record<string, true>;
  /** Chart colour of each run, fixed when the run first appears. */
  runColors: Record<string, string>;
  upsertRun: (run: RunSummary) => void;
  /** Forgets a run: its summary, its metrics, and the selection when it was selected. */
  removeRun: (runId: string) => void;
  setRunState: (runId: string, state: RunState, message?: string) => void;
  setRunVisible: (runId: string, visible: boolean) => void;
}

/** A palette that reads on light and dark backgrounds and stays distinct for colour-blind users. */
export const RUN_PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#8c6d31',
  '#7f7f7f',
] as const;

export const createRunsSlice: StateCreator<LabState, [], [], RunsSlice> = (set, get) => ({
  runs: {},
  runOrder: [],
  hiddenRuns: {},
  runColors: {},
  upsertRun: (run) =>
    set((s) => {
      const known = run.id in s.runs;
      const colorIndex = Object.keys(s.runColors).length % RUN_PALETTE.length;
      return {
        runs: { ...s.runs, [run.id]: run },
        runOrder: known ? s.runOrder : [...s.runOrder, run.id],
        runColors: s.runColors[run.id] ? s.runColors : { ...s.runColors, [run.id]: RUN_PALETTE[colorIndex] },
      };
    }),
  removeRun: (runId) => {
    set((s) => {
      if (!(runId in s.runs)) return {};
      const runs = { ...s.runs };
      delete runs[runId];
      const hiddenRuns = { ...s.hiddenRuns };
      delete hiddenRuns[runId];
      return { runs, hiddenRuns, runOrder: s.runOrder.filter((id) => id !== runId) };
    });
    get().dropMetrics(runId);
    if (get().selectedRunId === runId) get().selectRun(null);
  },
  setRunState: (runId, state, message) =>
    set((s) => {
      const run = s.runs[runId];
      if (!run) return {};
      return { runs: { ...s.runs, [runId]: { ...run, state, message: message ?? run.message } } };
    }),
  setRunVisible: (runId, visible) =>
    set((s) => {
      const hiddenRuns = { ...s.hiddenRuns };
      if (visible) delete hiddenRuns[runId];
      else hiddenRuns[runId] = true;
      return { hiddenRuns };
    }),
});
