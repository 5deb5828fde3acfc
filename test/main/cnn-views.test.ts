/**
 * The CNN views' answers from a real service and real run workers on real MNIST: a digit's feature
 * maps (LabApi.featureMaps) have the plan's shapes and the values of the engine's own forward pass
 * and of a direct nested-loop convolution, ReLU and max-pooling written here; the filters before
 * training (LabApi.initialWeights) are the seed's initialisation; a SimpleConvNet whose sizes are
 * not whole numbers is refused with its message; bad pixels are refused where the call arrives; a
 * CNN run saved in the history answers all of it, and its evaluation, after a restart.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedLab } from '../../src/main/lab/lab-dispatch';
import { LabService } from '../../src/main/lab/service';
import { Rng, createNetwork, tsBackend } from '../../src/nn/index';
import { DEFAULT_CONFIG, type TrainConfig } from '../../src/shared/hyperparams';
import type { FeatureMap } from '../../src/shared/feature-maps';
import type { RunSummary, WeightTensor } from '../../src/shared/runs';
import { bookDir } from '../formats/helpers';
import { EventLog } from './lab-helpers';

const lab = new LabService();
const log = new EventLog(lab);
afterAll(() => lab.close());

/** A small SimpleConvNet: 4 filters of 5×5, stride 1, pad 0, 2×2 pooling, 20 hidden units. */
const SMALL: Partial<TrainConfig> = {
  arch: 'simple-convnet',
  filters: 4,
  filterSize: 5,
  convHidden: 20,
  optimizer: 'adam',
  learningRate: 0.001,
  iterations: 30,
  evalEvery: 30,
  batchSize: 20,
  seed: 7,
};

async function trained(config: Partial<TrainConfig>): Promise<RunSummary> {
  const run = await lab.startRun(config);
  await log.waitFor('state', (e) => e.runId === run.id && e.state === 'finished', 120_000);
  return run;
}

const tensor = (ws: WeightTensor[], name: string) => ws.find((w) => w.name === name)!;

/** Conv1 → Relu1 → Pool1 for one image, by nested loops over W1 (FN, 1, F, F) and b1 (FN). */
function directMaps(pixels: Uint8Array, W1: WeightTensor, b1: WeightTensor, pool: number) {
  const [FN, , F] = W1.shape;
  const OH = 28 - F + 1;
  const conv = new Float64Array(FN * OH * OH);
  for (let f = 0; f < FN; f++)
    for (let y = 0; y < OH; y++)
      for (let x = 0; x < OH; x++) {
        let s = b1.data[f];
        for (let i = 0; i < F; i++)
          for (let j = 0; j < F; j++)
            s += W1.data[(f * F + i) * F + j] * (pixels[(y + i) * 28 + x + j] / 255);
        conv[(f * OH + y) * OH + x] = s;
      }
  const relu = conv.map((v) => Math.max(0, v));
  const PH = OH / pool;
  const pooled = new Float64Array(FN * PH * PH);
  for (let f = 0; f < FN; f++)
    for (let y = 0; y < PH; y++)
      for (let x = 0; x < PH; x++) {
        let m = -Infinity;
        for (let i = 0; i < pool; i++)
          for (let j = 0; j < pool; j++) m = Math.max(m, relu[(f * OH + y * pool + i) * OH + x * pool + j]);
        pooled[(f * PH + y) * PH + x] = m;
      }
  return { conv, relu, pooled, OH, PH };
}

function expectClose(actual: Float32Array, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(tolerance);
}

