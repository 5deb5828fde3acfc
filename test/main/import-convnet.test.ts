/**
 * Importing the book's convolutional networks into the app, through the Lab service as the import
 * dialog does (openWeights + importWeights): ch07 params.pkl becomes a SimpleConvNet run (30 filters
 * 5×5, stride 1, pad 0, 2×2 pooling, 100 hidden, read off the shapes) that scores exactly 9600/10000
 * with evaluateRun, ch08 deep_convnet_params.pkl a DeepConvNet run scoring exactly 9797/10000 (what
 * the book's own NumPy code gets on this MNIST, see test/fixtures/book/README.md); both are drawn on
 * (predict) and trained further. A CNN's JSON export comes back with its own settings; convolutional
 * weights that fit neither network are refused with a catalogued message and change nothing; the
 * panel's architecture (ImportChoices.training) never turns an MLP file into a CNN run or back.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNpz } from '../../src/formats/index';
import { LabService } from '../../src/main/lab/service';
import { LabError, isLabMessage } from '../../src/shared/messages';
import { bookDir, mnistDir, repoRoot } from '../formats/helpers';
import { EventLog } from './lab-helpers';

const simplePkl = path.join(bookDir, 'params.pkl');
const deepPkl = path.join(repoRoot, 'test/fixtures/book/deep_convnet_params.pkl');
const present = existsSync(simplePkl);
if (!present && process.env.CI === 'true') throw new Error(`${simplePkl} is missing`);
const firstImage = () =>
  new Uint8Array(readFileSync(path.join(mnistDir, 't10k-images-idx3-ubyte')).subarray(16, 16 + 784));

/** The codes of a message and of every message nested in its params. */
function codesOf(msg: unknown): string[] {
  if (!isLabMessage(msg)) return [];
  const nested = Object.values(msg.params as Record<string, unknown>).flatMap(codesOf);
  return [msg.code, ...nested];
}

