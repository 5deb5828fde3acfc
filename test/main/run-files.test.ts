/**
 * FileRunStore on a real folder: metrics.bin (the first format) round-trips exactly and still loads;
 * metrics are appended (a torn tail is dropped) so a run writes bytes linear in its length; damaged folders (bad metrics.bin,
 * a run.json naming another run, an invalid config) are skipped with a warning; a leftover temp file
 * from a killed write is ignored; a damaged weights.json makes predict reject with a message while
 * the run keeps its curve; atomic writes leave no temp files behind.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MetricsRecorder } from '../../src/main/lab/metrics';
import { FileRunStore, decodeMetricsBin, encodeMetricsBin } from '../../src/main/lab/run-files';
import { newEntry } from '../../src/main/lab/run-entry';
import { RunPersistence } from '../../src/main/lab/run-persistence';
import { LabService } from '../../src/main/lab/service';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import type { RunSummary } from '../../src/shared/runs';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'mnist-runfiles-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Bytes this process has written so far (Linux /proc/self/io: every write, to any file). */
function writtenBytes(): number {
  return Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
}

const EPOCH = {
  trainAccuracy: 0.9,
  trainLoss: 0.3,
  testAccuracy: 0.9,
  testLoss: 0.3,
  testCorrect: 9000,
  testCount: 10000,
  learningRate: 0.1,
  elapsedMs: 1000,
};

function summary(id: string, extra: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    name: id,
    config: DEFAULT_CONFIG,
    state: 'finished',
    createdAt: Date.now(),
    iteration: 3,
    totalIterations: 3,
    iterationsPerEpoch: 600,
    source: 'trained',
    ...extra,
  };
}

