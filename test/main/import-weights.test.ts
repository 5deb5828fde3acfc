/**
 * Importing weights into a new run: the book's sample_weight.pkl through openWeights + importWeights
 * scores 9352/10000 with evaluateRun, predicts, shows its weights and trains further; every hostile or
 * broken file is refused with a message saying what is wrong, and the run list stays as it was.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWeights, encodeWeights, writeNpy, writeNpz } from '../../src/formats/index';
import { LabService } from '../../src/main/lab/service';
import type { WeightTensor } from '../../src/shared/runs';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import { bookDir, mnistDir } from '../formats/helpers';
import { EventLog } from './lab-helpers';
import {
  npzGigabyteOfZeros,
  npzLyingDirectory,
  npzSharedStream,
  pickleEmptyDicts,
  pickleLong4,
} from '../formats/hostile-files';
import { NESTED_PARAMS, parseMessage } from '../../src/shared/messages';
import { checkedLab } from '../../src/main/lab/lab-dispatch';

/** Whether a text, and every cause nested in it, is one of the catalogue's messages. */
function catalogued(text: string): boolean {
  const parsed = parseMessage(text);
  if (!parsed) return false;
  return NESTED_PARAMS.every((name) => !(name in parsed.params) || catalogued(parsed.params[name]));
}

const samplePkl = new Uint8Array(readFileSync(path.join(bookDir, 'sample_weight.pkl')));

/** Pickle protocol 2 bytes that name os.system (a REDUCE gadget): must never be executed. */
function osSystemPickle(): Uint8Array {
  const body = [
    0x80,
    0x02,
    ...strToU8('cos\nsystem\n'),
    ...strToU8('X\x04\x00\x00\x00echo'),
    0x85,
    0x52,
    0x2e,
  ];
  return Uint8Array.from(body);
}

