/** React access to the LabApi client and the commands built on it. */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import type { LabApi } from '../shared/api';
import { createCommands, type LabCommands } from './store/commands';
import { useLabStoreApi } from './store';

const LabContext = createContext<LabCommands | null>(null);

/** Provides the commands for `lab` (needs a StoreProvider above it). */
export function LabProvider({ lab, children }: { lab: LabApi; children: ReactNode }) {
  const store = useLabStoreApi();
  const commands = useMemo(() => createCommands(lab, store), [lab, store]);
  return createElement(LabContext.Provider, { value: commands }, children);
}

/** The commands (Train, Pause, ...) bound to the app's lab and store. */
export function useCommands(): LabCommands {
  const commands = useContext(LabContext);
  if (!commands) throw new Error('useCommands used outside LabProvider');
  return commands;
}
