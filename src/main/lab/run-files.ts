/**
 * The run history on disk: one folder per run under the data folder. Small files are written
 * atomically (temp + rename); the metrics grow by appends (metrics-log.ts), so a long run writes
 * in proportion to its length.
 *
 *   <dataDir>/<run id>/run.json      { version: 2, summary }  (summary holds the config and seed;
 *                                    the config is the hyperparameter list's, savedConfigSchema)
 *   <dataDir>/<run id>/metrics.f32   append-only losses and learning rates (metrics-log.ts)
 *   <dataDir>/<run id>/epochs.jsonl  append-only evaluation points, one per line
 *   <dataDir>/<run id>/weights.json  the app's weights JSON (src/formats), lossless, saved at a
 *                                    bounded rate and when the run pauses or ends
 *
 * Folders saved before (version 1: run.json with the epochs, metrics.bin) still load.
 * A folder that does not read back is skipped with a warning; it never stops the service.
 */
import { rawMessage, isLabMessage, type LabMessage } from '../../shared/messages';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { decodeWeights, encodeWeights } from '../../formats/index';
import { savedConfigSchema } from '../../shared/hyperparams';
import { RUN_STATES } from '../../shared/runs';
import type { EpochMetrics, RunSummary, WeightTensor } from '../../shared/runs';
import { writeFileAtomic } from './atomic-file';
import { MetricsRecorder } from './metrics';
import { decodeEpochsLog, decodeMetricsLog, EPOCHS_FILE, METRICS_FILE, writeMetricsLog } from './metrics-log';
import type { LoggedCounts } from './metrics-log';
import type { RunRecord, RunStore } from './run-store';
import { runIdSchema } from '../../shared/lab-arguments';
import { exportMeta } from './weights-import';

const MAGIC = 0x314d4c4d; // "MLM1" little-endian

/** Look deeper (issue 13): one histogram as saved (JSON), bins bounded. */
const histogramSchema = z.object({
  min: z.number(),
  max: z.number(),
  counts: z.array(z.number().nonnegative()).max(1000),
});
const epochHistogramsSchema = z.object({
  activations: z
    .array(
      z.object({ name: z.string().max(100), histogram: histogramSchema, deadShare: z.number().nullable() }),
    )
    .max(100),
  weights: z.array(z.object({ name: z.string().max(100), histogram: histogramSchema })).max(100),
});

const epochSchema = z.looseObject({
  epoch: z.number(),
  iteration: z.number(),
  trainAccuracy: z.number(),
  trainLoss: z.number(),
  testAccuracy: z.number(),
  testLoss: z.number(),
  testCorrect: z.number(),
  testCount: z.number(),
  learningRate: z.number(),
  elapsedMs: z.number(),
  // Optional: runs saved before it was measured have none. JSON writes a non-finite norm as null
  // (read back as NaN, a gap in the chart); a malformed list is dropped rather than losing the run.
  gradientNorms: z
    .array(
      z
        .number()
        .nullable()
        .transform((v) => v ?? NaN),
    )
    .optional()
    .catch(undefined),
  // Look deeper (issue 13): a malformed histogram set is dropped rather than losing the run.
  histograms: epochHistogramsSchema.optional().catch(undefined),
});

const summarySchema = z.looseObject({
  id: runIdSchema,
  name: z.string(),
  config: z.unknown(), // read by savedConfigSchema below
  state: z.enum(RUN_STATES),
  // A message as data; a run saved before messages were data kept its English text (shown as is).
  message: z
    .union([z.custom<LabMessage>(isLabMessage), z.string().transform((text) => rawMessage(text))])
    .optional(),
  createdAt: z.number(),
  iteration: z.number().int().nonnegative(),
  totalIterations: z.number().int().nonnegative(),
  iterationsPerEpoch: z.number().int().nonnegative(),
  source: z.enum(['trained', 'imported']),
});

const runFileSchema = z.discriminatedUnion('version', [
  z.object({ version: z.literal(1), summary: summarySchema, epochs: z.array(epochSchema) }),
  z.object({ version: z.literal(2), summary: summarySchema }),
]);

/** metrics.bin (the first format) from a run's losses and learning rates (same length). */
export function encodeMetricsBin(losses: Float32Array, learningRates: Float32Array): Uint8Array {
  const n = losses.length;
  const out = new Uint8Array(8 + 8 * n);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, n, true);
  for (let i = 0; i < n; i++) {
    view.setFloat32(8 + 4 * i, losses[i], true);
    view.setFloat32(8 + 4 * (n + i), learningRates[i], true);
  }
  return out;
}

