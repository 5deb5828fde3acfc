/**
 * FileRunStore on a real folder: metrics.bin round-trips exactly; damaged folders (bad metrics.bin,
 * a run.json naming another run, an invalid config) are skipped with a warning; a leftover temp file
 * from a killed write is ignored; a damaged weights.json makes predict reject with a message while
 * the run keeps its curve; atomic writes leave no temp files behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MetricsRecorder } from '../../src/main/lab/metrics';
import { FileRunStore, decodeMetricsBin, encodeMetricsBin } from '../../src/main/lab/run-files';
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
    expect(readdirSync(path.join(dir, 'run-1-a')).sort()).toEqual(['metrics.bin', 'run.json']);
    writeFileSync(path.join(dir, 'run-2-b', 'metrics.bin'), new Uint8Array(13)); // damaged
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
    expect(warnings.join('\n')).toMatch(/run-2-b.*metrics\.bin/);
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
