/** React access to the store's LabApi client and the commands built on it (the commands slice). */
import type { LabApi } from '../shared/api';
import type { LabCommands } from './store/commandsSlice';
import { useLabStore } from './store';

/** The commands (Train, Pause, ...) bound to the app's lab and store. */
export function useCommands(): LabCommands {
  return useLabStore((s) => s.commands);
}

/** The LabApi client itself (for views that call it directly, like the draw and evaluate panels). */
export function useLab(): LabApi {
  const lab = useLabStore((s) => s.lab);
  if (!lab) throw new Error('useLab needs a store created with a LabApi');
  return lab;
}