describe('importing weights', () => {
  const lab = new LabService();
  const log = new EventLog(lab);
  let sample: WeightTensor[];
  beforeAll(() => {
    sample = decodeWeights(samplePkl, 'sample_weight.pkl').tensors;
  });
  afterAll(() => lab.close());

  it("the book's sample_weight.pkl: preview 784-50-100-10 with sigmoid suggested, then 9352/10000 on the test set", async () => {
    const preview = await lab.openWeights('sample_weight.pkl', samplePkl);
    expect(preview).toMatchObject({
      fileName: 'sample_weight.pkl',
      sizes: [784, 50, 100, 10],
      batchNorm: false,
      needsActivation: true,
      suggestedActivation: 'sigmoid',
    });
    expect(await lab.listRuns()).toEqual([]); // nothing changes until importWeights
    const run = await lab.importWeights(preview.pendingId, { activation: 'sigmoid' });
    expect(run).toMatchObject({ name: 'sample_weight', state: 'imported', source: 'imported' });
    expect(run.config).toMatchObject({ hidden: [50, 100], activation: 'sigmoid', batchNorm: false });
    const evaluation = await lab.evaluateRun(run.id);
    expect(evaluation.correct).toBe(9352);
    expect(evaluation.count).toBe(10000);
    const weights = await lab.getWeights(run.id);
    const shapes = (ts: WeightTensor[]) => ts.map((t) => `${t.name}(${t.shape.join(',')})`).sort();
    expect(shapes(weights)).toEqual(shapes(sample));
    expect(weights.find((t) => t.name === 'W2')!.data).toEqual(sample.find((t) => t.name === 'W2')!.data);
    const pixels = new Uint8Array(
      readFileSync(path.join(mnistDir, 't10k-images-idx3-ubyte')).subarray(16, 16 + 784),
    );
    const prediction = await lab.predict(run.id, pixels);
    expect(prediction.activations.map((a) => a.length)).toEqual([50, 100]);
    expect(prediction.probabilities.indexOf(Math.max(...prediction.probabilities))).toBe(7); // the first test image is a 7
    expect((await lab.listRuns()).find((r) => r.id === run.id)?.state).toBe('imported');
  }, 60_000);

  it('the same file as relu is a different network (the activation matters)', async () => {
    const preview = await lab.openWeights('sample_weight.pkl', samplePkl);
    const run = await lab.importWeights(preview.pendingId, { activation: 'relu', name: 'as relu' });
    const evaluation = await lab.evaluateRun(run.id);
    expect(evaluation.correct).not.toBe(9352);
    await lab.deleteRun(run.id);
  }, 60_000);

  it('an imported run trains further from its weights when resumed', async () => {
    const preview = await lab.openWeights('sample_weight.pkl', samplePkl);
    const run = await lab.importWeights(preview.pendingId, { activation: 'sigmoid', name: 'further' });
    await lab.setLearningRate(run.id, 0.01);
    await lab.stepRun(run.id);
    const iterations = await log.waitFor('iterations', (e) => e.runId === run.id, 60_000);
    // Continuing from 93.5 % weights, the first loss is far below a fresh network's ~2.3.
    expect(iterations.batch.losses[0]).toBeLessThan(0.6);
    await lab.deleteRun(run.id);
  }, 60_000);

  it('an imported run is kept in the history: after a restart it is still imported, scores 9352 and trains further', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mnist-import-history-'));
    const first = new LabService({ dataDir, warn: () => {} });
    const preview = await first.openWeights('sample_weight.pkl', samplePkl);
    const run = await first.importWeights(preview.pendingId, { activation: 'sigmoid', name: 'kept import' });
    await first.close();
    const second = new LabService({ dataDir, warn: () => {} });
    try {
      expect((await second.listRuns()).map((r) => [r.id, r.name, r.state, r.config.activation])).toEqual([
        [run.id, 'kept import', 'imported', 'sigmoid'],
      ]);
      expect((await second.evaluateRun(run.id)).correct).toBe(9352);
      const events = new EventLog(second);
      await second.setLearningRate(run.id, 0.01);
      await second.resumeRun(run.id);
      await events.waitFor('state', (e) => e.runId === run.id && e.state === 'training', 60_000);
      const iterations = await events.waitFor('iterations', (e) => e.runId === run.id, 60_000);
      expect(iterations.batch.losses[0]).toBeLessThan(0.6); // from the saved weights, not a fresh net
      await second.stopRun(run.id);
      await events.waitFor('state', (e) => e.runId === run.id && e.state === 'stopped', 60_000);
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('JSON exports carry their activation: no question to ask', async () => {
    const runs = await lab.listRuns();
    const json = await lab.exportWeights(runs[0].id, 'json');
    const preview = await lab.openWeights(json.fileName, json.bytes!);
    expect(preview).toMatchObject({
      needsActivation: false,
      suggestedActivation: 'sigmoid',
      sizes: [784, 50, 100, 10],
    });
  }, 60_000);

  const without = (name: string) => sample.filter((t) => t.name !== name);
  const hostile: { what: string; fileName: string; bytes: () => Uint8Array; message: RegExp }[] = [
    {
      what: 'a missing bias',
      fileName: 'missing.npz',
      bytes: () => writeNpz(without('b2')),
      message: /W2 has no bias b2/,
    },
    {
      what: 'shapes that do not chain',
      fileName: 'chain.npz',
      bytes: () => writeNpz(sample.map((t) => (t.name === 'W2' ? { ...t, shape: [100, 50] } : t))),
      message: /do not chain/,
    },
    {
      what: 'a wrong dtype (unicode strings)',
      fileName: 'dtype.npz',
      bytes: () => {
        const entries: Record<string, Uint8Array> = {};
        for (const t of sample) {
          const npy = writeNpy(t);
          const text = new TextDecoder('latin1').decode(npy.subarray(0, 128));
          const at = text.indexOf("'<f4'");
          if (t.name === 'W1') npy.set(strToU8("'<U1'"), at);
          entries[`${t.name}.npy`] = npy;
        }
        return zipSync(entries);
      },
      message: /dtype|<U1/i,
    },
    {
      what: 'a truncated zip',
      fileName: 'cut.npz',
      bytes: () => writeNpz(sample).subarray(0, 40_000),
      message: /truncated|damaged/i,
    },
    {
      what: 'a pickle naming os.system',
      fileName: 'evil.pkl',
      bytes: osSystemPickle,
      message: /os\.system|not allowed|refus/i,
    },
    {
      what: 'a network for other inputs',
      fileName: 'cifar.npz',
      bytes: () =>
        writeNpz([
          { name: 'W1', shape: [3072, 10], data: new Float32Array(30720) },
          { name: 'b1', shape: [10], data: new Float32Array(10) },
          { name: 'W2', shape: [10, 10], data: new Float32Array(100) },
          { name: 'b2', shape: [10], data: new Float32Array(10) },
        ]),
      message: /784/,
    },
    {
      what: 'an ONNX file',
      fileName: 'net.onnx',
      bytes: () =>
        encodeWeights('onnx', sample, {
          architecture: {
            inputSize: 784,
            hidden: [50, 100],
            outputSize: 10,
            activation: 'sigmoid',
            batchNorm: false,
          },
        }),
      message: /ONNX/,
    },
    {
      what: 'NaN weights (a diverged run), naming the tensor',
      fileName: 'nan.npz',
      bytes: () =>
        writeNpz(
          sample.map((t) =>
            t.name === 'W2' ? { ...t, data: t.data.map((v, i) => (i === 7 ? NaN : v)) } : t,
          ),
        ),
      message: /^nan\.npz cannot be imported: Tensor W2 holds NaN at index 7: weights must be finite numbers/,
    },
    {
      what: 'an infinite bias',
      fileName: 'inf.pkl',
      bytes: () =>
        encodeWeights(
          'pkl',
          sample.map((t) =>
            t.name === 'b3' ? { ...t, data: t.data.map((v, i) => (i === 2 ? -Infinity : v)) } : t,
          ),
        ),
      message: /Tensor b3 holds -Infinity at index 2/,
    },
    {
      what: 'a pickle of one 1 MB integer (LONG4)',
      fileName: 'long.pkl',
      bytes: () => pickleLong4(),
      message: /integers over 64 bytes are refused/,
    },
    {
      what: 'a pickle of 3 MB of EMPTY_DICT opcodes',
      fileName: 'dicts.pkl',
      bytes: () => pickleEmptyDicts(),
      message: /The pickle creates more than \d+ values/,
    },
    {
      what: 'an .npz whose central directory lies about sizes',
      fileName: 'lying.npz',
      bytes: () => npzLyingDirectory(),
      message: /described differently by the archive's directory and by its own header/,
    },
    {
      what: 'an .npz of 1,000 entries sharing one stream',
      fileName: 'shared.npz',
      bytes: () => npzSharedStream(),
      message: /The \.npz entries W1\.npy and W2\.npy share the same bytes/,
    },
    {
      what: 'a gigabyte of zeros deflated to a megabyte',
      fileName: 'zeros.npz',
      bytes: () => npzGigabyteOfZeros(),
      message: /needs 1,073,741,824 bytes; a weights file may hold at most/,
    },
    {
      what: 'random bytes',
      fileName: 'noise.bin',
      bytes: () => Uint8Array.from({ length: 100 }, (_, i) => (i * 37) % 251),
      message: /Cannot tell/,
    },
  ];
  for (const file of hostile) {
    it(`refuses ${file.what} with its message and changes nothing`, async () => {
      const before = await lab.listRuns();
      const error = await lab.openWeights(file.fileName, file.bytes()).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(
        new RegExp(`^${file.fileName.replace('.', '\\.')} cannot be imported: `),
      );
      expect((error as Error).message).toMatch(file.message);
      // The message and its cause are catalogued, so the UI can show them in Japanese or Korean.
      expect(catalogued((error as Error).message)).toBe(true);
      expect(await lab.listRuns()).toEqual(before);
    });
  }

  it("a file without settings trains further with the chosen ones (the panel's), its layers from the file", async () => {
    const preview = await lab.openWeights('sample_weight.pkl', samplePkl);
    expect(preview.hasSettings).toBe(false);
    const training = {
      ...DEFAULT_CONFIG,
      hidden: [7], // the file's layers win
      optimizer: 'adam' as const,
      learningRate: 0.001,
      batchSize: 50,
      weightDecay: 'l2' as const,
      weightDecayLambda: 0.01,
    };
    const run = await lab.importWeights(preview.pendingId, { activation: 'sigmoid', training });
    expect(run.config).toMatchObject({
      hidden: [50, 100],
      activation: 'sigmoid',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 50,
      weightDecay: 'l2',
      weightDecayLambda: 0.01,
    });
    // Settings that do not validate give way to the defaults; the import itself still succeeds.
    const again = await lab.openWeights('sample_weight.pkl', samplePkl);
    const fallback = await lab.importWeights(again.pendingId, {
      activation: 'sigmoid',
      training: { learningRate: 99, optimizer: 'adam' },
    });
    expect(fallback.config).toEqual({ ...DEFAULT_CONFIG, hidden: [50, 100], activation: 'sigmoid' });
    await lab.deleteRun(run.id);
    await lab.deleteRun(fallback.id);
  });

  it('a JSON export keeps its own settings; the chosen ones are not used for it', async () => {
    const preview = await lab.openWeights('sample_weight.pkl', samplePkl);
    const source = await lab.importWeights(preview.pendingId, {
      activation: 'sigmoid',
      training: { ...DEFAULT_CONFIG, optimizer: 'momentum', learningRate: 0.05 },
    });
    const json = await lab.exportWeights(source.id, 'json');
    const reopened = await lab.openWeights('again.json', json.bytes!);
    expect(reopened.hasSettings).toBe(true);
    const run = await lab.importWeights(reopened.pendingId, {
      activation: 'sigmoid',
      training: { ...DEFAULT_CONFIG, optimizer: 'adam', learningRate: 0.001 },
    });
    expect(run.config).toMatchObject({ optimizer: 'momentum', learningRate: 0.05, hidden: [50, 100] });
    await lab.deleteRun(run.id);
    await lab.deleteRun(source.id);
  });

  it('refuses an unknown pending id and an activation outside the list', async () => {
    await expect(lab.importWeights('weights-999', { activation: 'relu' })).rejects.toThrow(/no longer open/);
    const preview = await lab.openWeights('sample_weight.pkl', samplePkl);
    await expect(
      checkedLab(lab).importWeights(preview.pendingId, { activation: 'softplus' as 'relu' }),
    ).rejects.toThrow(/Invalid import choices: activation/);
  });
});
