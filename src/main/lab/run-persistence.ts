/**
 * Saving runs: the service's side of the RunStore (run-store.ts). The summary and metrics are saved
 * on every change (the store appends what is new); the weights of a training run at most every
 * `weightsIntervalMs` (the newest snapshot waits in memory) and whenever it pauses or ends; a failed write never stops training: the run goes on in memory, the user is told once
 * (a full disk, say), and the next save that works brings the files up to date again.
 *
 * The folder is locked for this process (data-lock.ts). When another MNIST Lab holds it, the runs
 * in it are shown but nothing is written: `readOnlyReason` says why, and the service refuses what
 * would change them. A folder that cannot be made at all leaves runs in memory (`storageProblem`).
 */
import { messageText } from '../../shared/messages';
import type { WeightTensor } from '../../shared/runs';
import { sweepStaleTemps, writeErrorReason } from './atomic-file';
import { lockDataFolder } from './data-lock';
import type { RunEntry } from './run-entry';
import { FileRunStore } from './run-files';
import { MemoryRunStore, type RunRecord, type RunStore } from './run-store';
import { WEIGHTS_SAVE_INTERVAL_MS } from './service-options';

/** Where runs are saved, and what a failed save says. */
export class RunPersistence {
  /** Runs whose last save failed (their name): told once, until a save works again. */
  private readonly failing = new Set<string>();
  /** Why runs are kept in memory only (the folder could not be made), else null. */
  storageProblem: string | null = null;
  /** A training run's weights are written at most this often (plus at pause and at the end). */
  weightsIntervalMs = WEIGHTS_SAVE_INTERVAL_MS;
  /** The newest weights of a run not written yet, and when each run's weights were last written. */
  private readonly unsaved = new Map<RunEntry, WeightTensor[]>();
  private readonly weightsSavedAt = new Map<RunEntry, number>();

  constructor(
    private readonly store: RunStore,
    private readonly warn: (message: string) => void,
    /** Why nothing may be written here (another MNIST Lab holds the folder), else null. */
    readonly readOnlyReason: string | null = null,
    private readonly release: () => void = () => {},
    /** Tells the user a run could not be saved (an error event). */
    private readonly tell: (message: string) => void = () => {},
  ) {}

  /**
   * The given store, else files in `dataDir` (locked for this process; read-only when another
   * holds it; in memory with a reason when the folder cannot be made), else memory only.
   */
  static choose(
    options: { store?: RunStore; dataDir?: string; appName?: string },
    warn: (message: string) => void,
    tell: (message: string) => void = () => {},
  ): RunPersistence {
    if (options.store) return new RunPersistence(options.store, warn, null, undefined, tell);
    const folder = options.dataDir;
    if (!folder) return new RunPersistence(new MemoryRunStore(), warn, null, undefined, tell);
    let lock: ReturnType<typeof lockDataFolder>;
    try {
      lock = lockDataFolder(folder, options.appName ?? 'MNIST Lab');
    } catch (error) {
      // An unwritable folder: runs train and are kept in memory, and the user is told why.
      const reason = messageText('storageUnavailable', { folder, why: writeErrorReason(error) });
      warn(reason);
      const persistence = new RunPersistence(new MemoryRunStore(), warn, null, undefined, tell);
      persistence.storageProblem = reason;
      return persistence;
    }
    if (!lock.ok) {
      const { app, pid } = lock.holder;
      const reason = messageText('dataFolderInUse', { folder, app, pid });
      return new RunPersistence(new FileRunStore(folder, warn), warn, reason, undefined, tell);
    }
    sweepStaleTemps(folder);
    return new RunPersistence(new FileRunStore(folder, warn), warn, null, lock.release, tell);
  }

  /** Throws the read-only reason, when there is one (before anything that would write). */
  assertWritable(): void {
    if (this.readOnlyReason) throw new Error(this.readOnlyReason);
  }

  /** Lets go of the folder's lock. */
  close(): void {
    this.release();
  }

  /** Every saved run, oldest first. */
  saved(): RunRecord[] {
    return this.store.list();
  }

  /** Saves the run's summary and metrics; a failed write is told once and training goes on. */
  save(entry: RunEntry): void {
    if (this.readOnlyReason) return;
    try {
      this.store.save(record(entry));
      this.savedAgain(entry);
    } catch (error) {
      this.failed(entry, error);
    }
  }

  /** Saves the run's weights; throws when they cannot be written (an import must say so). */
  saveWeights(entry: RunEntry, tensors: WeightTensor[]): void {
    this.assertWritable();
    this.store.saveWeights(record(entry), tensors);
  }

  /** Saves a training run's weights; a failed write is told once and training goes on. */
  saveWeightsOrWarn(entry: RunEntry, tensors: WeightTensor[]): void {
    this.unsaved.delete(entry); // these are newer than any kept ones
    if (this.readOnlyReason) return;
    try {
      this.saveWeights(entry, tensors);
      this.savedAgain(entry);
    } catch (error) {
      this.failed(entry, error);
    }
  }

  /** A training run's newest weights: written now when the last write is old enough, else kept for later. */
  saveWeightsSoon(entry: RunEntry, tensors: WeightTensor[]): void {
    const last = this.weightsSavedAt.get(entry);
    if (last !== undefined && Date.now() - last < this.weightsIntervalMs) {
      this.unsaved.set(entry, tensors);
      return;
    }
    this.unsaved.delete(entry);
    this.weightsSavedAt.set(entry, Date.now());
    this.saveWeightsOrWarn(entry, tensors);
  }

  /** Writes the run's kept weights, if any (it paused or ended, or the service closes). */
  flushWeights(entry: RunEntry): void {
    const tensors = this.unsaved.get(entry);
    this.unsaved.delete(entry);
    if (tensors) this.saveWeightsOrWarn(entry, tensors);
  }

  /** Writes every run's kept weights. */
  flushAllWeights(): void {
    for (const entry of [...this.unsaved.keys()]) this.flushWeights(entry);
  }

  private savedAgain(entry: RunEntry): void {
    if (this.failing.delete(entry.summary.id))
      this.warn(messageText('runSavedAgain', { name: entry.summary.name }));
  }

  private failed(entry: RunEntry, error: unknown): void {
    const message = messageText('runNotSaved', { name: entry.summary.name, why: writeErrorReason(error) });
    this.warn(message);
    if (this.failing.has(entry.summary.id)) return;
    this.failing.add(entry.summary.id);
    this.tell(message);
  }

  /** The run's last saved weights, or null when none were saved; throws when they cannot be read. */
  loadWeights(runId: string): WeightTensor[] | null {
    return this.store.loadWeights(runId);
  }

  /** Forgets the run and its files. */
  remove(runId: string): void {
    this.failing.delete(runId);
    for (const entry of [...this.unsaved.keys()]) if (entry.summary.id === runId) this.unsaved.delete(entry);
    if (!this.readOnlyReason) this.store.remove(runId);
  }
}

/** What the store keeps of a run: a copy of its summary, and its metrics. */
function record(entry: RunEntry): RunRecord {
  return { summary: { ...entry.summary }, metrics: entry.metrics };
}
