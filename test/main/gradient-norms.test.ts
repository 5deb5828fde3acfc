/**
 * The per-layer gradient norms end to end on the main side: a real run (worker thread, real MNIST)
 * posts one finite positive ‖dW_l‖₂ per weight layer with every evaluation point, in the epoch
 * events, getRunMetrics and the run's epochs log; a service restarted on the same folder reads them back; and
 * epochs saved without them (saved by an older version) or with a damaged list still load.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EPOCHS_FILE } from '../../src/main/lab/metrics-log';
import { LabService } from '../../src/main/lab/service';
import { EventLog } from './lab-helpers';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mnist-gradnorms-'));
const services: LabService[] = [];
afterAll(async () => {
  for (const lab of services) await lab.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function service(): LabService {
  const lab = new LabService({ dataDir, warn: () => {} });
  services.push(lab);
  return lab;
}

/** A saved run's evaluation points as its epochs log holds them (one JSON object a line). */
function savedEpochs(runId: string): Record<string, unknown>[] {
  const text = readFileSync(path.join(dataDir, runId, EPOCHS_FILE), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Rewrites a saved run's epochs log, changing each epoch with `edit`. */
function editEpochs(runId: string, edit: (epoch: Record<string, unknown>) => void): void {
  const epochs = savedEpochs(runId);
  epochs.forEach(edit);
  writeFileSync(path.join(dataDir, runId, EPOCHS_FILE), epochs.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

describe('gradient norms through a real run', () => {
  let runId = '';
  let testAccuracies: number[] = [];

  it('every evaluation point carries one finite positive norm per weight layer (W1, W2, W3)', async () => {
    const lab = service();
    const log = new EventLog(lab);
    const run = await lab.startRun({ hidden: [20, 12], iterations: 120, evalEvery: 40 });
    runId = run.id;
    const end = await log.waitFor('state', (e) => e.runId === run.id && e.state === 'finished');
    expect(end.state).toBe('finished');
    const epochs = log.of('epoch', run.id).map((e) => e.metrics);
    expect(epochs.map((e) => e.iteration)).toEqual([40, 80, 120]);
    for (const e of epochs) {
      expect(e.gradientNorms).toHaveLength(3);
      for (const g of e.gradientNorms!) {
        expect(Number.isFinite(g)).toBe(true);
        expect(g).toBeGreaterThan(0);
      }
    }
    // The same numbers in the recorded metrics and in the summary's last epoch.
    const metrics = await lab.getRunMetrics(run.id);
    expect(metrics.epochs.map((e) => e.gradientNorms)).toEqual(epochs.map((e) => e.gradientNorms));
    testAccuracies = epochs.map((e) => e.testAccuracy);
    const [summary] = (await lab.listRuns()).filter((r) => r.id === run.id);
    expect(summary.lastEpoch?.gradientNorms).toEqual(epochs[2].gradientNorms);
    await lab.close();
  });

  it('a restarted service reads the norms back from the epochs log', async () => {
    const before = { epochs: savedEpochs(runId) as { gradientNorms: number[] }[] };
    const lab = service();
    const metrics = await lab.getRunMetrics(runId);
    expect(metrics.epochs).toHaveLength(3);
    expect(metrics.epochs.map((e) => e.gradientNorms)).toEqual(before.epochs.map((e) => e.gradientNorms));
    await lab.close();
  });

  it('old epochs without gradientNorms still load, with their curves and no norms', async () => {
    editEpochs(runId, (e) => delete e.gradientNorms);
    const lab = service();
    const metrics = await lab.getRunMetrics(runId);
    expect(metrics.epochs.map((e) => e.iteration)).toEqual([40, 80, 120]);
    expect(metrics.epochs.every((e) => e.gradientNorms === undefined)).toBe(true);
    expect(metrics.epochs.map((e) => e.testAccuracy)).toEqual(testAccuracies);
    expect(metrics.losses).toHaveLength(120);
    await lab.close();
  });

  it('a non-finite norm (saved as null by JSON) reads back as NaN; a damaged list is dropped, the run kept', async () => {
    editEpochs(runId, (e) => {
      e.gradientNorms = e.epoch === 1 ? [0.5, null, 0.25] : 'not a list';
    });
    const lab = service();
    const [run] = (await lab.listRuns()).filter((r) => r.id === runId);
    expect(run.state).toBe('finished');
    const metrics = await lab.getRunMetrics(runId);
    expect(metrics.epochs[0].gradientNorms).toEqual([0.5, NaN, 0.25]);
    expect(metrics.epochs[1].gradientNorms).toBeUndefined();
    expect(metrics.epochs[2].gradientNorms).toBeUndefined();
    await lab.close();
  });
});
