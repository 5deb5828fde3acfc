/** React access to the LabApi client and the commands built on it. */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import type { LabApi } from '../shared/api';
import { createCommands, type LabCommands } from './store/commands';
import { useLabStoreApi } from './store';

interface LabContextValue {
  lab: LabApi;
  commands: LabCommands;
}

const LabContext = createContext<LabContextValue | null>(null);

/** Provides the commands for `lab` (needs a StoreProvider above it). */
export function LabProvider({ lab, children }: { lab: LabApi; children: ReactNode }) {
  const store = useLabStoreApi();
  const value = useMemo(() => ({ lab, commands: createCommands(lab, store) }), [lab, store]);
  return createElement(LabContext.Provider, { value }, children);
}

/** The commands (Train, Pause, ...) bound to the app's lab and store. */
export function useCommands(): LabCommands {
  const value = useContext(LabContext);
  if (!value) throw new Error('useCommands used outside LabProvider');
  return value.commands;
}

/** The LabApi client itself (for views that call it directly, like the inspect panels). */
export function useLab(): LabApi {
  const value = useContext(LabContext);
  if (!value) throw new Error('useLab used outside LabProvider');
  return value.lab;
}