describe('feature maps and initial filters of a SimpleConvNet run', () => {
  let run: RunSummary;
  let image: Uint8Array;
  beforeAll(async () => {
    run = await trained(SMALL);
    image = (await lab.sampleImages('test', 0, 1)).pixels;
  }, 150_000);

  it('answers Conv1, Relu1 and Pool1 with the plan shapes and the values of a direct convolution', async () => {
    const maps: FeatureMap[] = await checkedLab(lab).featureMaps(run.id, image);
    expect(maps.map((m) => [m.name, m.C, m.H, m.W])).toEqual([
      ['Conv1', 4, 24, 24],
      ['Relu1', 4, 24, 24],
      ['Pool1', 4, 12, 12],
    ]);
    const weights = await lab.getWeights(run.id);
    const direct = directMaps(image, tensor(weights, 'W1'), tensor(weights, 'b1'), 2);
    // float32 sums of 25 products (WASM or TypeScript kernels) against float64 loops.
    expectClose(maps[0].data, direct.conv, 1e-4);
    expectClose(maps[1].data, direct.relu, 1e-4);
    expectClose(maps[2].data, direct.pooled, 1e-4);
    expect(maps[1].data.some((v) => v > 0)).toBe(true);
  });

  it("matches the engine's own forward pass through a network loaded with the run's weights", async () => {
    const maps = await lab.featureMaps(run.id, image);
    const config = { ...DEFAULT_CONFIG, ...SMALL };
    const network = createNetwork(
      { ...config, inputSize: 784, outputSize: 10 },
      { backend: tsBackend, rng: new Rng(1) },
    );
    network.setTensors(await lab.getWeights(run.id));
    const own = network.featureMaps(Array.from(image, (v) => v / 255));
    expect(own.map((m) => m.name)).toEqual(maps.map((m) => m.name));
    own.forEach((m, i) => expectClose(maps[i].data, m.data, 1e-5));
  });

  it('follows the drawing: another image gives other maps', async () => {
    const other = (await lab.sampleImages('test', 1, 1)).pixels;
    const [a, b] = await Promise.all([lab.featureMaps(run.id, image), lab.featureMaps(run.id, other)]);
    expect(Array.from(a[2].data)).not.toEqual(Array.from(b[2].data));
  });

  it("gives the filters before training as the seed's initialisation, unlike the trained ones", async () => {
    const before = (await lab.initialWeights(run.id))!;
    expect(before.map((t) => [t.name, t.shape])).toEqual([
      ['W1', [4, 1, 5, 5]],
      ['b1', [4]],
    ]);
    const config = { ...DEFAULT_CONFIG, ...SMALL };
    const fresh = createNetwork(
      { ...config, inputSize: 784, outputSize: 10 },
      { backend: tsBackend, rng: new Rng(config.seed, 0) },
    );
    expect(Array.from(tensor(before, 'W1').data)).toEqual(Array.from(fresh.params.W1));
    // The book's init: Gaussian with std 0.01, biases zero.
    expect(Array.from(tensor(before, 'b1').data)).toEqual([0, 0, 0, 0]);
    const now = tensor(await lab.getWeights(run.id), 'W1');
    expect(Array.from(now.data)).not.toEqual(Array.from(tensor(before, 'W1').data));
  });

  it('refuses pixels that are not 784 values where the call arrives', async () => {
    await expect(checkedLab(lab).featureMaps(run.id, new Uint8Array(10))).rejects.toMatchObject({
      code: 'invalidArgument',
    });
  });
});

describe('other runs', () => {
  it('an MLP has no feature maps', async () => {
    const run = await trained({ iterations: 5, evalEvery: 5, hidden: [10] });
    expect(await lab.featureMaps(run.id, new Uint8Array(784))).toEqual([]);
  }, 60_000);

  it('an imported run has no filters from before training', async () => {
    const pkl = new Uint8Array(readFileSync(path.join(bookDir, 'sample_weight.pkl')));
    const preview = await lab.openWeights('sample_weight.pkl', pkl);
    const run = await lab.importWeights(preview.pendingId, { activation: 'sigmoid' });
    expect(await lab.initialWeights(run.id)).toBeNull();
  }, 60_000);

  it.each([
    [{ filterSize: 5, stride: 2 }, 'convNotWhole', '12.5'],
    [{ filterSize: 4, stride: 1 }, 'poolNotWhole', 25],
  ] as const)('refuses a SimpleConvNet with %o (%s)', async (sizes, code, size) => {
    const start = lab.startRun({ ...SMALL, ...sizes });
    await expect(start).rejects.toMatchObject({ code, params: expect.objectContaining({ size }) });
  });
});

describe('a SimpleConvNet run in the run history', () => {
  it('reads back after a restart with its config, and answers feature maps, initial filters and evaluation', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cnn-history-'));
    try {
      const first = new LabService({ dataDir, warn: () => {} });
      const firstLog = new EventLog(first);
      const run = await first.startRun(SMALL);
      await firstLog.waitFor('state', (e) => e.runId === run.id && e.state === 'finished', 120_000);
      const image = (await first.sampleImages('test', 0, 1)).pixels;
      const maps = await first.featureMaps(run.id, image);
      const before = await first.initialWeights(run.id);
      const evaluation = await first.evaluateRun(run.id);
      await first.close();

      const again = new LabService({ dataDir, warn: () => {} });
      try {
        const [saved] = await again.listRuns();
        expect(saved.id).toBe(run.id);
        expect(saved.config).toMatchObject(SMALL);
        const mapsAgain = await again.featureMaps(run.id, image);
        expect(mapsAgain.map((m) => m.name)).toEqual(maps.map((m) => m.name));
        mapsAgain.forEach((m, i) => expectClose(m.data, maps[i].data, 1e-6));
        expect(await again.initialWeights(run.id)).toEqual(before);
        expect((await again.evaluateRun(run.id)).correct).toBe(evaluation.correct);
        expect((await again.getRunMetrics(run.id)).epochs.length).toBeGreaterThan(0);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
