/**
 * A run's metrics on disk as append-only files, so saving grows with the run, not with its square:
 *
 *   metrics.f32   "MLM2", then per iteration its float32 loss and float32 learning rate (LE)
 *   epochs.jsonl  one evaluation point (EpochMetrics) per line
 *
 * Appends are not atomic: a crash can leave a torn last record (a partial 8 bytes, a line without
 * its newline); reading drops it, so a run loses at most what was being written.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { EpochMetrics } from '../../shared/runs';
import { writeFileAtomic } from './atomic-file';
import type { MetricsRecorder } from './metrics';

const MAGIC = 0x324d4c4d; // "MLM2" little-endian
const RECORD = 8; // float32 loss + float32 learning rate

/** The two append-only files of a run folder. */
export const METRICS_FILE = 'metrics.f32';
export const EPOCHS_FILE = 'epochs.jsonl';

/** How much of a run's metrics its files hold (what this process wrote). */
export interface LoggedCounts {
  iterations: number;
  epochs: number;
}

/** Iterations [from, to) of `metrics` as metrics.f32 records (with the header when from is 0). */
function encodeIterations(metrics: MetricsRecorder, from: number, to: number): Uint8Array {
  const header = from === 0 ? 4 : 0;
  const out = new Uint8Array(header + RECORD * (to - from));
  const view = new DataView(out.buffer);
  if (header) view.setUint32(0, MAGIC, true);
  const losses = metrics.losses.slice(from, to);
  const rates = metrics.learningRates.slice(from, to);
  for (let i = 0; i < losses.length; i++) {
    view.setFloat32(header + RECORD * i, losses[i], true);
    view.setFloat32(header + RECORD * i + 4, rates[i], true);
  }
  return out;
}

function encodeEpochs(epochs: EpochMetrics[]): string {
  return epochs.map((e) => JSON.stringify(e) + '\n').join('');
}

/**
 * Brings the files of `folder` up to `metrics`: appends what came since `logged`, or rewrites
 * both files whole (atomically) when `logged` is unknown or ahead of the metrics. Returns the new counts.
 */
export function writeMetricsLog(
  folder: string,
  metrics: MetricsRecorder,
  logged: LoggedCounts | undefined,
): LoggedCounts {
  const now = { iterations: metrics.losses.length, epochs: metrics.epochs.length };
  const metricsFile = path.join(folder, METRICS_FILE);
  const epochsFile = path.join(folder, EPOCHS_FILE);
  if (!logged || logged.iterations > now.iterations || logged.epochs > now.epochs) {
    writeFileAtomic(metricsFile, encodeIterations(metrics, 0, now.iterations));
    writeFileAtomic(epochsFile, encodeEpochs(metrics.epochs));
    return now;
  }
  if (now.iterations > logged.iterations)
    appendFileSync(metricsFile, encodeIterations(metrics, logged.iterations, now.iterations));
  if (now.epochs > logged.epochs)
    appendFileSync(epochsFile, encodeEpochs(metrics.epochs.slice(logged.epochs)));
  return now;
}

/** Losses and learning rates from metrics.f32; a torn last record is dropped. Throws on a wrong header. */
export function decodeMetricsLog(bytes: Uint8Array): { losses: Float32Array; learningRates: Float32Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint32(0, true) !== MAGIC)
    throw new Error(`${METRICS_FILE} does not start with MLM2`);
  const n = Math.floor((bytes.length - 4) / RECORD);
  const losses = new Float32Array(n);
  const learningRates = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    losses[i] = view.getFloat32(4 + RECORD * i, true);
    learningRates[i] = view.getFloat32(4 + RECORD * i + 4, true);
  }
  return { losses, learningRates };
}

/** The lines of epochs.jsonl parsed; a torn last line (no newline, or not JSON) is dropped. */
export function decodeEpochsLog(text: string): unknown[] {
  const lines = text.split('\n');
  lines.pop(); // after the last newline: empty, or a torn line
  return lines.filter((line) => line.length > 0).map((line) => JSON.parse(line) as unknown);
}
