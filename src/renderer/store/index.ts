/**
 * The renderer's one store, built from slices (zustand's slices pattern). Created by a factory so
 * tests and the app each get their own; React reaches it through StoreProvider / useLabStore.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabApi } from '../../shared/api';
import { createCommandsSlice, type CommandsSlice } from './commandsSlice';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createMetricsSlice, type MetricsSlice } from './metricsSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type LabState = ConfigSlice & RunsSlice & MetricsSlice & UiSlice & CommandsSlice;
export type LabStore = StoreApi<LabState>;

/**
 * A fresh store with every slice at its initial state, its commands calling `lab` (a store of
 * state alone, for tests, has none); `initial` overrides fields (e.g. language).
 */
export function createLabStore(initial: Partial<LabState> = {}, lab: LabApi | null = null): LabStore {
  const store = createStore<LabState>()((...a) => ({
    ...createConfigSlice(...a),
    ...createRunsSlice(...a),
    ...createMetricsSlice(...a),
    ...createUiSlice(...a),
    ...createCommandsSlice(lab)(...a),
  }));
  if (Object.keys(initial).length > 0) store.setState(initial);
  return store;
}

const StoreContext = createContext<LabStore | null>(null);

/** Makes `store` available to useLabStore below it. */
export function StoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** The store itself (for actions called from event handlers). */
export function useLabStoreApi(): LabStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLabStore used outside StoreProvider');
  return store;
}

/** Subscribe to a slice of the state; re-renders when the selected value changes (Object.is). */
export function useLabStore<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStoreApi(), selector);
}

// Class names for any dataset (issue 13): views also shown outside a StoreProvider (tests of one view) read no dataset.
const NO_DATASET = createStore<{ dataset: LabState['dataset'] }>(() => ({ dataset: null }));

/** The loaded dataset's info, or null (none yet, or no store above this view). */
export function useDatasetInfo(): LabState['dataset'] {
  const store = useContext(StoreContext) as StoreApi<{ dataset: LabState['dataset'] }> | null;
  return useStore(store ?? NO_DATASET, (s) => s.dataset);
}