/** Losses and learning rates from metrics.bin; throws when the header or the length is wrong. */
export function decodeMetricsBin(bytes: Uint8Array): { losses: Float32Array; learningRates: Float32Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 || view.getUint32(0, true) !== MAGIC)
    throw new Error('metrics.bin does not start with MLM1');
  const n = view.getUint32(4, true);
  if (bytes.length !== 8 + 8 * n)
    throw new Error(`metrics.bin holds ${bytes.length} bytes, expected ${8 + 8 * n} for ${n} iterations`);
  const losses = new Float32Array(n);
  const learningRates = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    losses[i] = view.getFloat32(8 + 4 * i, true);
    learningRates[i] = view.getFloat32(8 + 4 * (n + i), true);
  }
  return { losses, learningRates };
}

/** Saves runs under `dir`, one folder each. */
export class FileRunStore implements RunStore {
  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private folder(runId: string): string {
    return path.join(this.dir, runIdSchema.parse(runId));
  }

  /** What each run's metrics files hold, as this process wrote them (absent: rewrite them whole). */
  private readonly logged = new Map<string, LoggedCounts>();

  save(record: RunRecord): void {
    const id = record.summary.id;
    const folder = this.folder(id);
    mkdirSync(folder, { recursive: true });
    const logged = this.logged.get(id);
    this.logged.delete(id); // until this save has worked: a failed append is redone whole
    const counts = writeMetricsLog(folder, record.metrics, logged);
    writeFileAtomic(path.join(folder, 'run.json'), JSON.stringify({ version: 2, summary: record.summary }));
    if (!logged) rmSync(path.join(folder, 'metrics.bin'), { force: true }); // a first-format folder
    this.logged.set(id, counts);
  }

  saveWeights(record: RunRecord, tensors: WeightTensor[]): void {
    const folder = this.folder(record.summary.id);
    mkdirSync(folder, { recursive: true });
    // The last evaluation point only: the run's curve is in its own files (and in an export).
    const meta = exportMeta(record.summary, record.metrics.epochs.slice(-1));
    const bytes = encodeWeights('json', tensors, meta);
    writeFileAtomic(path.join(folder, 'weights.json'), bytes);
  }

  loadWeights(runId: string): WeightTensor[] | null {
    const file = path.join(this.folder(runId), 'weights.json');
    if (!existsSync(file)) return null;
    return decodeWeights(new Uint8Array(readFileSync(file)), file).tensors;
  }

  remove(runId: string): void {
    this.logged.delete(runId);
    rmSync(this.folder(runId), { recursive: true, force: true });
  }

  list(): RunRecord[] {
    const records: RunRecord[] = [];
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith('.')) continue;
      try {
        const record = this.read(name);
        if (record) records.push(record);
      } catch (error) {
        this.warn(`Skipped the saved run in ${path.join(this.dir, name)}: ${(error as Error).message}`);
      }
    }
    return records.sort((a, b) => a.summary.createdAt - b.summary.createdAt);
  }

  /** One run folder, or null when it is not a run folder at all. */
  private read(name: string): RunRecord | null {
    const folder = path.join(this.dir, name);
    const runFile = path.join(folder, 'run.json');
    if (!existsSync(runFile)) return null;
    const doc = runFileSchema.parse(JSON.parse(readFileSync(runFile, 'utf8')));
    if (doc.summary.id !== name)
      throw new Error(`run.json names ${doc.summary.id}, not the folder's ${name}`);
    // One value per hyperparameter; a setting added after the run was saved reads as its default.
    const config = savedConfigSchema.safeParse(doc.summary.config);
    if (!config.success) throw new Error('run.json holds an invalid config');
    const metrics = new MetricsRecorder();
    const metricsFile = path.join(folder, doc.version === 1 ? 'metrics.bin' : METRICS_FILE);
    if (existsSync(metricsFile)) {
      const bytes = new Uint8Array(readFileSync(metricsFile));
      const { losses, learningRates } = doc.version === 1 ? decodeMetricsBin(bytes) : decodeMetricsLog(bytes);
      if (losses.length > 0) metrics.addIterations({ start: 1, losses, learningRates });
    }
    const epochsFile = path.join(folder, EPOCHS_FILE);
    const epochs =
      doc.version === 1
        ? doc.epochs
        : existsSync(epochsFile)
          ? z.array(epochSchema).parse(decodeEpochsLog(readFileSync(epochsFile, 'utf8')))
          : [];
    for (const epoch of epochs) metrics.addEpoch(epoch as EpochMetrics);
    const summary = { ...doc.summary, config: config.data } as RunSummary;
    return { summary, metrics };
  }
}
