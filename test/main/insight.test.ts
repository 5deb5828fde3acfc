import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { checkedLab } from '../../src/main/lab/lab-dispatch';
import { Rng, createNetwork, hiddenMap, tsBackend } from '../../src/nn';
import { HIDDEN_MAP_IMAGES, HISTOGRAM_IMAGES } from '../../src/shared/explain';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import { EventLog } from './lab-helpers';

/**
 * The hidden-layer map and the histograms through the real service, run worker and evaluator
 * thread: the map equals the engine's on the same weights, the histograms count every weight and
 * every activation of the fixed batch, and every evaluation point of a short run carries them.
 */
const lab = new LabService();
const log = new EventLog(lab);
afterAll(() => lab.close());
const config = { hidden: [50, 30], iterations: 300, evalEvery: 100 };
let runId = '';

describe('hidden-layer map and histograms', () => {
  it('every evaluation point carries activation and weight histograms with the dead-ReLU share', async () => {
    runId = (await lab.startRun(config)).id;
    await log.waitFor('state', (e) => e.runId === runId && e.state === 'finished');
    const epochs = (await lab.getRunMetrics(runId)).epochs;
    expect(epochs).toHaveLength(3);
    for (const e of epochs) {
      const h = e.histograms!;
      expect(h.weights.map((w) => w.name)).toEqual(['W1', 'W2', 'W3']);
      const sizes = [784 * 50, 50 * 30, 30 * 10];
      h.weights.forEach((w, i) => {
        expect(w.histogram.counts.reduce((a, b) => a + b, 0)).toBe(sizes[i]);
        expect(w.histogram.min).toBeLessThan(0);
        expect(w.histogram.max).toBeGreaterThan(0);
      });
      expect(h.activations.map((a) => a.name)).toEqual(['Relu1', 'Relu2']);
      h.activations.forEach((a, i) => {
        expect(a.histogram.counts.reduce((x, y) => x + y, 0)).toBe(HISTOGRAM_IMAGES * [50, 30][i]);
        expect(a.histogram.min).toBe(0); // ReLU outputs start at 0
        expect(a.deadShare).toBeGreaterThanOrEqual(0);
        expect(a.deadShare).toBeLessThan(1);
      });
    }
    // The weights moved between the first and the last point.
    expect(epochs[2].histograms!.weights[0].histogram).not.toEqual(
      epochs[0].histograms!.weights[0].histogram,
    );
  }, 120_000);

  it("maps a hidden layer of 2,000 test images as the engine does on the run's weights, with the drawing", async () => {
    const { pixels, labels } = await lab.sampleImages('test', 0, 100);
    const drawn = pixels.slice(3 * 784, 4 * 784);
    let map = null;
    while (map === null) map = await lab.hiddenMap(runId, 1, drawn); // null only while another is computed
    expect(map.layers).toEqual([
      { name: 'Relu1', width: 50 },
      { name: 'Relu2', width: 30 },
    ]);
    expect(map.layer).toBe(1);
    expect(map.iteration).toBe(300);
    expect(map.points.length).toBe(2 * HIDDEN_MAP_IMAGES);
    expect(Array.from(map.labels.subarray(0, 100))).toEqual(Array.from(labels));
    const [r1, r2] = map.explainedVarianceRatio;
    expect(r1).toBeGreaterThan(r2);
    expect(r1 + r2).toBeLessThan(1);
    expect(map.computeMs).toBeGreaterThan(0);
    expect(map.features).toBeNull(); // the live redraws do not carry the layer's outputs

    const all = new Uint8Array(HIDDEN_MAP_IMAGES * 784);
    for (let start = 0; start < HIDDEN_MAP_IMAGES; start += 100)
      all.set((await lab.sampleImages('test', start, 100)).pixels, start * 784);
    const net = createNetwork(
      { ...DEFAULT_CONFIG, ...config, inputSize: 784, outputSize: 10 },
      { backend: tsBackend, rng: new Rng(0) },
    );
    net.setTensors(await lab.getWeights(runId));
    const ours = hiddenMap(net, all, HIDDEN_MAP_IMAGES, 1, drawn);
    expect(r1).toBeCloseTo(ours.explainedVarianceRatio[0], 5);
    expect(r2).toBeCloseTo(ours.explainedVarianceRatio[1], 5);
    expect(Array.from(map.predictions)).toEqual(Array.from(ours.predictions));
    // The drawn image is test image 3: it lands where that image's point is.
    expect(map.drawn![0]).toBeCloseTo(map.points[6], 3);
    expect(map.drawn![1]).toBeCloseTo(map.points[7], 3);
    const evaluation = await lab.evaluateRun(runId);
    expect(Array.from(map.predictions)).toEqual(
      Array.from(evaluation.predictions.subarray(0, HIDDEN_MAP_IMAGES)),
    );

    // Asked for, the layer's outputs themselves (for the t-SNE view): the engine's, image by image.
    let full = null;
    while (full === null) full = await lab.hiddenMap(runId, 1, undefined, { withFeatures: true });
    expect(full.features).toBeInstanceOf(Float32Array);
    expect(full.features!.length).toBe(HIDDEN_MAP_IMAGES * 30);
    let worst = 0;
    for (let k = 0; k < ours.features.length; k++)
      worst = Math.max(worst, Math.abs(full.features![k] - ours.features[k]));
    expect(worst).toBeLessThan(1e-4);
    expect(Array.from(full.points)).toEqual(Array.from(map.points));
    expect(full.drawn).toBeNull();
  }, 120_000);

  it('refuses a hidden layer the network does not have, and a malformed one', async () => {
    await expect(lab.hiddenMap(runId, 2)).rejects.toThrow('This network has no hidden layer 2: it has 2.');
    await expect(checkedLab(lab).hiddenMap(runId, -1)).rejects.toThrow(/Invalid hidden layer/);
    const malformed = { withFeatures: 'yes' } as unknown as { withFeatures: boolean };
    await expect(checkedLab(lab).hiddenMap(runId, 0, undefined, malformed)).rejects.toThrow(
      /Invalid hidden map options/,
    );
    const unknownKey = { withFeatures: true, everything: true } as unknown as { withFeatures: boolean };
    await expect(checkedLab(lab).hiddenMap(runId, 0, undefined, unknownKey)).rejects.toThrow(
      /Invalid hidden map options/,
    );
  });
});

describe('histograms saved with the run', () => {
  it('read back from the run folder by the next start, equal to what was recorded', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mnist-histograms-'));
    try {
      const first = new LabService({ dataDir, warn: () => {} });
      const firstLog = new EventLog(first);
      const run = await first.startRun({ hidden: [20], iterations: 100, evalEvery: 50 });
      await firstLog.waitFor('state', (e) => e.runId === run.id && e.state === 'finished');
      const recorded = (await first.getRunMetrics(run.id)).epochs.map((e) => e.histograms);
      await first.close();
      const second = new LabService({ dataDir, warn: () => {} });
      const read = (await second.getRunMetrics(run.id)).epochs.map((e) => e.histograms);
      await second.close();
      expect(recorded).toHaveLength(2);
      expect(recorded.every((h) => h !== undefined)).toBe(true);
      expect(read).toEqual(recorded);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
