/** The service's listeners: every LabEvent goes to each of them; one that throws does not stop the rest. */
import type { LabEvent } from '../../shared/api';

export class EventHub {
  private readonly listeners = new Set<(event: LabEvent) => void>();

  /** Adds a listener; returns the function that removes it. */
  on(listener: (event: LabEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: LabEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener must not stop the others.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
