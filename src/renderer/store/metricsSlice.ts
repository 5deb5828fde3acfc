/**
 * Metrics slice: every iteration's loss and learning rate per run, in growable Float32Arrays, plus
 * the per-epoch evaluations. The arrays are mutated in place (copying 50,000 floats per batch would
 * be wasteful); each write replaces the run's entry with a new object whose `version` increases,
 * which is what subscribers compare.
 */
import type { StateCreator } from 'zustand';
import type { EpochMetrics, IterationBatch, RunMetrics } from '../../shared/runs';
import { GrowableFloat32, growableFrom } from './growable';

export interface RunSeries {
  /** Loss of iteration i+1 at index i. */
  losses: GrowableFloat32;
  learningRates: GrowableFloat32;
  epochs: EpochMetrics[];
  /** Increases on every write. */
  version: number;
  /** Recent [receivedAt ms, iterations so far] samples, for iterations per second. */
  rateSamples: [number, number][];
  /** Time spent training as seen from here (gaps over 2 s, e.g. pauses, are not counted). */
  activeMs: number;
}

export interface MetricsSlice {
  metrics: Record<string, RunSeries>;
  appendIterations: (runId: string, batch: IterationBatch, now?: number) => void;
  appendEpoch: (runId: string, epoch: EpochMetrics) => void;
  loadMetrics: (runId: string, metrics: RunMetrics) => void;
  dropMetrics: (runId: string) => void;
}

const RATE_WINDOW = 20;
const PAUSE_GAP_MS = 2000;

function emptySeries(): RunSeries {
  return {
    losses: new GrowableFloat32(),
    learningRates: new GrowableFloat32(),
    epochs: [],
    version: 0,
    rateSamples: [],
    activeMs: 0,
  };
}

export const createMetricsSlice: StateCreator<MetricsSlice, [], [], MetricsSlice> = (set) => ({
  metrics: {},
  appendIterations: (runId, batch, now = Date.now()) =>
    set((s) => {
      const series = s.metrics[runId] ?? emptySeries();
      series.losses.writeAt(batch.start - 1, batch.losses);
      series.learningRates.writeAt(batch.start - 1, batch.learningRates);
      const last = series.rateSamples[series.rateSamples.length - 1];
      const gap = last ? now - last[0] : Infinity;
      const rateSamples = [...series.rateSamples, [now, series.losses.length] as [number, number]].slice(
        -RATE_WINDOW,
      );
      return {
        metrics: {
          ...s.metrics,
          [runId]: {
            ...series,
            rateSamples,
            activeMs: series.activeMs + (gap < PAUSE_GAP_MS ? gap : 0),
            version: series.version + 1,
          },
        },
      };
    }),
  appendEpoch: (runId, epoch) =>
    set((s) => {
      const series = s.metrics[runId] ?? emptySeries();
      const epochs = [...series.epochs.filter((e) => e.epoch !== epoch.epoch), epoch];
      return { metrics: { ...s.metrics, [runId]: { ...series, epochs, version: series.version + 1 } } };
    }),
  loadMetrics: (runId, m) =>
    set((s) => {
      const previous = s.metrics[runId];
      const losses = growableFrom(m.losses);
      const learningRates = growableFrom(m.learningRates);
      // Batches that arrived while the snapshot was on its way reach past it: keep their tail.
      if (previous && previous.losses.length > m.losses.length) {
        losses.writeAt(m.losses.length, previous.losses.view().subarray(m.losses.length));
        learningRates.writeAt(
          m.learningRates.length,
          previous.learningRates.view().subarray(m.learningRates.length),
        );
      }
      const loadedEpochs = new Set(m.epochs.map((e) => e.epoch));
      const epochs = [
        ...m.epochs,
        ...(previous?.epochs ?? []).filter((e) => !loadedEpochs.has(e.epoch)),
      ].sort((x, y) => x.epoch - y.epoch);
      const lastEpoch = epochs[epochs.length - 1];
      return {
        metrics: {
          ...s.metrics,
          [runId]: {
            losses,
            learningRates,
            epochs,
            version: (previous?.version ?? 0) + 1,
            rateSamples: previous?.rateSamples ?? [],
            activeMs: Math.max(previous?.activeMs ?? 0, lastEpoch?.elapsedMs ?? 0),
          },
        },
      };
    }),
  dropMetrics: (runId) =>
    set((s) => {
      if (!(runId in s.metrics)) return {};
      const metrics = { ...s.metrics };
      delete metrics[runId];
      return { metrics };
    }),
});

/** Iterations per second over the recent samples, or null when there are too few. */
export function iterationsPerSecond(series: RunSeries | undefined): number | null {
  const samples = series?.rateSamples;
  if (!samples || samples.length < 2) return null;
  const [t0, i0] = samples[0];
  const [t1, i1] = samples[samples.length - 1];
  if (t1 - PAUSE_GAP_MS * samples.length > t0 || t1 <= t0) return null;
  return ((i1 - i0) * 1000) / (t1 - t0);
}
