/**
 * Test helpers: the real store and components, with i18n in English, wired to a lab the way
 * main.tsx wires them (connectLab: the service's events flow into the store). Tests pass the real
 * LabService (see realLab.ts) as the lab.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { LabApi } from '../../src/shared/api';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import type { RunState, RunSummary } from '../../src/shared/runs';
import { initI18n } from '../../src/renderer/i18n';
import { Root } from '../../src/renderer/Root';
import { createLabStore, type LabStore } from '../../src/renderer/store';
import { connectLab } from '../../src/renderer/store/connectLab';

/** A run summary shaped as the service sends it, for tests of pure logic (progress, selectors). */
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

const disconnects: (() => void)[] = [];

/** Render the whole app on a fresh store connected to `lab`; returns the store. */
export function renderApp(lab: LabApi, store: LabStore = createLabStore({}, lab)) {
  initI18n('en');
  disconnects.push(connectLab(lab, store));
  const view = render(<Root store={store} />);
  return { ...view, lab, store };
}

/** Unmount what renderApp rendered and stop its stores listening to the lab. */
export function cleanupApp(): void {
  cleanup();
  disconnects.splice(0).forEach((d) => d());
}

/** Type values into the hyperparameter panel's fields, by their English labels, as a user does. */
export function typeConfig(values: Record<string, number>): void {
  for (const [label, value] of Object.entries(values))
    fireEvent.change(screen.getByLabelText(label), { target: { value: String(value) } });
}

/** The panel values of a short run (see SHORT_RUN in realLab.ts). */
export const SHORT_PANEL = {
  Iterations: 100,
  'Evaluate every (iterations)': 50,
  'Hidden layer 1 size': 20,
} as const;

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
