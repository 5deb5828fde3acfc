/** Waiting for LabService events in tests. */
import type { LabEvent } from '../../src/shared/api';
import type { LabService } from '../../src/main/lab/service';

/** Collects every event a service emits, and waits for one that matches. */
export class EventLog {
  readonly events: LabEvent[] = [];
  private waiters: { match: (e: LabEvent) => boolean; resolve: (e: LabEvent) => void }[] = [];

  constructor(lab: LabService) {
    lab.onEvent((e) => {
      this.events.push(e);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(e)) return true;
        w.resolve(e);
        return false;
      });
    });
  }

  /** Resolves with the first event (already seen or future) that matches. */
  waitFor<T extends LabEvent['type']>(
    type: T,
    match: (e: Extract<LabEvent, { type: T }>) => boolean = () => true,
    timeoutMs = 90_000,
  ): Promise<Extract<LabEvent, { type: T }>> {
    const m = (e: LabEvent) => e.type === type && match(e as Extract<LabEvent, { type: T }>);
    const seen = this.events.find(m);
    if (seen) return Promise.resolve(seen as Extract<LabEvent, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no '${type}' event matched within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match: m,
        resolve: (e) => (clearTimeout(timer), resolve(e as Extract<LabEvent, { type: T }>)),
      });
    });
  }

  /** Waits for the next matching event after now (ignores earlier ones). */
  next<T extends LabEvent['type']>(
    type: T,
    match: (e: Extract<LabEvent, { type: T }>) => boolean = () => true,
    timeoutMs = 90_000,
  ): Promise<Extract<LabEvent, { type: T }>> {
    const from = this.events.length;
    return this.waitFor(type, (e) => this.events.indexOf(e) >= from && match(e), timeoutMs);
  }

  /** Events of one run, of one type. */
  of<T extends LabEvent['type']>(type: T, runId: string): Extract<LabEvent, { type: T }>[] {
    return this.events.filter((e) => e.type === type && 'runId' in e && e.runId === runId) as Extract<
      LabEvent,
      { type: T }
    >[];
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
