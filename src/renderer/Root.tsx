/** The provider around App: the store, which holds the lab and its commands (used by main.tsx and by tests). */
import { App } from './App';
import { StoreProvider, type LabStore } from './store';

/** App with its store. */
export function Root({ store }: { store: LabStore }) {
  return (
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  );
}