describe("importing the book's CNNs", () => {
  const lab = new LabService();
  const log = new EventLog(lab);
  afterAll(() => lab.close());

  /** Opens and imports `file`; returns the preview and the run. */
  async function importFile(file: string, name?: string) {
    const preview = await lab.openWeights(path.basename(file), new Uint8Array(readFileSync(file)));
    const run = await lab.importWeights(preview.pendingId, { activation: 'relu', name });
    return { preview, run };
  }

  /**
   * One training step from the imported weights: the weights move, the network still scores about as
   * well as imported (it continued from them, not from fresh ones); returns the step's loss.
   */
  async function trainsFurther(runId: string, imported: number): Promise<number> {
    const before = await lab.getWeights(runId);
    await lab.setLearningRate(runId, 0.0001);
    await lab.stepRun(runId);
    const iterations = await log.waitFor('iterations', (e) => e.runId === runId, 120_000);
    const after = await lab.getWeights(runId);
    expect(after.find((t) => t.name === 'W1')!.data).not.toEqual(before.find((t) => t.name === 'W1')!.data);
    expect((await lab.evaluateRun(runId)).correct).toBeGreaterThan(imported - 100);
    return iterations.batch.losses[0];
  }

  it.skipIf(!present)(
    present
      ? 'ch07 params.pkl: SimpleConvNet read off the shapes, 9600/10000, predicts a 7, trains further'
      : `skipped: ${simplePkl} not found`,
    async () => {
      const { preview, run } = await importFile(simplePkl);
      expect(preview).toMatchObject({
        arch: 'simple-convnet',
        needsActivation: false,
        batchNorm: false,
        shapes: ['W1 30×1×5×5', 'b1 30', 'W2 4320×100', 'b2 100', 'W3 100×10', 'b3 10'],
      });
      expect(run).toMatchObject({ name: 'params', state: 'imported', source: 'imported' });
      expect(run.config).toMatchObject({
        arch: 'simple-convnet',
        filters: 30,
        filterSize: 5,
        stride: 1,
        pad: 0,
        pool: 2,
        convHidden: 100,
        activation: 'relu',
        batchNorm: false,
      });
      const evaluation = await lab.evaluateRun(run.id);
      expect([evaluation.correct, evaluation.count]).toEqual([9600, 10000]);
      const weights = await lab.getWeights(run.id);
      expect(weights.map((t) => `${t.name}(${t.shape.join(',')})`)).toEqual(
        preview.shapes.map((s) => s.replace(' ', '(').replaceAll('×', ',') + ')'),
      );
      const prediction = await lab.predict(run.id, firstImage());
      expect(prediction.probabilities.indexOf(Math.max(...prediction.probabilities))).toBe(7);
      expect(await trainsFurther(run.id, 9600)).toBeLessThan(0.5); // a fresh network starts at ~2.3
    },
    180_000,
  );

  it("ch08 deep_convnet_params.pkl: DeepConvNet with the book's dropout scaling, 9797/10000, predicts a 7, trains further", async () => {
    const { preview, run } = await importFile(deepPkl);
    expect(preview.arch).toBe('deep-convnet');
    expect(preview.shapes).toHaveLength(16);
    expect(run.config).toMatchObject({ arch: 'deep-convnet', activation: 'relu', batchNorm: false });
    const evaluation = await lab.evaluateRun(run.id);
    expect([evaluation.correct, evaluation.count]).toEqual([9797, 10000]);
    const prediction = await lab.predict(run.id, firstImage());
    expect(prediction.probabilities.indexOf(Math.max(...prediction.probabilities))).toBe(7);
    // In training the book's Dropout zeroes half the logits unscaled, so the loss stays high (about 1.2).
    expect(await trainsFurther(run.id, 9797)).toBeLessThan(2);
  }, 240_000);

  it('a CNN exported as JSON comes back with its own settings (filter 4, stride 2, pad 2, pool 3, batch norm)', async () => {
    const trained = await lab.startRun({
      arch: 'simple-convnet',
      filters: 4,
      filterSize: 4,
      stride: 2,
      pad: 2,
      pool: 3,
      convHidden: 12,
      batchNorm: true,
      iterations: 5,
      evalEvery: 5,
      seed: 5,
    });
    await log.waitFor('state', (e) => e.runId === trained.id && e.state === 'finished', 120_000);
    const json = await lab.exportWeights(trained.id, 'json');
    const preview = await lab.openWeights(json.fileName, json.bytes!);
    expect(preview).toMatchObject({ arch: 'simple-convnet', batchNorm: true, hasSettings: true });
    const back = await lab.importWeights(preview.pendingId, { activation: 'relu', name: 'back' });
    expect(back.config).toMatchObject({
      filters: 4,
      filterSize: 4,
      stride: 2,
      pad: 2,
      pool: 3,
      convHidden: 12,
    });
    const a = await lab.evaluateRun(trained.id);
    const b = await lab.evaluateRun(back.id);
    expect(b.correct).toBe(a.correct);
    expect(b.predictions).toEqual(a.predictions);
  }, 180_000);

  it('convolutional weights whose shapes fit neither network are refused, naming the shapes; nothing changes', async () => {
    const before = (await lab.listRuns()).map((r) => r.id);
    const t = (name: string, shape: number[]) => ({
      name,
      shape,
      data: new Float32Array(shape.reduce((x, y) => x * y, 1)),
    });
    const files: [string, Uint8Array][] = [
      [
        'hidden.npz',
        writeNpz([
          t('W1', [30, 1, 5, 5]),
          t('b1', [30]),
          t('W2', [999, 100]),
          t('b2', [100]),
          t('W3', [100, 10]),
          t('b3', [10]),
        ]),
      ],
      [
        'rgb.npz',
        writeNpz([
          t('W1', [30, 3, 5, 5]),
          t('b1', [30]),
          t('W2', [4320, 100]),
          t('b2', [100]),
          t('W3', [100, 10]),
          t('b3', [10]),
        ]),
      ],
      [
        'extra.npz',
        writeNpz([
          t('W1', [30, 1, 5, 5]),
          t('b1', [30]),
          t('W2', [4320, 100]),
          t('b2', [100]),
          t('W3', [100, 10]),
          t('b3', [10]),
          t('W4', [10, 10]),
        ]),
      ],
    ];
    for (const [name, bytes] of files) {
      const error = await lab.openWeights(name, bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(LabError);
      expect(codesOf((error as LabError).data), name).toEqual(['cannotImport', 'notBookConvNet']);
      expect((error as LabError).message, name).toMatch(/W1 \(30, \d, 5, 5\)/);
    }
    expect((await lab.listRuns()).map((r) => r.id)).toEqual(before);
  }, 60_000);

  it("the panel's architecture never overrides the file's: an MLP stays an MLP, a CNN a CNN", async () => {
    const samplePkl = path.join(bookDir, 'sample_weight.pkl');
    const mlp = await lab.openWeights('sample_weight.pkl', new Uint8Array(readFileSync(samplePkl)));
    const asMlp = await lab.importWeights(mlp.pendingId, {
      activation: 'sigmoid',
      training: { arch: 'simple-convnet', optimizer: 'adam' },
    });
    expect(asMlp.config).toMatchObject({ arch: 'mlp', hidden: [50, 100], optimizer: 'adam' });
    const cnn = await lab.openWeights('deep.pkl', new Uint8Array(readFileSync(deepPkl)));
    const asCnn = await lab.importWeights(cnn.pendingId, {
      activation: 'sigmoid',
      training: { arch: 'mlp', hidden: [30], activation: 'tanh', optimizer: 'adam' },
    });
    expect(asCnn.config).toMatchObject({ arch: 'deep-convnet', activation: 'relu', optimizer: 'adam' });
  }, 60_000);
});
