/** How the LabService is built, and the few constants it shares with the tests. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunStore } from './run-store';
import { message } from '../../shared/messages';

/** How to build a LabService. */
export interface LabServiceOptions {
  /** The run history folder (one folder per run); without it (and without `store`) runs live in memory. */
  dataDir?: string;
  /** An MNIST folder to load instead of the bundled package. */
  datasetFolder?: string;
  /** build/kernels.wasm; default: the repo's build/kernels.wasm when it exists (else the TypeScript kernels). */
  wasmPath?: string;
  store?: RunStore;
  /** The personal test set's file; default drawings.json in `dataDir` (without either it lives in memory). */
  drawingsFile?: string;
  /** Who this is, for the data folder's lock ("the desktop app", "npm run serve", ...). */
  appName?: string;
  /** A training run's weights are written at most this often, plus at pause and at the end (default 5 s). */
  weightsSaveIntervalMs?: number;
  /** A worker opened for a past run (predict, weights, evaluate) ends after this long idle (default 60 s). */
  viewerIdleMs?: number;
  /** How many runs may be live (starting, training, paused) at once (default 4). */
  maxLiveRuns?: number;
  /** Where warnings go (a skipped corrupt run folder, a failed save); default console.warn. */
  warn?: (message: string) => void;
}

/** The message of a run whose saved state was live when the service last stopped. */
export const INTERRUPTED_MESSAGE = message('interrupted');

/** Defaults for LabServiceOptions.viewerIdleMs and maxLiveRuns. */
export const VIEWER_IDLE_MS = 60_000;
export const MAX_LIVE_RUNS = 4;

/** Default for LabServiceOptions.weightsSaveIntervalMs. */
export const WEIGHTS_SAVE_INTERVAL_MS = 5000;

/** How many opened-but-not-imported weights files are kept. */
export const MAX_PENDING = 4;
/** The largest weights file openWeights accepts (a 8x1024 network is ~40 MB as JSON). */
export const MAX_WEIGHTS_BYTES = 256 * 1024 * 1024;

/** build/kernels.wasm at the repo root: from src/main/lab/ in source, from out/main/ when bundled. */
export function defaultWasmPath(): string | undefined {
  const relative = import.meta.url.endsWith('.ts')
    ? '../../../build/kernels.wasm'
    : '../../build/kernels.wasm';
  const file = fileURLToPath(new URL(relative, import.meta.url));
  return existsSync(file) ? file : undefined;
}
