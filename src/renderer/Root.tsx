/** Providers around App: the store and the lab commands (used by main.tsx and by tests). */
import type { LabApi } from '../shared/api';
import { App } from './App';
import { LabProvider } from './labContext';
import { StoreProvider, type LabStore } from './store';

/** App with its store and lab. */
export function Root({ lab, store }: { lab: LabApi; store: LabStore }) {
  return (
    <StoreProvider store={store}>
      <LabProvider lab={lab}>
        <App />
      </LabProvider>
    </StoreProvider>
  );
}