describe('FileRunStore', () => {
  it('metrics.bin keeps every float32 loss and learning rate; a wrong length is an error', () => {
    const losses = Float32Array.of(2.3025851, 1.5, Number.NaN, 0.1);
    const rates = Float32Array.of(0.1, 0.1, 0.05, 0.025);
    const bytes = encodeMetricsBin(losses, rates);
    expect(bytes.length).toBe(8 + 8 * 4);
    const back = decodeMetricsBin(bytes);
    expect(back.losses).toEqual(losses);
    expect(back.learningRates).toEqual(rates);
    expect(() => decodeMetricsBin(bytes.subarray(0, 30))).toThrow(/holds 30 bytes/);
    expect(() => decodeMetricsBin(new Uint8Array(16))).toThrow(/MLM1/);
  });

  it('loads a folder of the first format (run.json with every epoch, metrics.bin) and rewrites it on save', () => {
    const dir = tempDir();
    const folder = path.join(dir, 'run-1-old');
    mkdirSync(folder);
    const epoch = { ...EPOCH, epoch: 1, iteration: 2 };
    writeFileSync(
      path.join(folder, 'run.json'),
      JSON.stringify({ version: 1, summary: summary('run-1-old'), epochs: [epoch] }),
    );
    writeFileSync(
      path.join(folder, 'metrics.bin'),
      encodeMetricsBin(Float32Array.of(2, 1), Float32Array.of(0.1, 0.1)),
    );
    const store = new FileRunStore(dir);
    const [old] = store.list();
    expect(old.metrics.snapshot()).toEqual({
      losses: Float32Array.of(2, 1),
      learningRates: Float32Array.of(0.1, 0.1),
      epochs: [epoch],
    });
    store.save(old);
    expect(readdirSync(folder).sort()).toEqual(['epochs.jsonl', 'metrics.f32', 'run.json']);
    expect(new FileRunStore(dir).list()[0].metrics.snapshot()).toEqual(old.metrics.snapshot());
  });

  it('appends: a torn last record or line (a crash mid-append) is dropped on reading', () => {
    const dir = tempDir();
    const store = new FileRunStore(dir);
    const metrics = new MetricsRecorder();
    const record = { summary: summary('run-1-a'), metrics };
    for (let i = 1; i <= 3; i++) {
      metrics.addIterations({ start: i, losses: Float32Array.of(i), learningRates: Float32Array.of(0.1) });
      metrics.addEpoch({ ...EPOCH, epoch: i, iteration: i });
      store.save(record);
    }
    const folder = path.join(dir, 'run-1-a');
    appendFileSync(path.join(folder, 'metrics.f32'), new Uint8Array(5)); // half a record
    appendFileSync(path.join(folder, 'epochs.jsonl'), '{"epoch": 4, "iter'); // half a line
    const back = new FileRunStore(dir).list()[0].metrics.snapshot();
    expect(back.losses).toEqual(Float32Array.of(1, 2, 3));
    expect(back.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
  });

  it('saving an evaluation every iteration writes bytes in proportion to the run, not to its square', () => {
    // What the service does for each iteration of a run with evalEvery 1: the iteration and its
    // evaluation point are recorded, the run is saved, and the new weights are handed over.
    const tensors = [
      { name: 'W1', shape: [784, 50], data: new Float32Array(784 * 50).fill(0.01) },
      { name: 'b1', shape: [50], data: new Float32Array(50) },
      { name: 'W2', shape: [50, 10], data: new Float32Array(500).fill(0.02) },
      { name: 'b2', shape: [10], data: new Float32Array(10) },
    ];
    const bytesWritten = (iterations: number): number => {
      const persistence = RunPersistence.choose({ dataDir: tempDir() }, () => {});
      const entry = newEntry(summary(`run-${iterations}-a`, { state: 'training' }));
      const before = writtenBytes();
      for (let i = 1; i <= iterations; i++) {
        const batch = { start: i, losses: Float32Array.of(1 / i), learningRates: Float32Array.of(0.1) };
        entry.metrics.addIterations(batch);
        entry.metrics.addEpoch({ ...EPOCH, epoch: i, iteration: i, gradientNorms: [0.5, 0.25] });
        entry.summary.iteration = i;
        entry.summary.lastEpoch = entry.metrics.epochs[i - 1];
        persistence.save(entry);
        persistence.saveWeightsSoon(entry, tensors);
      }
      persistence.flushWeights(entry);
      persistence.close();
      return writtenBytes() - before;
    };
    const short = bytesWritten(250);
    const long = bytesWritten(1000);
    console.log(`bytes written: ${short} for 250 iterations, ${long} for 1000`);
    expect(long / short).toBeLessThan(6); // linear: about 4; quadratic: about 16
  });

  it('skips damaged folders with a warning, ignores temp files, writes without leftovers', () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const store = new FileRunStore(dir, (m) => warnings.push(m));
    const metrics = new MetricsRecorder();
    metrics.addIterations({
      start: 1,
      losses: Float32Array.of(2, 1.5, 1),
      learningRates: Float32Array.of(0.1, 0.1, 0.1),
    });
    for (const id of ['run-1-a', 'run-2-b', 'run-3-c', 'run-4-d'])
      store.save({ summary: summary(id), metrics });
    expect(readdirSync(path.join(dir, 'run-1-a')).sort()).toEqual([
      'epochs.jsonl',
      'metrics.f32',
      'run.json',
    ]);
    writeFileSync(path.join(dir, 'run-2-b', 'metrics.f32'), new Uint8Array(13)); // damaged
    const other = JSON.parse(readFileSync(path.join(dir, 'run-3-c', 'run.json'), 'utf8'));
    other.summary.id = 'run-1-a';
    writeFileSync(path.join(dir, 'run-3-c', 'run.json'), JSON.stringify(other)); // names another run
    const bad = JSON.parse(readFileSync(path.join(dir, 'run-4-d', 'run.json'), 'utf8'));
    bad.summary.config.learningRate = -1;
    writeFileSync(path.join(dir, 'run-4-d', 'run.json'), JSON.stringify(bad)); // invalid config
    writeFileSync(path.join(dir, 'run-1-a', '.run.json.123.0.tmp'), '{"half'); // a killed write's temp file
    writeFileSync(path.join(dir, '.DS_Store'), 'x');

    const records = store.list();
    expect(records.map((r) => r.summary.id)).toEqual(['run-1-a']);
    expect(records[0].metrics.snapshot().losses).toEqual(Float32Array.of(2, 1.5, 1));
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/run-2-b.*metrics\.f32/);
    expect(warnings.join('\n')).toMatch(/run-3-c.*names run-1-a/);
    expect(warnings.join('\n')).toMatch(/run-4-d.*invalid config/);
  });

  it('a damaged weights.json: the run keeps its curve, predict says what is wrong', async () => {
    const dir = tempDir();
    const store = new FileRunStore(dir);
    const metrics = new MetricsRecorder();
    metrics.addIterations({
      start: 1,
      losses: Float32Array.of(2, 1),
      learningRates: Float32Array.of(0.1, 0.1),
    });
    store.save({ summary: summary('run-1-x'), metrics });
    writeFileSync(
      path.join(dir, 'run-1-x', 'weights.json'),
      '{"format": "mnist-lab-weights", "version": 1, "tens',
    );
    const lab = new LabService({ dataDir: dir, warn: () => {} });
    try {
      expect((await lab.getRunMetrics('run-1-x')).losses).toEqual(Float32Array.of(2, 1));
      await expect(lab.predict('run-1-x', new Uint8Array(784))).rejects.toThrow(/JSON|weights/i);
      expect((await lab.listRuns()).map((r) => r.state)).toEqual(['finished']);
    } finally {
      await lab.close();
    }
  });
});
