/**
 * The runs the service knows (live, past and imported) by id. Every change to a run goes through
 * here: it is saved and told to every listener. A run that was deleted is never saved again, so a
 * late worker message cannot bring it back.
 */
import type { RunState, RunSummary } from '../../shared/runs';
import { defaultRunName, type Language } from '../../shared/i18n';
import { messageText } from '../../shared/messages';
import type { EventHub } from './event-hub';
import { markInterrupted, newEntry, type RunEntry } from './run-entry';
import type { RunPersistence } from './run-persistence';

/** The service's runs, their ids and names. */
export class RunRegistry {
  private readonly runs = new Map<string, RunEntry>();
  private nextRunNumber = 1;

  constructor(
    private readonly persistence: RunPersistence,
    private readonly events: EventHub,
  ) {}

  /** Registers the saved runs; one that was live when the service stopped becomes 'interrupted'. */
  loadSaved(): void {
    for (const { summary, metrics } of this.persistence.saved()) {
      const entry = newEntry(summary, metrics);
      this.runs.set(summary.id, entry);
      if (markInterrupted(summary)) this.persistence.save(entry);
      const n = /^run-(\d+)-/.exec(summary.id);
      if (n) this.nextRunNumber = Math.max(this.nextRunNumber, Number(n[1]) + 1);
    }
  }

  /** Copies of every run's summary, oldest first. */
  list(): RunSummary[] {
    return [...this.runs.values()].map((r) => ({ ...r.summary }));
  }

  /** Every registered run. */
  entries(): RunEntry[] {
    return [...this.runs.values()];
  }

  /** The run `id` names; throws when it is unknown. */
  get(id: string): RunEntry {
    const entry = this.runs.get(id);
    if (!entry) throw new Error(messageText('noRun', { id }));
    return entry;
  }

  /** True while `entry` is registered (not deleted). */
  has(entry: RunEntry): boolean {
    return this.runs.get(entry.summary.id) === entry;
  }

  /** The name a new run gets when none is given: its number, in `language`. */
  defaultName(language: Language = 'en'): string {
    return defaultRunName(this.nextRunNumber, language);
  }

  /** A new run id (run-<n>-<time>); n goes on from the saved runs. */
  nextId(): string {
    return `run-${this.nextRunNumber++}-${Date.now().toString(36)}`;
  }

  /** Registers a new run and saves it (listeners hear of it through announce). */
  add(summary: RunSummary): RunEntry {
    const entry = newEntry(summary);
    this.runs.set(summary.id, entry);
    this.save(entry);
    return entry;
  }

  /** Tells listeners a run was added. */
  announce(entry: RunEntry): void {
    this.events.emit({ type: 'run-added', run: { ...entry.summary } });
  }

  /** Unregisters the run and removes what was saved of it. */
  remove(entry: RunEntry): void {
    this.runs.delete(entry.summary.id);
    this.persistence.remove(entry.summary.id);
  }

  /** Saves the run's summary and metrics and tells listeners it changed. */
  updated(entry: RunEntry): void {
    this.save(entry);
    this.events.emit({ type: 'run-updated', run: { ...entry.summary } });
  }

  /** Sets the run's state (and message, or none), saves it, tells listeners. */
  setState(entry: RunEntry, state: RunState, message?: string): void {
    entry.summary.state = state;
    if (message !== undefined) entry.summary.message = message;
    else delete entry.summary.message;
    this.events.emit({
      type: 'state',
      runId: entry.summary.id,
      state,
      ...(message !== undefined && { message }),
    });
    this.updated(entry);
  }

  private save(entry: RunEntry): void {
    if (this.has(entry)) this.persistence.save(entry);
  }
}
