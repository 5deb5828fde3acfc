/**
 * One run as the service tracks it, and the request/answer plumbing to its worker thread: each
 * request gets an id, the worker answers with the same id, and a dead worker rejects what is open.
 */
import type { Worker } from 'node:worker_threads';
import type { TrainConfig } from '../../shared/hyperparams';
import { LIVE_STATES } from '../../shared/runs';
import type { RunSummary } from '../../shared/runs';
import type { ToRunWorker } from '../../shared/worker-messages';
import { MetricsRecorder } from './metrics';
import { INTERRUPTED_MESSAGE } from './service-options';
import { messageText } from '../../shared/messages';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** One run: its summary, its worker (if any), its metrics and open requests. */
export interface RunEntry {
  summary: RunSummary;
  worker: Worker | null;
  metrics: MetricsRecorder;
  requests: Map<number, Pending>;
  /** Set while the service itself terminates the worker (delete, close), so the exit is not a failure. */
  retiring: boolean;
  /** A worker started only to answer predict / weights / evaluate for a past run: its progress is ignored. */
  viewer: boolean;
}

/** A fresh entry without a worker. */
export function newEntry(summary: RunSummary, metrics = new MetricsRecorder()): RunEntry {
  return { summary, worker: null, metrics, requests: new Map(), retiring: false, viewer: false };
}

/** Posts a message to the run's worker; throws when it has none. */
export function sendTo(entry: RunEntry, msg: ToRunWorker): void {
  if (!entry.worker)
    throw new Error(messageText('noWorker', { name: entry.summary.name, state: entry.summary.state }));
  entry.worker.postMessage(msg);
}

let nextRequestId = 1;

/** Sends a request and resolves with the worker's answer (see settle). */
export function requestFrom<T>(entry: RunEntry, make: (requestId: number) => ToRunWorker): Promise<T> {
  const requestId = nextRequestId++;
  return new Promise<T>((resolve, reject) => {
    entry.requests.set(requestId, { resolve: resolve as (v: unknown) => void, reject });
    try {
      sendTo(entry, make(requestId));
    } catch (error) {
      entry.requests.delete(requestId);
      reject(error as Error);
    }
  });
}

/** Resolves (or, for an Error, rejects) the open request `requestId`. */
export function settle(entry: RunEntry, requestId: number, value: unknown): void {
  const pending = entry.requests.get(requestId);
  if (!pending) return;
  entry.requests.delete(requestId);
  if (value instanceof Error) pending.reject(value);
  else pending.resolve(value);
}

/** Rejects every open request (the worker is gone). */
export function rejectRequests(entry: RunEntry, message: string): void {
  for (const pending of entry.requests.values()) pending.reject(new Error(message));
  entry.requests.clear();
}

/** The summary of a run that has not started yet: trained ('starting') or imported ('imported'). */
export function newSummary(
  id: string,
  name: string,
  config: TrainConfig,
  source: RunSummary['source'],
): RunSummary {
  const state = source === 'imported' ? 'imported' : 'starting';
  return {
    id,
    name,
    config,
    state,
    createdAt: Date.now(),
    iteration: 0,
    totalIterations: 0,
    iterationsPerEpoch: 0,
    source,
  };
}

/** A saved run that was live when the service stopped becomes 'interrupted' at its last saved epoch. */
export function markInterrupted(summary: RunSummary): boolean {
  if (!LIVE_STATES.includes(summary.state)) return false;
  summary.state = 'interrupted';
  summary.message = INTERRUPTED_MESSAGE;
  summary.iteration = summary.lastEpoch?.iteration ?? 0;
  return true;
}
