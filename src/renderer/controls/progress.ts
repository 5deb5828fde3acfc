/** Pure progress arithmetic for the selected run: epochs, rate, elapsed and remaining time. */
import type { RunSummary } from '../../shared/runs';
import { iterationsPerSecond, type RunSeries } from '../store/metricsSlice';

export interface RunProgress {
  /** Current epoch (1-based while training, 0 before the first iteration). */
  epoch: number;
  totalEpochs: number;
  iteration: number;
  totalIterations: number;
  /** Iterations per second, or null when unknown (just started, paused, finished). */
  rate: number | null;
  elapsedMs: number;
  /** Estimated time left, or null when unknown. */
  remainingMs: number | null;
}

/** Progress of `run` from its summary and the metrics received so far. */
export function runProgress(run: RunSummary, series: RunSeries | undefined, live: boolean): RunProgress {
  const perEpoch = Math.max(1, run.iterationsPerEpoch);
  const iteration = Math.max(run.iteration, series?.losses.length ?? 0);
  const rate = live && run.state === 'training' ? iterationsPerSecond(series) : null;
  const left = Math.max(0, run.totalIterations - iteration);
  return {
    epoch: Math.min(Math.ceil(run.totalIterations / perEpoch), Math.ceil(iteration / perEpoch)),
    totalEpochs: Math.ceil(run.totalIterations / perEpoch),
    iteration,
    totalIterations: run.totalIterations,
    rate,
    elapsedMs: Math.max(series?.activeMs ?? 0, run.lastEpoch?.elapsedMs ?? 0),
    remainingMs: rate && rate > 0 ? (left / rate) * 1000 : null,
  };
}

/** A duration as h:mm:ss or m:ss. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
